import { waitForTasks } from '../../../../nodes/MusicApi/jobs/poll';
import { fakeClient, quiet, tasks } from './pollClient';

/** Waiting's clock and sleeps are jest's fake timers: the wall times below are exact, whatever the machine's load. */
beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

/** Resolves with the promise's value, moving the fake clock a millisecond at a time until it settles. */
async function settle<T,>(promise: Promise<T>): Promise<T> {
	let settled = false;
	promise.then(
		() => (settled = true),
		() => (settled = true),
	);
	for (let ms = 0; !settled && ms < 60_000; ms++) await jest.advanceTimersByTimeAsync(1);
	return await promise;
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** One execution on `budget` waiting for `n` jobs that take `jobMs`; resolves with its wall time and polls. */
async function run(budget: string, prefix: string, n: number, jobMs: number, pollIntervalMs: number) {
	const now = Date.now();
	const names = ids(prefix, n);
	const { client, polls } = fakeClient(Object.fromEntries(names.map((id) => [id, now + jobMs])), { budget });
	const outcomes = await settle(waitForTasks(client, tasks(names, now), { pollIntervalMs, timeoutMs: 10_000, ...quiet }));
	expect(outcomes.every((o) => 'task' in o && o.task.state === 'succeeded')).toBe(true);
	return { wallMs: Date.now() - now, polls: Object.values(polls).reduce((a, b) => a + b, 0) };
}

describe('waitForTasks: a job time that changes', () => {
	it('does not learn a long Poll Interval as the job time (a first-poll success is an upper bound)', async () => {
		await run('budget-long-then-short', 'long', 3, 60, 1000);
		const short = await run('budget-long-then-short', 'short', 3, 60, 30);
		// Done when its 60-ms jobs are (fake clock: exact); learning 1000 ms as the job time made it wait 1000 ms.
		expect(short.wallMs).toBeLessThanOrEqual(100);
	});

	it('follows a job time that falls', async () => {
		await run('budget-falling', 'slow', 4, 800, 40);
		const fast = await run('budget-falling', 'fast', 4, 100, 40);
		// About two job times (198 ms on the fake clock); the estimate of 800 ms kept every job waiting 800 ms.
		expect(fast.wallMs).toBeLessThan(300);
	});

	it('follows a job time that rises without asking every job over and over', async () => {
		await run('budget-rising', 'fast', 6, 80, 40);
		const slow = await run('budget-rising', 'slow', 6, 400, 40);
		expect(slow.wallMs).toBeLessThanOrEqual(450);
		// Each job asked from 80 ms on, ever less often, was about 11 polls per job; now one job measures (4–6).
		expect(slow.polls / 6).toBeLessThanOrEqual(7);
	});
});

describe('waitForTasks: another workflow\'s Poll Interval', () => {
	it('never waits for a scout that polls less often than the job\'s own Poll Interval', async () => {
		const now = Date.now();
		const slowWorkflow = fakeClient({ hourly: now + 50 }, { budget: 'budget-two-workflows' });
		const quickWorkflow = fakeClient({ quick: now + 50 }, { budget: 'budget-two-workflows' });
		const slow = waitForTasks(slowWorkflow.client, tasks(['hourly'], now - 10), { pollIntervalMs: 3000, timeoutMs: 10_000, ...quiet });
		const quick = await settle(waitForTasks(quickWorkflow.client, tasks(['quick'], now), { pollIntervalMs: 30, timeoutMs: 10_000, ...quiet }));
		// The older job of the slowly polling workflow was its scout: it waited 3 s for that scout's first poll.
		expect(Date.now() - now).toBeLessThanOrEqual(100);
		expect(quick[0]).toMatchObject({ task: { state: 'succeeded' } });
		await settle(slow);
	});
});
