/**
 * jest globalSetup of the e2e layer: installs n8n and Chromium (Debian's, for the browser tests) before any test
 * starts, so the minutes of a cold install are not charged to a test's timeout, and stops servers a killed earlier
 * run left behind.
 */
import { ensureN8n } from '../../../scripts/n8n-install';
import { ensureChromium } from './browser';
import { reapRecorded } from './processes';

export default async function globalSetup(): Promise<void> {
	const reaped = await reapRecorded();
	if (reaped) process.stderr.write(`[e2e] stopped ${reaped} n8n server(s) left by an earlier run\n`);
	await ensureN8n();
	await ensureChromium();
}
