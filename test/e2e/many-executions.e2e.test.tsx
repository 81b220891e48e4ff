/**
 * Issue 15 in a real n8n 2.40.7: 20 webhook calls at once start 20 executions, one song each, all on one API key.
 * Before the rate budget was shared per key, each execution spaced only its own requests and gave up after three
 * 429s: 16 of 20 executions failed, some while polling a task already paid for. Now every execution of the
 * process shares one budget, and the fake's log shows no 429 at all.
 */
import type { FakeMusicApi } from '../fake-musicapi';
import { startN8n, type N8n } from './harness';
import { nodeItems } from './helpers/items';
import { createFakeCredential, songPerCallWorkflow, startE2eFake, type Credential } from './helpers/musicapi';

let n8n: N8n;
let fake: FakeMusicApi;
let credential: Credential;

/** The measurement: the standard plan (1 request per 3 s) and a 30-s job, both scaled 10×. */
const INTERVAL_S = 0.3;
const EXECUTIONS = 20;

beforeAll(async () => {
	fake = await startE2eFake({ timeScale: 0.1, jobLatencyMs: 30_000, rateLimit: { requests: 1, perMs: INTERVAL_S * 1000 } });
	n8n = await startN8n();
	credential = await createFakeCredential(n8n, fake);
});

afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
});

test('20 executions started at once on one API key all succeed, and MusicAPI never answers 429', async () => {
	const path = `many-${Date.now()}`;
	const workflow = await n8n.createWorkflow(songPerCallWorkflow(credential, path, INTERVAL_S));
	await n8n.activate(workflow.id);
	const from = fake.requests.length;
	const started = Date.now();
	const prompts = Array.from({ length: EXECUTIONS }, (_, i) => `song${i} at once`);
	const answers = await Promise.all(prompts.map((prompt) => n8n.callWebhook('POST', path, { prompt }, { retryUntilRegistered: true })));
	process.stderr.write(`[e2e many-executions] ${EXECUTIONS} executions in ${Date.now() - started} ms\n`);

	const log = fake.requests.slice(from);
	const statuses = log.reduce<Record<number, number>>((count, r) => ({ ...count, [r.status]: (count[r.status] ?? 0) + 1 }), {});
	process.stderr.write(`[e2e many-executions] fake log: ${log.length} requests, by status ${JSON.stringify(statuses)}\n`);
	expect(answers.map((a) => a.status)).toEqual(prompts.map(() => 200));
	const executions = await n8n.waitForExecutions(workflow.id, EXECUTIONS, 60_000);
	expect(executions.map((e) => e.status)).toEqual(prompts.map(() => 'success'));
	expect(log.filter((r) => r.status === 429)).toEqual([]);
	// One create per execution: nothing was sent twice.
	const creates = log.filter((r) => r.method === 'POST' && r.path === '/sonic/create');
	expect(creates.map((r) => (r.body as Record<string, unknown>).gpt_description_prompt).sort()).toEqual([...prompts].sort());
	// Every execution delivered its song (two clips of its own prompt).
	for (const execution of executions) {
		const clips = nodeItems(execution, 'MusicAPI');
		expect(clips).toHaveLength(2);
		expect(clips.every((clip) => clip.json.state === 'succeeded')).toBe(true);
	}
});
