import { RequestSpacer, type RequestKind } from '../../../../nodes/shared/transport/RequestSpacer';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request through the spacer that MusicAPI answers `answerMs` after it left; resolves with its departure. */
async function send(spacer: RequestSpacer, kind: RequestKind, intervalMs: number, answerMs: number): Promise<number> {
	const ticket = await spacer.acquire(kind, intervalMs);
	await pause(answerMs);
	spacer.release(ticket, true);
	return ticket.departedAt;
}

describe('RequestSpacer: MusicAPI processing time is not charged to the next request', () => {
	it('once three answers of a kind are known, spaces from the departures, not from the answers', async () => {
		const spacer = new RequestSpacer();
		const departures: number[] = [];
		// MusicAPI works 120 ms on each create (after counting it); the interval is 80 ms.
		for (let n = 0; n < 6; n++) departures.push(await send(spacer, 'submit', 80, 120));
		const gaps = departures.slice(1).map((at, n) => at - departures[n]);
		// Before three answers are known: an interval after each answer (≥ 200 ms apart).
		for (const gap of gaps.slice(0, 2)) expect(gap).toBeGreaterThanOrEqual(200 - 2);
		// Then an interval after the departure, once the request is answered: the processing is not paid twice.
		for (const gap of gaps.slice(2)) {
			expect(gap).toBeGreaterThanOrEqual(120 - 2);
			expect(gap).toBeLessThan(180);
		}
		expect(spacer.answerTime('submit')).toBeGreaterThanOrEqual(118);
		expect(spacer.answerTime('read')).toBeUndefined();
	});

	it('takes an answer later than the learned processing time as a late arrival, and waits an interval after it', async () => {
		const spacer = new RequestSpacer();
		for (let n = 0; n < 3; n++) await send(spacer, 'read', 50, 30);
		// This one was held 150 ms on its way (transit): it may have reached MusicAPI only 30 ms before its answer.
		const ticket = await spacer.acquire('read', 50);
		await pause(180);
		spacer.release(ticket, true);
		const answeredAt = Date.now();
		await spacer.acquire('read', 50);
		expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(50 - 30 - 3);
		expect(Date.now() - ticket.departedAt).toBeGreaterThanOrEqual(180 - 30 + 50 - 3);
	});

	it('learns nothing from refusals and failures: they were not processed', async () => {
		const spacer = new RequestSpacer();
		for (let n = 0; n < 3; n++) spacer.release(await spacer.acquire('submit', 1), false);
		expect(spacer.answerTime('submit')).toBeUndefined();
	});

	it('lets the next request leave while one is within its kind\'s answer time, and holds it once that is overdue', async () => {
		const spacer = new RequestSpacer();
		// Processing (120 ms) is longer than the interval (40 ms).
		for (let n = 0; n < 3; n++) await send(spacer, 'submit', 40, 120);
		const first = await spacer.acquire('submit', 40);
		await spacer.acquire('submit', 40).then((second) => spacer.release(second, true)); // leaves while `first` is processed
		// Old spacing held it until `first` was answered (never here) or 5 s had passed.
		expect(Date.now() - first.departedAt).toBeLessThan(2000);
		spacer.release(first, true);
		const slow = await spacer.acquire('submit', 40);
		await pause(150);
		// Not answered by its answer time: it may have arrived late, so the key waits for its answer.
		const held = spacer.acquire('read', 40);
		let left = false;
		void held.then(() => (left = true));
		await pause(100);
		expect(left).toBe(false);
		spacer.release(slow, true);
		await held;
	});
});
