/**
 * P4 and P5 of `npm run bench` (issue 15). P4: M executions started at once, one song each, all on one API key —
 * the way a webhook-fed pipeline runs. P5: Batch Submit against single submits. Figures, not assertions.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MusicApiApi } from '../dist/credentials/MusicApiApi.credentials';
import { MusicApi } from '../dist/nodes/MusicApi/MusicApi.node';
import { sonicCreateParameters } from '../test/e2e/helpers/musicapi';
import { startFakeMusicApi, type FakeMusicApi, type FakeOptions } from '../test/fake-musicapi';
import { runNodesAtOnce } from '../test/integration/harness';

export interface ManyRunsFigures {
	executions: number;
	succeeded: number;
	wallMs: number;
	requests: number;
	over: number;
	/** The first failure's message, to say why executions failed. */
	firstError?: string;
	/** From starting the executions to MusicAPI's first request: n8n's own start-up. */
	firstRequestMs: number;
}

/** Starts `executions` runs of the node at once (one item each) and waits for all of them. */
export async function runConcurrently(
	fake: FakeMusicApi,
	apiKey: string,
	parameters: IDataObject,
	executions: number,
): Promise<ManyRunsFigures> {
	fake.reset();
	const started = Date.now();
	const results = await runNodesAtOnce(
		Array.from({ length: executions }, (_, n) => ({
				nodeTypes: [MusicApi],
				credentialTypes: [MusicApiApi],
				credentials: { musicApiApi: { apiKey, baseUrl: fake.baseUrl } },
				node: { type: 'musicApi', typeVersion: 1, name: 'MusicAPI', parameters: parameters as INodeParameters },
				items: [{ json: { n } }],
				keepBinaries: false,
				timeoutMs: 15 * 60_000,
		})),
	);
	const wallMs = Date.now() - started;
	const times = fake.requests.map((r) => r.time);
	const firstRequestMs = times.length ? Math.min(...times) - started : 0;
	const failed = results.filter((r) => r.error || r.items.length === 0);
	return {
		executions,
		succeeded: executions - failed.length,
		wallMs,
		requests: fake.requests.length,
		over: fake.requests.filter((r) => r.status === 429).length,
		firstError: failed[0]?.error?.message,
		firstRequestMs,
	};
}

export function describeMany(label: string, figures: ManyRunsFigures, boundMs: number): string {
	const ratio = (figures.wallMs / boundMs).toFixed(3);
	const why = figures.firstError ? ` — first failure: ${figures.firstError.slice(0, 120)}` : '';
	const startUp = (figures.firstRequestMs / 1000).toFixed(2);
	return `${label} ${figures.succeeded}/${figures.executions} executions succeeded, ${(figures.wallMs / 1000).toFixed(2)} s (ratio ${ratio} to the bound; the first request left after ${startUp} s of n8n start-up), ${figures.requests} requests, ${figures.over} answered 429${why}`;
}

/**
 * The bench's one time scale (P1–P5): MusicAPI's standard plan (1 request per 3 s) scaled 30×, a minute-long job
 * and the recommended 15-s poll interval scaled 20×. P4 uses P1's scale so that the two compare: one execution of
 * N songs against N executions of one song on the same key, measured against the same lower bound.
 */
export const SCALE = { timeScale: 0.05, jobLatencyMs: 60_000, intervalS: 0.1, pollIntervalS: 0.75 };
const P4 = { executions: 20 };

/**
 * Measured with this bench on the code before issue 15 (commit 1f6783e: spacing kept per execution, a 429 counted
 * against Max Retries), two runs. Kept as text: the per-execution spacer no longer exists to run.
 */
const P4_BEFORE =
	'per-execution spacing (before issue 15, two runs): 5/20 and 8/20 executions succeeded, 8.91 s and 7.99 s, 81 of 98 and 83 of 111 requests answered 429';

/** The fake MusicAPI at the bench's scale. */
export async function startScaledFake(...apiKeys: string[]): Promise<FakeMusicApi> {
	return await startFakeMusicApi({
		apiKeys,
		credits: 1_000_000,
		timeScale: SCALE.timeScale,
		jobLatencyMs: SCALE.jobLatencyMs,
		rateLimit: { requests: 1, perMs: SCALE.intervalS * 1000 },
	});
}

export async function benchP4(): Promise<string[]> {
	const apiKey = 'bench-many-key';
	const fake = await startScaledFake(apiKey);
	try {
		const latencyMs = SCALE.jobLatencyMs * SCALE.timeScale;
		const boundMs = (P4.executions - 1) * SCALE.intervalS * 1000 + latencyMs;
		const figures = await runConcurrently(fake, apiKey, songParameters(SCALE.intervalS, SCALE.pollIntervalS), P4.executions);
		return [
			`P4 ${P4.executions} executions at once, one song each, one API key (rate 1 per ${SCALE.intervalS} s, job ${latencyMs / 1000} s, poll interval ${SCALE.pollIntervalS} s); lower bound (M−1)/r + L = ${(boundMs / 1000).toFixed(2)} s`,
			describeMany('P4 shared budget:', figures, boundMs) + ' (targets: all succeed, ratio ≤ 1.2, 0 × 429)',
			`P4 ${P4_BEFORE}`,
		];
	} finally {
		await fake.stop();
	}
}

/** One Sonic song per item, URLs only; waited for unless another completion mode is given. */
export function songParameters(intervalS: number, pollIntervalS: number, completion = 'wait'): IDataObject {
	return sonicCreateParameters('={{ "background music " + $json.n }}', {
		completion,
		resultOptions: { pollInterval: pollIntervalS, timeout: 10, downloadAudio: false },
		requestOptions: { interval: intervalS, retryDelay: 100 },
	}) as IDataObject;
}

/**
 * P5: one execution, 20 items, at the bench's scale — each item submitted on its own (20 creates, one per interval)
 * versus Batch Submit (beta: POST /sonic/batch, up to 10 items a request).
 */
export async function benchP5(items = 20): Promise<string[]> {
	const apiKey = 'bench-batch-key';
	const fake = await startScaledFake(apiKey);
	try {
		const lines = [`P5 ${items} items in one execution (rate 1 per ${SCALE.intervalS} s, job ${(SCALE.jobLatencyMs * SCALE.timeScale) / 1000} s): single submits vs Batch Submit (beta)`];
		for (const batch of [false, true]) {
			const single = songParameters(SCALE.intervalS, SCALE.pollIntervalS);
			const parameters = { ...single, requestOptions: { ...(single.requestOptions as IDataObject), batchSubmit: batch } };
			const figures = await runItems(fake, apiKey, parameters, items);
			lines.push(describeItems(`P5 ${batch ? 'batch' : 'single'}:`, figures, fake));
		}
		return lines;
	} finally {
		await fake.stop();
	}
}

/** One execution of `items` items on `apiKey` (the fake reset, then `conditions` set): wall time, clips, the first error. */
export async function runItems(fake: FakeMusicApi, apiKey: string, parameters: IDataObject, items: number, conditions: Partial<FakeOptions> = {}) {
	fake.reset();
	Object.assign(fake.options, conditions);
	const started = Date.now();
	const [result] = await runNodesAtOnce([
		{
			nodeTypes: [MusicApi],
			credentialTypes: [MusicApiApi],
			credentials: { musicApiApi: { apiKey, baseUrl: fake.baseUrl } },
			node: { type: 'musicApi', typeVersion: 1, name: 'MusicAPI', parameters: parameters as INodeParameters },
			items: Array.from({ length: items }, (_, n) => ({ json: { n } })),
			keepBinaries: false,
			timeoutMs: 15 * 60_000,
		},
	]);
	return { wallMs: Date.now() - started, clips: result.items.length, error: result.error?.message };
}

function describeItems(label: string, figures: { wallMs: number; clips: number; error?: string }, fake: FakeMusicApi): string {
	const posts = fake.requests.filter((r) => r.method === 'POST').length;
	const polls = fake.requests.filter((r) => r.method === 'GET').length;
	const over = fake.requests.filter((r) => r.status === 429).length;
	const failed = figures.error ? ` — failed: ${figures.error.slice(0, 120)}` : '';
	return `${label} ${(figures.wallMs / 1000).toFixed(2)} s, ${figures.clips} clips, ${fake.requests.length} requests (${posts} submits, ${polls} polls), ${over} answered 429${failed}`;
}
