/**
 * P7 of `npm run bench` (issue 21): n8n in queue mode, 40 executions started at once (one song each) on one API
 * key, run by 4 workers, and the same load on 1 worker for comparison. Real n8n 2.40.7 processes (main + workers,
 * PostgreSQL, Redis: test/queue/harness) against the fake MusicAPI in this process, at the queue test's scale
 * (1 request per 0.3 s ≙ MusicAPI's 1 per 3 s, a 3-s job). Figures: executions succeeded, songs created, the
 * share of requests answered 429, wall time ÷ the lower bound (M−1)/r + L (as P4).
 *
 * Alone: `npm run build && node -r ts-node/register/transpile-only scripts/bench-queue.tsx` (~3 min: two clusters).
 */
import { startFakeMusicApi } from '../test/fake-musicapi';
import { createFakeCredential, E2E_API_KEY, songPerCallWorkflow } from '../test/e2e/helpers/musicapi';
import { startQueueN8n } from '../test/queue/harness/queue-n8n';

const P7 = { executions: 40, workers: 4, intervalS: 0.3, timeScale: 0.1, jobLatencyMs: 30_000 };

export interface QueueFigures {
	workers: number;
	succeeded: number;
	creates: number;
	requests: number;
	answered429: number;
	/** 429s within one interval of the first served request: the workers' first requests meeting. */
	refusedAtStart: number;
	wallMs: number;
}

/** One cluster with `workers` workers; 40 webhook calls at once, each one song on the same key. */
export async function runQueueLoad(workers: number): Promise<QueueFigures> {
	const fake = await startFakeMusicApi({
		apiKeys: [E2E_API_KEY],
		timeScale: P7.timeScale,
		jobLatencyMs: P7.jobLatencyMs,
		uploadLatencyMs: 0,
		rateLimit: { requests: 1, perMs: P7.intervalS * 1000 },
	});
	try {
		const q = await startQueueN8n({ workers });
		try {
			const credential = await createFakeCredential(q.n8n, fake);
			const path = `bench-queue-${workers}-${Date.now()}`;
			const workflow = await q.n8n.createWorkflow(songPerCallWorkflow(credential, path, P7.intervalS));
			await q.n8n.activate(workflow.id);
			const started = Date.now();
			const calls = Array.from({ length: P7.executions }, async (_, i) => await q.n8n.callWebhook('POST', path, { prompt: `bench song ${i}` }, { retryUntilRegistered: true }));
			await Promise.all(calls);
			const wallMs = Date.now() - started;
			const executions = await q.n8n.waitForExecutions(workflow.id, P7.executions, 60_000);
			return {
				workers,
				succeeded: executions.filter((e) => e.status === 'success').length,
				creates: fake.requestsTo('POST', '/sonic/create').filter((r) => r.status === 200).length,
				requests: fake.requests.length,
				answered429: fake.requests.filter((r) => r.status === 429).length,
				refusedAtStart: refusedAtStart(fake.requests, P7.intervalS * 1000),
				wallMs,
			};
		} finally {
			await q.stop();
		}
	} finally {
		await fake.stop();
	}
}

function describeQueue(figures: QueueFigures, boundMs: number): string {
	const share = ((100 * figures.answered429) / figures.requests).toFixed(1);
	return (
		`P7 queue mode, ${figures.workers} worker${figures.workers > 1 ? 's' : ''}: ${figures.succeeded}/${P7.executions} succeeded, ${figures.creates} songs created, ` +
		`${(figures.wallMs / 1000).toFixed(2)} s (wall ÷ bound ${(figures.wallMs / boundMs).toFixed(3)}), ${figures.requests} requests, ` +
		`${figures.answered429} answered 429 (${share} %), ${figures.refusedAtStart} of them within one interval of the first served request`
	);
}

/** The 429s that arrived within one interval of the first served request (the fake logs arrival times). */
function refusedAtStart(requests: Array<{ time: number; status: number }>, intervalMs: number): number {
	const first = Math.min(...requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.time));
	return requests.filter((r) => r.status === 429 && r.time < first + intervalMs).length;
}

export async function benchP7(): Promise<string[]> {
	const boundMs = (P7.executions - 1) * P7.intervalS * 1000 + P7.jobLatencyMs * P7.timeScale;
	const four = await runQueueLoad(P7.workers);
	const one = await runQueueLoad(1);
	return [
		`P7 queue mode: ${P7.executions} executions at once, one song each, one API key, rate 1 per ${P7.intervalS} s, job ${(P7.jobLatencyMs * P7.timeScale) / 1000} s; lower bound (M−1)/r + L = ${(boundMs / 1000).toFixed(2)} s`,
		describeQueue(four, boundMs) + ' (targets: 40/40, ≤ 5 % answered 429, no slower than 1 worker)',
		describeQueue(one, boundMs),
		`P7 4 workers ÷ 1 worker: ${(four.wallMs / one.wallMs).toFixed(3)}`,
	];
}

if (require.main === module) {
	benchP7()
		.then((lines) => console.log(lines.join('\n')))
		.catch((error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		});
}
