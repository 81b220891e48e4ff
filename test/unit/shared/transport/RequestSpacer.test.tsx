import { budgetCount, budgetKey, RequestSpacer, spacerFor } from '../../../../nodes/shared/transport/RequestSpacer';

/** Timers never fire early; 1 ms covers clock rounding. */
const SLACK = 1;

describe('RequestSpacer', () => {
	it('hands out slots at least the interval apart, in call order', async () => {
		const spacer = new RequestSpacer();
		const start = Date.now();
		const order: number[] = [];
		const times: number[] = [];
		await Promise.all([0, 1, 2, 3].map(async (n) => {
			spacer.release(await spacer.acquire('read', 40));
			order.push(n);
			times[n] = Date.now() - start;
		}));
		expect(order).toEqual([0, 1, 2, 3]);
		times.forEach((t, n) => expect(t).toBeGreaterThanOrEqual(n * 40 - SLACK));
	});

	it('after an answer, waits a whole interval before the next request (arrivals stay spaced)', async () => {
		const spacer = new RequestSpacer();
		const ticket = await spacer.acquire('read', 50);
		await new Promise((resolve) => setTimeout(resolve, 30)); // the request is in flight for 30 ms
		spacer.release(ticket);
		const released = Date.now();
		await spacer.acquire('read', 50);
		expect(Date.now() - released).toBeGreaterThanOrEqual(50 - SLACK);
	});

	it('holds the next request until the one in flight is answered (its arrival is proven), then an interval', async () => {
		const spacer = new RequestSpacer();
		const ticket = await spacer.acquire('read', 20);
		const answeredAt = Date.now() + 150;
		setTimeout(() => spacer.release(ticket), 150); // slow to reach MusicAPI and answer
		await spacer.acquire('submit', 20);
		expect(Date.now()).toBeGreaterThanOrEqual(answeredAt + 20 - 5);
	});

	it('stops waiting for an answer after the answer wait: a slow upload does not stall the key', async () => {
		const spacer = new RequestSpacer();
		await spacer.acquire('submit', 200); // never answered in this test
		const start = Date.now();
		await spacer.acquire('read', 200);
		const waited = Date.now() - start;
		expect(waited).toBeGreaterThanOrEqual(5000 - 5);
		expect(waited).toBeLessThan(8000);
	}, 15_000);

	it('alternates submits and reads while both wait: a burst of submits does not starve older polls', async () => {
		const spacer = new RequestSpacer();
		spacer.release(await spacer.acquire('read', 10));
		const served: string[] = [];
		const take = async (name: string, kind: 'submit' | 'read') => {
			spacer.release(await spacer.acquire(kind, 10));
			served.push(name);
		};
		// Eight new executions submit first, then two polls of older executions arrive.
		const submits = Array.from({ length: 8 }, (_, n) => take(`s${n}`, 'submit'));
		const polls = [take('p0', 'read'), take('p1', 'read')];
		await Promise.all([...submits, ...polls]);
		expect(served.slice(0, 4)).toEqual(['s0', 'p0', 's1', 'p1']);
		expect(served.slice(4)).toEqual(['s2', 's3', 's4', 's5', 's6', 's7']);
	});

	it('lets waiting submits go before a probe until its patience runs out, then serves the probe next', async () => {
		const spacer = new RequestSpacer();
		const events: Array<{ name: string; at: number }> = [];
		const take = async (name: string, kind: 'submit' | 'read', yieldForMs?: number) => {
			spacer.release(await spacer.acquire(kind, 30, undefined, yieldForMs));
			events.push({ name, at: Date.now() });
		};
		const start = Date.now();
		// Eight creates (240 ms of slots) and a scout's poll that may be held back 50 ms.
		const submits = Array.from({ length: 8 }, (_, n) => take(`s${n}`, 'submit'));
		const probe = take('probe', 'read', 50);
		await Promise.all([...submits, probe]);
		const probeAt = events.findIndex((e) => e.name === 'probe');
		// Alternating (as a read) would have served it second, before its patience ran out.
		expect(events[probeAt].at - start).toBeGreaterThanOrEqual(50 - SLACK);
		// Held back only that long: creates were still waiting when it left.
		expect(probeAt).toBeLessThan(events.length - 1);
	});

	it('does not hold a probe back when nothing else waits', async () => {
		const spacer = new RequestSpacer();
		spacer.release(await spacer.acquire('read', 40));
		const start = Date.now();
		await spacer.acquire('read', 40, undefined, 5000);
		const waited = Date.now() - start;
		expect(waited).toBeGreaterThanOrEqual(40 - 5);
		expect(waited).toBeLessThan(1000);
	});

	it('keeps the larger interval when callers ask for different ones', async () => {
		const spacer = new RequestSpacer();
		spacer.release(await spacer.acquire('read', 60));
		const start = Date.now();
		// A node with spacing off still may not cut into the 60 ms another node on the key asked for.
		await spacer.acquire('read', 0);
		expect(Date.now() - start).toBeGreaterThanOrEqual(60 - 5);
	});

	it('lets a Retry-After push every later request back', async () => {
		const spacer = new RequestSpacer();
		await spacer.acquire('read', 0);
		spacer.pushBack(80);
		const start = Date.now();
		await Promise.all([spacer.acquire('submit', 0), spacer.acquire('read', 0)]);
		expect(Date.now() - start).toBeGreaterThanOrEqual(80 - 5);
	});

	it('does not wait when spacing is off', async () => {
		// On a fake clock that does not move: all 20 leave at once, or the loop stays stuck on a sleep.
		jest.useFakeTimers();
		try {
			const spacer = new RequestSpacer();
			let left = 0;
			void (async () => {
				for (let i = 0; i < 20; i++) {
					await spacer.acquire('read', 0);
					left++;
				}
			})();
			await jest.advanceTimersByTimeAsync(0);
			expect(left).toBe(20);
		} finally {
			jest.useRealTimers();
		}
	});

	it('aborts a wait when the execution is cancelled, and serves the others', async () => {
		const spacer = new RequestSpacer();
		spacer.release(await spacer.acquire('read', 30));
		const controller = new AbortController();
		const cancelled = spacer.acquire('read', 30, controller.signal);
		const other = spacer.acquire('submit', 30);
		controller.abort();
		await expect(cancelled).rejects.toBeDefined();
		await expect(other).resolves.toMatchObject({ intervalMs: 30 });
		expect(spacer.waiting).toBe(0);
	});
});

describe('budgets per API key and host', () => {
	it('shares one budget per key and host across executions, and keys it by a hash', () => {
		expect(spacerFor('key-1', 'https://h/api/v1')).toBe(spacerFor('key-1', 'https://h/api/v1'));
		expect(spacerFor('key-1', 'https://h/api/v1')).not.toBe(spacerFor('key-2', 'https://h/api/v1'));
		expect(spacerFor('key-1', 'https://h/api/v1')).not.toBe(spacerFor('key-1', 'https://other/api/v1'));
		expect(budgetKey('key-1', 'https://h/api/v1')).not.toContain('key-1');
	});

	it('drops budgets idle for 10 minutes', () => {
		const now = Date.now();
		const idle = spacerFor('idle-key', 'https://h/api/v1');
		idle.lastUsed = now - 11 * 60_000;
		const before = budgetCount();
		spacerFor('fresh-key', 'https://h/api/v1');
		expect(budgetCount()).toBe(before); // one dropped, one added
		expect(spacerFor('idle-key', 'https://h/api/v1')).not.toBe(idle);
	});
});
