/**
 * The bench under real conditions (issue 21). Figures, not assertions:
 *   P1 at answer time 1 s and 2 s: MusicAPI works on each request after its rate limit counted it
 *   P6 changing job time: one process, one key; batches whose job time changes, and a short Poll Interval after a
 *      long one; each batch against the same batch in a fresh process (a new key: nothing shared, nothing learned)
 */
import type { IDataObject } from 'n8n-workflow';

import { startFakeMusicApi, type FakeMusicApi } from '../test/fake-musicapi';
import { runItems, SCALE, songParameters, startScaledFake } from './bench-many';

const N = 20;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
/** Keys nothing else in this process uses: each gives a fresh rate budget and job board, as in a new process. */
const KEYS = Array.from({ length: 8 }, (_, n) => `bench-changing-${n}`);
let used = 0;
const freshKey = () => KEYS[used++];

/**
 * P1 at answer time runs in real time, on what the bench's scale stands for (the standard plan's 1 request per 3 s,
 * a minute-long job, the recommended 15-s poll interval): the spacer keeps a margin of at least 150 ms for n8n's own
 * time before a request leaves, which does not shrink with a scaled clock, so at the bench's 20× scale the margin
 * would take all of a scaled second's answer time. Twenty items, as P1 at answer time 0 s, so the ratios are to the
 * same bound (N−1)/r + L; the three runs take about seven minutes.
 */
const REAL_TIME = { items: N, intervalS: 3, jobLatencyMs: 60_000, pollIntervalS: 15 };

export async function benchP1AnswerTime(): Promise<string[]> {
	const fake = await startFakeMusicApi({
		apiKeys: KEYS,
		credits: 1_000_000,
		jobLatencyMs: REAL_TIME.jobLatencyMs,
		rateLimit: { requests: 1, perMs: REAL_TIME.intervalS * 1000 },
	});
	try {
		const boundMs = (REAL_TIME.items - 1) * REAL_TIME.intervalS * 1000 + REAL_TIME.jobLatencyMs;
		const lines = [
			`P1 at answer time, in real time: ${REAL_TIME.items} items, rate 1 per ${REAL_TIME.intervalS} s, job ${REAL_TIME.jobLatencyMs / 1000} s, poll interval ${REAL_TIME.pollIntervalS} s; bound (N−1)/r + L = ${seconds(boundMs)} s. Without learning, each create costs answer time + interval: bound ${seconds(boundMs + (REAL_TIME.items - 1) * 1000)} s at 1 s, ${seconds(boundMs + (REAL_TIME.items - 1) * 2000)} s at 2 s`,
		];
		for (const answerS of [1, 2]) {
			const parameters = songParameters(REAL_TIME.intervalS, REAL_TIME.pollIntervalS);
			const figures = await runItems(fake, freshKey(), parameters, REAL_TIME.items, { processingMs: answerS * 1000 });
			const over = fake.requests.filter((r) => r.status === 429).length;
			const failed = figures.error ? ` — failed: ${figures.error.slice(0, 120)}` : '';
			lines.push(
				`P1 at answer time ${answerS} s (MusicAPI works after the rate limit counted the request): ${seconds(figures.wallMs)} s for ${figures.clips} clips; ratio ${(figures.wallMs / boundMs).toFixed(3)} (target ≤ 1.10), ${over} answered 429 (target 0)${failed}`,
			);
		}
		lines.push(await withTransitDelays(fake, boundMs));
		return lines;
	} finally {
		await fake.stop();
	}
}

/**
 * Answer time 1 s, and every 500 ms the next request is held 20–150 ms on its way, before the rate limit counts it
 * (a busy n8n or network): the spacer must tell that from processing. Target: ≤ 1 request in 100 answered 429.
 */
async function withTransitDelays(fake: FakeMusicApi, boundMs: number): Promise<string> {
	const key = freshKey();
	const holds = setInterval(() => fake.injectFault({ path: /^\// }, { type: 'slow', delayMs: 20 + Math.round(Math.random() * 130) }), 500);
	try {
		const figures = await runItems(fake, key, songParameters(REAL_TIME.intervalS, REAL_TIME.pollIntervalS), REAL_TIME.items, { processingMs: 1000 });
		const held = fake.requests.filter((r) => r.fault === 'slow').length;
		const over = fake.requests.filter((r) => r.status === 429).length;
		const failed = figures.error ? ` — failed: ${figures.error.slice(0, 120)}` : '';
		return `P1 at answer time 1 s with transit delays (${held} of ${fake.requests.length} requests held 20–150 ms before the count): ${seconds(figures.wallMs)} s, ratio ${(figures.wallMs / boundMs).toFixed(3)}, ${over} answered 429 = ${((100 * over) / fake.requests.length).toFixed(1)} % (target ≤ 1 %, each waited out: ${figures.clips} clips)${failed}`;
	} finally {
		clearInterval(holds);
	}
}

/** MusicAPI seconds → the fake's unscaled job latency for `scaledS` seconds here. */
const jobOf = (scaledS: number) => (scaledS * 1000) / SCALE.timeScale;

export async function benchP6(): Promise<string[]> {
	const fake = await startScaledFake(...KEYS);
	const song = (pollIntervalS: number) => songParameters(SCALE.intervalS, pollIntervalS);
	try {
		const fresh = new Map<number, number>();
		for (const jobS of [12, 4.5]) {
			const key = freshKey();
			fresh.set(jobS, (await batchWithJob(fake, key, jobS, song(SCALE.pollIntervalS))).wallMs);
		}
		const lines = [`P6 changing job time: one process, one key, ${N} items a batch, poll interval ${SCALE.pollIntervalS} s; each batch ÷ the same batch in a fresh process (target ≤ 1.15)`];
		const key = freshKey();
		const ratios: string[] = [];
		for (const jobS of [12, 4.5, 12]) {
			const figures = await batchWithJob(fake, key, jobS, song(SCALE.pollIntervalS));
			ratios.push(`job ${jobS} s: ${seconds(figures.wallMs)} s ÷ ${seconds(fresh.get(jobS) ?? 0)} s = ${(figures.wallMs / (fresh.get(jobS) ?? 1)).toFixed(3)} (${(figures.polls / N).toFixed(2)} polls per job)`);
		}
		lines.push(`P6 job time 12 s, then 4.5 s, then 12 s: ${ratios.join('; ')}`);
		// A run with a long Poll Interval, then one with a short one (the same 10 items, job 3 s).
		const longPollS = 10 * SCALE.pollIntervalS;
		const freshShort = await batchWithJob(fake, freshKey(), 3, song(SCALE.pollIntervalS), 10);
		const shared = freshKey();
		await batchWithJob(fake, shared, 3, song(longPollS), 10);
		const afterLong = await batchWithJob(fake, shared, 3, song(SCALE.pollIntervalS), 10);
		lines.push(
			`P6 10 items at poll interval ${SCALE.pollIntervalS} s after a run at ${longPollS} s (job 3 s): ${seconds(afterLong.wallMs)} s ÷ ${seconds(freshShort.wallMs)} s fresh = ${(afterLong.wallMs / freshShort.wallMs).toFixed(3)}`,
		);
		return lines;
	} finally {
		await fake.stop();
	}
}

async function batchWithJob(fake: FakeMusicApi, key: string, jobS: number, parameters: IDataObject, items = N) {
	const figures = await runItems(fake, key, parameters, items, { jobLatencyMs: jobOf(jobS) });
	if (figures.error) throw new Error(figures.error);
	return { ...figures, polls: fake.requestsTo('GET', /^\/sonic\/task\//).length };
}

// `node -r ts-node/register/transpile-only scripts/bench-changing.tsx` (after a build): these lines alone.
if (require.main === module) {
	void (async () => console.log([...(await benchP1AnswerTime()), ...(await benchP6())].join('\n')))();
}
