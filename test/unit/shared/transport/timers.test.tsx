import type { INode } from 'n8n-workflow';

import { sleepUnlessCancelled } from '../../../../nodes/shared/transport/nodeError';
import { RequestSpacer } from '../../../../nodes/shared/transport/RequestSpacer';
import { MAX_TIMER_MS } from '../../../../nodes/shared/transport/timers';

// A timer given more than 2^31−1 ms fires after 1 ms: every wait fed by a setting must still last as long as asked
// (the callback wait-limit reminder sleeps through the same sleepLong).

const node = { name: 'MusicAPI', type: 'musicApi', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const BEYOND = MAX_TIMER_MS + 60_000;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('waits longer than one timer holds', () => {
	it('sleepUnlessCancelled (poll waits, retry backoff) lasts the whole time', async () => {
		let done = false;
		const slept = sleepUnlessCancelled(node, BEYOND).then(() => {
			done = true;
		});
		await jest.advanceTimersByTimeAsync(1000);
		expect(done).toBe(false);
		await jest.advanceTimersByTimeAsync(MAX_TIMER_MS);
		expect(done).toBe(false);
		await jest.advanceTimersByTimeAsync(BEYOND - MAX_TIMER_MS);
		await slept;
		expect(done).toBe(true);
	});

	it('sleepUnlessCancelled still ends at once when the execution is cancelled', async () => {
		const cancel = new AbortController();
		const slept = sleepUnlessCancelled(node, BEYOND, cancel.signal);
		cancel.abort();
		await expect(slept).rejects.toThrow('The execution was cancelled');
	});

	it('the request spacer keeps a gap longer than one timer instead of re-arming it every millisecond', async () => {
		const spacer = new RequestSpacer();
		spacer.release(await spacer.acquire('read', 0));
		spacer.pushBack(BEYOND);
		let granted = false;
		const cancel = new AbortController();
		const next = spacer.acquire('read', 0, cancel.signal).then((ticket) => {
			granted = true;
			return ticket;
		});
		const armed = jest.spyOn(global, 'setTimeout');
		await jest.advanceTimersByTimeAsync(1000);
		expect(granted).toBe(false);
		// One timer for the first step of the wait, not one re-armed each millisecond (Node fires an overlong one at 1 ms).
		expect(armed.mock.calls.length).toBeLessThanOrEqual(1);
		armed.mockRestore();
		await jest.advanceTimersByTimeAsync(BEYOND);
		spacer.release(await next);
		expect(granted).toBe(true);
	});
});
