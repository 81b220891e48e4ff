/**
 * Issues 15 and 21 in queue mode: 40 webhook calls at once on one API key, run by four workers. Workers are
 * separate processes and share no memory, so each has its own rate budget: together they send faster than the key
 * allows and meet 429s. Those are waited out (a 429 never fails a run while there is time), so every execution
 * still succeeds and each song is created once; the figures (share of requests answered 429, wall time,
 * executions per worker) are printed and quoted in the README. The 429 share is not asserted: with today's
 * per-worker spacing it is about a third (issue 21 item 4 is open), and a bound that holds only sometimes would be
 * a flaky test.
 */
import { startFakeMusicApi, type FakeMusicApi } from '../fake-musicapi';
import { createFakeCredential, E2E_API_KEY, songPerCallWorkflow, type Credential } from '../e2e/helpers/musicapi';
import { startQueueN8n, type QueueN8n } from './harness/queue-n8n';

/** As in the e2e test and the issue: the standard plan (1 request per 3 s) and a 30-s job, both scaled 10×. */
const INTERVAL_S = 0.3;
const EXECUTIONS = 40;
const WORKERS = 4;

let q: QueueN8n;
let fake: FakeMusicApi;
let credential: Credential;

beforeAll(async () => {
	fake = await startFakeMusicApi({ apiKeys: [E2E_API_KEY], timeScale: 0.1, jobLatencyMs: 30_000, uploadLatencyMs: 0, rateLimit: { requests: 1, perMs: INTERVAL_S * 1000 } });
	q = await startQueueN8n({ workers: WORKERS });
	credential = await createFakeCredential(q.n8n, fake);
});

afterAll(async () => {
	try {
		await q?.stop();
	} finally {
		await fake?.stop();
	}
});

test('40 executions at once on one key, four workers: every execution succeeds, each song created once; the 429s between workers are waited out', async () => {
	const path = `queue-many-${Date.now()}`;
	const workflow = await q.n8n.createWorkflow(songPerCallWorkflow(credential, path, INTERVAL_S));
	await q.n8n.activate(workflow.id);
	const started = Date.now();
	const prompts = Array.from({ length: EXECUTIONS }, (_, i) => `queue song${i} at once`);
	const answers = await Promise.all(prompts.map((prompt) => q.n8n.callWebhook('POST', path, { prompt }, { retryUntilRegistered: true })));
	const wallMs = Date.now() - started;
	const executions = await q.n8n.waitForExecutions(workflow.id, EXECUTIONS, 60_000);
	const perWorker = executions.map((e) => q.workersThatRan(e.id).join(',')).reduce<Record<string, number>>((count, w) => ({ ...count, [w]: (count[w] ?? 0) + 1 }), {});
	const answered429 = fake.requests.filter((r) => r.status === 429).length;
	const figures = {
		executions: EXECUTIONS,
		succeeded: executions.filter((e) => e.status === 'success').length,
		wallMs,
		requests: fake.requests.length,
		answered429,
		share429: Number((answered429 / fake.requests.length).toFixed(3)),
		creates: fake.requestsTo('POST', '/sonic/create').filter((r) => r.status === 200).length,
		executionsPerWorker: perWorker,
	};
	process.stderr.write(`[queue many-executions] ${JSON.stringify(figures)}\n`);

	expect(answers.map((a) => a.status)).toEqual(prompts.map(() => 200));
	expect(figures.succeeded).toBe(EXECUTIONS);
	// Each song was created once, whatever the 429s.
	expect(figures.creates).toBe(EXECUTIONS);
});
