/**
 * Queue mode in miniature: several n8n workers on one API key, each with its own RequestSpacer (processes share no
 * memory), against one sliding-window limiter as MusicAPI's (the fake's own, test/fake-musicapi/rate-limiter.tsx),
 * on jest's fake clock. Each request reaches the limiter after a transit time that varies as n8n's does (8–48 ms
 * from its slot), is answered, and a 429 is waited out with the limiter's Retry-After (whole seconds, as the fake
 * and MusicAPI send it) exactly as MusicApiClient does: release, push the key's spacer back, ask again.
 * Deterministic: the transit times come from a seeded generator.
 *
 * Today each worker spaces on its own, so together they keep the key saturated: the wall time is as one worker's,
 * and 37–43 % of the requests are refused (printed). Issue 21 item 4 asks for few refusals without losing the rate;
 * this test holds the rate, and is the harness to prove a scheme against before the slow queue test.
 */
import { sleep } from 'n8n-workflow';

import { RequestSpacer } from '../../../../nodes/shared/transport/RequestSpacer';
import { RateLimiter } from '../../../fake-musicapi/rate-limiter';

beforeEach(() => jest.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => jest.useRealTimers());

/** mulberry32: a small seeded generator, so every run draws the same numbers. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const INTERVAL_MS = 300;
const KEY = 'one-key';

interface Figures {
	requests: number;
	refused: number;
	wallMs: number;
	/** Departure times of served requests, per worker (each request is served once, then returns). */
	served: number[][];
}

class Key {
	private readonly limiter = new RateLimiter();
	private readonly transit: () => number;
	readonly figures: Figures;

	constructor(workers: number, seed: number) {
		this.transit = seeded(seed);
		this.figures = { requests: 0, refused: 0, wallMs: 0, served: Array.from({ length: workers }, () => []) };
	}

	/** One request of `worker`, sent as MusicApiClient sends it: until served, waiting out each 429. */
	async request(spacer: RequestSpacer, worker: number): Promise<void> {
		for (;;) {
			const ticket = await spacer.acquire('read', INTERVAL_MS);
			await sleep(8 + Math.floor(this.transit() * 40));
			this.figures.requests++;
			const retryAfterS = this.limiter.admit(KEY, { requests: 1, perMs: INTERVAL_MS }, Date.now());
			await sleep(5);
			spacer.release(ticket, retryAfterS === null);
			if (retryAfterS === null) {
				this.figures.served[worker].push(ticket.departedAt);
				return;
			}
			this.figures.refused++;
			spacer.pushBack(retryAfterS * 1000);
		}
	}
}

/** Runs `load[w]` requests on worker w, all queued at once; resolves when every request was served. */
async function run(key: Key, spacers: RequestSpacer[], load: number[]): Promise<Figures> {
	const started = Date.now();
	let done = false;
	const all = Promise.all(spacers.flatMap((spacer, w) => Array.from({ length: load[w] }, async () => await key.request(spacer, w)))).then(() => {
		done = true;
	});
	while (!done) await jest.advanceTimersByTimeAsync(10);
	await all;
	key.figures.wallMs = Date.now() - started;
	return key.figures;
}

const spacersFor = (workers: number) => Array.from({ length: workers }, () => new RequestSpacer());

describe('RequestSpacer in queue mode (several workers, one key, no shared memory)', () => {
	it.each([1, 2, 3])('4 workers, 160 requests (seed %i): every request served once, no slower than one worker with the same load', async (seed) => {
		const one = await run(new Key(1, seed), spacersFor(1), [160]);
		const four = await run(new Key(4, seed), spacersFor(4), [40, 40, 40, 40]);
		process.stderr.write(
			`[queue-mode simulation, seed ${seed}] 1 worker ${one.wallMs} ms, ${one.refused}/${one.requests} refused; ` +
				`4 workers ${four.wallMs} ms, ${four.refused}/${four.requests} refused (${((100 * four.refused) / four.requests).toFixed(0)} %)\n`,
		);
		expect(one.refused).toBe(0);
		expect(four.served.map((departures) => departures.length)).toEqual([40, 40, 40, 40]);
		// The key stays in use: a scheme that refuses less by leaving the key idle fails here (tried in issue 21:
		// per-worker shares that grow on refusals, 23 % refused at 4.6× this time; wall-clock slots kept while
		// served and re-drawn on refusals, 8–14 % refused at 1.8–2.8×).
		expect(four.wallMs).toBeLessThanOrEqual(one.wallMs * 1.1);
	});
});
