import { RequestSpacer, transitMarginMs, type RequestKind, type Ticket } from '../../../../nodes/shared/transport/RequestSpacer';

/** The spacer's clock and sleeps are jest's fake timers: every figure below is exact, whatever the machine's load. */
beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

const advance = async (ms: number) => await jest.advanceTimersByTimeAsync(ms);

/** Resolves with the ticket once the request may leave (the spacer's slot), advancing the fake clock until it does. */
async function slot(spacer: RequestSpacer, kind: RequestKind, intervalMs: number): Promise<Ticket> {
	const got: Ticket[] = [];
	void spacer.acquire(kind, intervalMs).then((ticket) => got.push(ticket));
	for (let waited = 0; waited < 60_000; waited++) {
		await advance(0);
		if (got.length) return got[0];
		await advance(1);
	}
	throw new Error('no slot within 60 s');
}

/** One request through the spacer that is answered `answerMs` after it left; resolves with its departure. */
async function send(spacer: RequestSpacer, kind: RequestKind, intervalMs: number, answerMs: number): Promise<number> {
	const ticket = await slot(spacer, kind, intervalMs);
	await advance(answerMs);
	spacer.release(ticket, true);
	return ticket.departedAt;
}

const gapsOf = (times: number[]) => times.slice(1).map((at, n) => at - times[n]);

describe('RequestSpacer: MusicAPI processing time is not charged to the next request', () => {
	it("learns from the budget's second answer on, and then charges only the answer time beyond the learned one", async () => {
		const spacer = new RequestSpacer();
		const departures: number[] = [];
		// MusicAPI works 1000 ms on each create (after counting it); the interval is 400 ms.
		for (let n = 0; n < 5; n++) departures.push(await send(spacer, 'submit', 400, 1000));
		// The budget's first request teaches nothing: an interval after its answer. Then the next leaves as soon as
		// the answer is in: it reached MusicAPI at most the margin after leaving. (Before: 1400 ms twice more.)
		expect(gapsOf(departures)).toEqual([1400, 1000, 1000, 1000]);
		expect(spacer.answerTime('submit')).toBe(1000);
		expect(spacer.answerTime('read')).toBeUndefined();
	});

	it("takes nothing from the budget's first request, slow to arrive, and doubles the margin while one answer is known", async () => {
		// Standard plan: 1 request per 3 s; creates processed for 1 s. The budget's first create spent 500 ms setting
		// up its connection and reading the credential before MusicAPI counted it; the next ones 0 ms. (In the P7
		// bench a fresh queue worker's second create met a 429 when the first one's answer was learned from.)
		const spacer = new RequestSpacer();
		const first = await slot(spacer, 'submit', 3000);
		await advance(1500);
		spacer.release(first, true);
		const second = await slot(spacer, 'submit', 3000);
		// Learned from, its answer would have put its arrival at 0 + 150 and the next at 3150: 2650 ms after it, a 429.
		expect(second.departedAt - first.departedAt).toBe(1500 + 3000);
		expect(spacer.answerTime('submit')).toBeUndefined();
		await advance(1000);
		spacer.release(second, true);
		const third = await slot(spacer, 'submit', 3000);
		// One answer known: its time less a doubled margin is processing.
		expect(third.departedAt - second.departedAt).toBe(300 + 3000);
		await advance(1000);
		spacer.release(third, true);
		const fourth = await slot(spacer, 'submit', 3000);
		expect(fourth.departedAt - third.departedAt).toBe(150 + 3000);
		expect([spacer.margin('submit', 3000), spacer.margin('read', 3000)]).toEqual([150, 300]);
	});

	it('does not take n8n\'s own time before a request leaves for processing (the 429 of a busy n8n)', async () => {
		// Measured in a real n8n with 20 executions starting at once (interval 300 ms): creates answered 37 ms after
		// their slot, nearly all of it n8n's time before the request left; then one answered 36 ms after its slot
		// had spent 28 ms in n8n and reached MusicAPI 8 ms before its answer. Learning 36 ms as processing put its
		// arrival 13 ms early, and the next create arrived 295 ms after it: a 429.
		const spacer = new RequestSpacer();
		for (let n = 0; n < 3; n++) await send(spacer, 'submit', 300, 37);
		const fourth = await slot(spacer, 'submit', 300);
		await advance(36);
		spacer.release(fourth, true);
		const arrival = Date.now() - 8;
		const next = await slot(spacer, 'submit', 300);
		expect(next.departedAt - arrival).toBeGreaterThanOrEqual(300);
		// Its arrival is proven only by its answer: the next request leaves a whole interval after that.
		expect(next.departedAt - (arrival + 8)).toBe(300);
		expect([transitMarginMs(300), transitMarginMs(3000), transitMarginMs(6000)]).toEqual([150, 150, 300]);
	});

	it('takes an answer later than the learned answer time as a late arrival, and waits an interval after it', async () => {
		const spacer = new RequestSpacer();
		// Reads answered in 400 ms: 250 ms of it is processing, beyond the 150-ms margin.
		for (let n = 0; n < 3; n++) await send(spacer, 'read', 500, 400);
		// This one was held 300 ms on its way: it reached MusicAPI no earlier than 250 ms before its answer.
		const late = await slot(spacer, 'read', 500);
		await advance(700);
		spacer.release(late, true);
		const next = await slot(spacer, 'read', 500);
		expect(next.departedAt - late.departedAt).toBe(700 - 250 + 500);
	});

	it('learns nothing from refusals and failures: they were not processed', async () => {
		const spacer = new RequestSpacer();
		for (let n = 0; n < 3; n++) spacer.release(await slot(spacer, 'submit', 1), false);
		expect(spacer.answerTime('submit')).toBeUndefined();
		expect(spacer.margin('submit', 1)).toBe(300);
	});

	it('lets the next request leave the margin plus an interval after one within its answer time, and holds it once that is overdue', async () => {
		const spacer = new RequestSpacer();
		// Processing (1200 ms) is longer than the interval (400 ms). The budget's first answer teaches nothing.
		for (let n = 0; n < 2; n++) await send(spacer, 'submit', 400, 1200);
		const lone = await slot(spacer, 'submit', 400);
		const afterLone = await slot(spacer, 'submit', 400);
		// It leaves while `lone` is processed (the old spacing held it until `lone` was answered or 5 s passed),
		// the doubled margin after it while one answer is known, the margin once two are.
		expect(afterLone.departedAt - lone.departedAt).toBe(300 + 400);
		await advance(1200 - 700);
		spacer.release(lone, true);
		await advance(700);
		spacer.release(afterLone, true);
		const first = await slot(spacer, 'submit', 400);
		const second = await slot(spacer, 'submit', 400);
		expect(second.departedAt - first.departedAt).toBe(150 + 400);
		spacer.release(first, true);
		spacer.release(second, true);
		const slow = await slot(spacer, 'submit', 400);
		await advance(1300);
		// Not answered by its answer time: it may have arrived late, so the key waits for its answer.
		let left = false;
		void spacer.acquire('read', 400).then(() => (left = true));
		await advance(1000);
		expect(left).toBe(false);
		spacer.release(slow, true);
		await advance(400);
		expect(left).toBe(true);
	});
});
