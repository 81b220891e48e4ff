/**
 * jest globalSetup of the queue layer: installs n8n (scripts/n8n-install.tsx) and PostgreSQL + Redis (apt-get,
 * when missing) before any test timeout starts, and stops servers a killed earlier run left behind.
 */
import { ensureN8n } from '../../../scripts/n8n-install';
import { reapRecorded } from '../../e2e/harness/processes';
import { ensureServiceBinaries } from './services';

export default async function globalSetup(): Promise<void> {
	const reaped = await reapRecorded();
	if (reaped) process.stderr.write(`[queue] stopped ${reaped} server(s) left by an earlier run\n`);
	let t = Date.now();
	await ensureN8n();
	const n8nMs = Date.now() - t;
	t = Date.now();
	const { installedMs } = await ensureServiceBinaries();
	const services = installedMs ? `installed in ${installedMs} ms` : `present (checked in ${Date.now() - t} ms)`;
	process.stderr.write(`[queue] globalSetup: n8n ready in ${n8nMs} ms, PostgreSQL + Redis ${services}\n`);
}
