import { RequestSpacer, spacerFor } from '../../../../nodes/shared/transport/RequestSpacer';

describe('RequestSpacer', () => {
	it('hands out slots at least the interval apart, in call order', async () => {
		const spacer = new RequestSpacer(40);
		const start = Date.now();
		const order: number[] = [];
		const times: number[] = [];
		await Promise.all([0, 1, 2, 3].map(async (n) => {
			await spacer.acquire();
			order.push(n);
			times[n] = Date.now() - start;
		}));
		expect(order).toEqual([0, 1, 2, 3]);
		// Timers never fire early, so slot n is never reached before n intervals (1 ms for clock rounding).
		times.forEach((t, n) => expect(t).toBeGreaterThanOrEqual(n * 40 - 1));
	});

	it('after an answer, waits a whole interval before the next request (arrivals stay spaced)', async () => {
		const spacer = new RequestSpacer(50);
		await spacer.acquire();
		await new Promise((resolve) => setTimeout(resolve, 30)); // the request is in flight for 30 ms
		spacer.release();
		const released = Date.now();
		await spacer.acquire();
		expect(Date.now() - released).toBeGreaterThanOrEqual(49);
	});

	it('lets a Retry-After push every later request back', async () => {
		const spacer = new RequestSpacer(0);
		await spacer.acquire();
		spacer.pushBack(80);
		const start = Date.now();
		await spacer.acquire();
		expect(Date.now() - start).toBeGreaterThanOrEqual(70);
	});

	it('does not wait when spacing is off', async () => {
		const spacer = new RequestSpacer(0);
		const start = Date.now();
		for (let i = 0; i < 20; i++) await spacer.acquire();
		expect(Date.now() - start).toBeLessThan(50);
	});

	it('aborts a wait when the execution is cancelled', async () => {
		const spacer = new RequestSpacer(10_000);
		await spacer.acquire();
		const controller = new AbortController();
		const waiting = spacer.acquire(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toBeDefined();
	});

	it('shares one spacer per execution and host', () => {
		expect(spacerFor('exec-1|h', 10)).toBe(spacerFor('exec-1|h', 10));
		expect(spacerFor('exec-1|h', 10)).not.toBe(spacerFor('exec-2|h', 10));
	});
});
