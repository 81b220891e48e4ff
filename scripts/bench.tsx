/**
 * npm run bench — figures, not assertions (issue 4 § Benchmark). Runs the MusicAPI node inside n8n's workflow
 * engine against the fake MusicAPI with scaled time:
 *   P1  wall time of N waited jobs vs the lower bound (N−1)/r + L, and vs waiting job by job
 *   P2  polls per job and requests over the rate limit (poll mode and callback mode)
 *   P3  peak RSS growth while a 300 MB WAV becomes a binary item (filesystem binary mode)
 *   P4  M executions at once on one API key (issue 15): successes, wall time vs (M−1)/r + L, 429s (bench-many.tsx)
 *   P5  20 items submitted one by one vs Batch Submit (beta): wall time and requests (bench-many.tsx)
 *   P1 at answer time 1 s and 2 s, P6 changing job time (bench-changing.tsx, issue 21)
 *   P7  queue mode: 40 executions on one key, 4 workers and 1 worker: 429 share, wall ÷ bound (bench-queue.tsx, issue 21)
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

// The built package, as n8n loads it (and MusicApi.node.json would shadow the .ts source for ts-node).
import { MusicApiApi } from '../dist/credentials/MusicApiApi.credentials';
import { MusicApi } from '../dist/nodes/MusicApi/MusicApi.node';
import { releaseParkedExecutions } from '../dist/nodes/MusicApi/jobs/callback/store';
import { startFakeMusicApi, type FakeMusicApi } from '../test/fake-musicapi';
import { runNode } from '../test/integration/harness';
import { benchP4, benchP5, SCALE, songParameters } from './bench-many';
import { benchP1AnswerTime, benchP6 } from './bench-changing';
import { benchP7 } from './bench-queue';

const N = Number(process.env.BENCH_JOBS ?? 20);
const TIME_SCALE = SCALE.timeScale; // 1 s of MusicAPI time = 50 ms here
const JOB_LATENCY_MS = SCALE.jobLatencyMs; // a minute-long job (scaled: 3 s)
const INTERVAL_S = SCALE.intervalS; // r = 10 requests/s (MusicAPI's 1 per 3 s, scaled 30×)
const POLL_INTERVAL_S = SCALE.pollIntervalS; // MusicAPI's recommended 15 s, scaled
const LARGE_WAV_BYTES = 300 * 1024 * 1024;

const create = (completion: string): IDataObject => songParameters(INTERVAL_S, POLL_INTERVAL_S, completion);

async function run(fake: FakeMusicApi, parameters: IDataObject, items: number, binaryMode: 'default' | 'filesystem' = 'default') {
	return await runNode({
		nodeTypes: [MusicApi],
		credentialTypes: [MusicApiApi],
		credentials: { musicApiApi: { apiKey: 'bench-key', baseUrl: fake.baseUrl } },
		node: { type: "musicApi", typeVersion: 1, name: "MusicAPI", parameters: parameters as INodeParameters },
		items: Array.from({ length: items }, (_, n) => ({ json: { n } })),
		binaryMode,
		keepBinaries: false,
		timeoutMs: 15 * 60_000,
	});
}

const polls = (fake: FakeMusicApi) => fake.requestsTo('GET', /^\/sonic\/task\//).length;
const overLimit = (fake: FakeMusicApi) => fake.requests.filter((r) => r.status === 429).length;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function main() {
	const fake = await startFakeMusicApi({
		apiKeys: ['bench-key'],
		credits: 1_000_000,
		timeScale: TIME_SCALE,
		jobLatencyMs: JOB_LATENCY_MS,
		rateLimit: { requests: 1, perMs: INTERVAL_S * 1000 },
		largeWavBytes: LARGE_WAV_BYTES,
	});
	try {
		const latency = JOB_LATENCY_MS * TIME_SCALE;
		const bound = ((N - 1) * INTERVAL_S * 1000 + latency);

		// One job first, untimed: the first execution of a process also loads and compiles n8n's and the node's
		// code (about 1.5 s here), which is not what P1 measures.
		await run(fake, create('wait'), 1);
		fake.reset();
		// The warm-up's last request holds the key for an interval (the spacer is shared per key, as MusicAPI's
		// limit is): let it pass, so P1 starts on a fresh budget as its lower bound assumes.
		await new Promise((resolve) => setTimeout(resolve, INTERVAL_S * 1000));

		let started = Date.now();
		const batch = await run(fake, create('wait'), N);
		const batchMs = Date.now() - started;
		if (batch.error) throw batch.error;
		const batchPolls = polls(fake);
		const batchOver = overLimit(fake);
		const clips = batch.items.length;

		fake.reset();
		started = Date.now();
		for (let i = 0; i < N; i++) {
			const one = await run(fake, create('wait'), 1);
			if (one.error) throw one.error;
		}
		const serialMs = Date.now() - started;

		fake.reset();
		const parked = await run(fake, { ...create('callback') }, N);
		const callbackPolls = polls(fake);
		const callbackOver = overLimit(fake);
		// Nobody resumes the parked execution here: stop its wait-limit reminder, a timer that would otherwise keep
		// this process alive for the whole Timeout (10 minutes) after the figures are printed.
		releaseParkedExecutions();

		fake.reset();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
		started = Date.now();
		const big = await run(fake, { resource: 'sonic', operation: 'wav', clipId: 'large-1', options: { downloadFile: true }, requestOptions: { interval: 0 } }, 1, 'filesystem');
		const bigMs = Date.now() - started;
		clearInterval(sampler);
		if (big.error) throw big.error;
		const stored = Number(big.items[0].binary?.data.fileSize?.replace(/[^0-9.]/g, '') ?? 0);

		const lines = [
			`MusicAPI node benchmark — N = ${N} jobs, job latency L = ${seconds(latency)} s, rate r = ${1 / INTERVAL_S}/s, poll interval ${POLL_INTERVAL_S} s (time scaled ${1 / TIME_SCALE}×)`,
			``,
			`P1 batch of ${N} waited jobs: ${seconds(batchMs)} s for ${clips} clips; lower bound (N−1)/r + L = ${seconds(bound)} s; ratio ${(batchMs / bound).toFixed(3)} (target ≤ 1.10)`,
			`P1 job by job:               ${seconds(serialMs)} s; the batch is ${(serialMs / batchMs).toFixed(1)}× faster`,
			`P2 poll mode:     ${(batchPolls / N).toFixed(2)} polls per job (target ≤ 2), ${batchOver} requests over the rate limit (target 0)`,
			`P2 callback mode: ${(callbackPolls / N).toFixed(2)} polls per job while parked (target 0), ${callbackOver} over the rate limit; execution parked: ${parked.waitTill ? 'yes' : 'no'} (resume is proven by the real-n8n e2e test)`,
			`P3 300 MB WAV → binary item (filesystem mode): peak RSS growth ${((peak - baseline) / 1024 / 1024).toFixed(1)} MB (target ≤ 64 MB), ${seconds(bigMs)} s, stored ${stored ? `${stored} MB` : big.items[0].binary?.data.fileSize}`,
		];
		lines.push(...(await benchP1AnswerTime()), ...(await benchP4()), ...(await benchP5()), ...(await benchP6()), ...(await benchP7()));
		console.log(lines.join('\n'));
	} finally {
		await fake.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
