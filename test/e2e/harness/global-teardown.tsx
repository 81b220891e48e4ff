/**
 * jest globalTeardown of the e2e layer: stops any n8n this run started that a test did not stop (failed
 * start, timeout, missing afterAll) and deletes its folders.
 */
import { reapRecorded } from './processes';

export default async function globalTeardown(): Promise<void> {
	const reaped = await reapRecorded();
	if (reaped) process.stderr.write(`[e2e] globalTeardown stopped ${reaped} n8n server(s) a test left running\n`);
}
