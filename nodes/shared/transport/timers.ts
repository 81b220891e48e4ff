import { sleep } from 'n8n-workflow';

/**
 * The longest delay one timer holds (2^31−1 ms, about 24.8 days). Node fires a longer one at once (after 1 ms,
 * with a warning), so a wait fed by a setting would end early or spin: every such wait goes through sleepLong.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Sleeps `ms` (however long) in timer-sized steps; rejects as n8n's `sleep` does when `signal` aborts. */
export async function sleepLong(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + ms;
	for (let left = ms; left > 0; left = until - Date.now()) await sleep(Math.min(left, MAX_TIMER_MS), signal);
}
