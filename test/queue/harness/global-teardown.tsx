/** jest globalTeardown of the queue layer: stops whatever a test left running (n8n, PostgreSQL, Redis). */
import { reapRecorded } from '../../e2e/harness/processes';

export default async function globalTeardown(): Promise<void> {
	const reaped = await reapRecorded();
	if (reaped) process.stderr.write(`[queue] globalTeardown stopped ${reaped} server(s) a test left running\n`);
}
