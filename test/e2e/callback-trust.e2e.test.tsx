/**
 * Issue 12 for "Wait for Callback" in a real n8n 2.40.7: one resume per result whatever the delivery id and
 * signature; a per-execution secret even when the credential has one, so one execution's signed wait-limit
 * reminder cannot resume another; the resume URL parsed strictly (n8n's `?signature=<token>/<node id>` form);
 * failed jobs visible as failures the way "On Error" says.
 *
 * The fake's jobs outlast the file (it never calls back by itself): each test posts the deliveries it needs,
 * signed with the secret the node sent with the job, exactly as MusicAPI would.
 */
import { createHmac, randomUUID } from 'node:crypto';

import { signWebhook, type FakeMusicApi, type LoggedRequest } from '../fake-musicapi';
import { request, startN8n, type Connections, type Execution, type N8n, type Workflow, type WorkflowNode } from './harness';
import { nodeItems } from './helpers/items';
import { chain, createFakeCredential, musicApiNode, sonicCreateParameters, splitOutNode, startE2eFake, webhookNode, type Credential } from './helpers/musicapi';

const CREDENTIAL_SECRET = 'whsec-e2e-callback-trust';

let n8n: N8n;
let fake: FakeMusicApi;
let credential: Credential;

beforeAll(async () => {
	fake = await startE2eFake({ timeScale: 1 });
	fake.options.jobLatencyMs = 36_000_000;
	n8n = await startN8n();
	credential = await createFakeCredential(n8n, fake, { webhookSecret: CREDENTIAL_SECRET });
});

afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
});

interface Parked {
	workflow: Workflow;
	waiting: Execution;
	node: WorkflowNode;
	taskIds: string[];
	/** The resume URL and secret the node sent with its jobs. */
	url: string;
	secret: string;
}

const noOp = (name: string): WorkflowNode => ({ id: randomUUID(), name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });

/** Webhook → Split Out → MusicAPI (callback, no downloads) [→ OK, → Failed on the error output]; waits for 'waiting'. */
async function park(prompts: string[], options: { onError?: string } = {}): Promise<Parked> {
	const from = fake.requests.length;
	const path = `callback-trust-${randomUUID()}`;
	const node = musicApiNode(credential, sonicCreateParameters('={{ $json.prompt }}', { completion: 'callback', resultOptions: { downloadAudio: false } }), options.onError ? { onError: options.onError } : {});
	const nodes = [webhookNode(path), splitOutNode('body.songs'), node, noOp('OK')];
	const connections: Connections = chain('Webhook', 'Split Out', 'MusicAPI', 'OK');
	if (options.onError === 'continueErrorOutput') {
		nodes.push(noOp('Failed'));
		connections.MusicAPI.main.push([{ node: 'Failed', type: 'main', index: 0 }]);
	}
	const workflow = await n8n.createWorkflow({ nodes, connections });
	await n8n.activate(workflow.id);
	const answer = await n8n.callWebhook('POST', path, { songs: prompts.map((prompt) => ({ prompt })) }, { retryUntilRegistered: true });
	expect(answer.status).toBe(200);
	const [waiting] = await n8n.waitForExecutions(workflow.id, 1, 30_000, ['waiting']);
	const submits = fake.requests.slice(from).filter((r: LoggedRequest) => r.method === 'POST' && r.path === '/sonic/create');
	const body = submits[0].body as { webhook_url: string; webhook_secret: string };
	return { workflow, waiting, node, taskIds: nodeItems(waiting, 'MusicAPI').map((i) => String(i.json.taskId)), url: body.webhook_url, secret: body.webhook_secret };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function completion(taskId: string): string {
	const clip = (suffix: string) => ({ clip_id: `${taskId}-${suffix}`, state: 'succeeded', title: 'Trust', audio_url: `${fake.origin}/files/${taskId}-${suffix}.mp3`, duration: '12.5' });
	return JSON.stringify({ code: 200, message: 'success', task_id: taskId, platform: 'suno', event: 'song.completed', data: [clip('a'), clip('b')] });
}

function failure(taskId: string): string {
	return JSON.stringify({ code: 500, message: 'Song generation failed. Credits have been refunded.', task_id: taskId, platform: 'suno', event: 'song.failed', data: [] });
}

/** The reminder a parked execution's own process posts at its wait limit (same shape as the node's). */
function reminder(executionId: string): string {
	return JSON.stringify({ event: 'musicapi.deadline', execution_id: executionId, task_id: '', code: 408, message: 'wait limit reached' });
}

async function deliver(url: string, body: string, secret: string, options: { timestamp?: number; event?: string } = {}) {
	const timestamp = options.timestamp ?? nowSeconds();
	const headers = {
		'content-type': 'application/json',
		'x-webhook-id': randomUUID(),
		'x-webhook-event': options.event ?? (JSON.parse(body) as { event: string }).event,
		'x-webhook-timestamp': String(timestamp),
		'x-webhook-signature': signWebhook(secret, timestamp, body),
	};
	return await request<Record<string, unknown>>('POST', url, { body, headers, timeoutMs: 60_000 });
}

const status = async (id: string): Promise<string> => (await n8n.getExecution(id)).status;
const finished = async (parked: Parked): Promise<Execution> => (await n8n.waitForExecutions(parked.workflow.id, 1, 60_000))[0];

describe('per-execution secret and strictly parsed resume URL', () => {
	test('the secret sent with the jobs is derived from the credential secret and this execution id', async () => {
		const parked = await park(['derived secret']);
		expect(parked.secret).toBe(createHmac('sha256', CREDENTIAL_SECRET).update(`musicapi-callback:${parked.waiting.id}`).digest('hex'));
		expect(parked.secret).not.toContain(CREDENTIAL_SECRET);
		// Finish it through n8n's other resume URL form, `<execution>?signature=<token>/<node id>`: the node reads
		// the execution id from it strictly (never "webhook-waiting"), so the derived secret verifies.
		const url = new URL(parked.url);
		const token = url.searchParams.get('signature');
		const alternate = `${url.origin}${url.pathname.replace(/\/[^/]+$/, '')}?signature=${token}/${parked.node.id}`;
		const answer = await deliver(alternate, completion(parked.taskIds[0]), parked.secret);
		expect(answer.status).toBe(200);
		const done = await finished(parked);
		expect(done.status).toBe('success');
		expect(nodeItems(done, 'MusicAPI').map((i) => i.json.taskId)).toEqual([parked.taskIds[0], parked.taskIds[0]]);
	});

	test("one execution's signed wait-limit reminder cannot resume another (credential with a webhook secret)", async () => {
		const [a, b] = [await park(['execution A']), await park(['execution B'])];
		expect(a.secret).not.toBe(b.secret);
		// A's own reminder, replayed at B: signed for A, so it does not verify for B.
		const replayed = await deliver(b.url, reminder(a.waiting.id), a.secret);
		expect(replayed).toMatchObject({ status: 401, body: { error: expect.stringMatching(/Signature mismatch/) } });
		// Even signed with B's secret, a reminder naming another execution is refused.
		const misnamed = await deliver(b.url, reminder(a.waiting.id), b.secret);
		expect(misnamed).toMatchObject({ status: 401, body: { error: expect.stringMatching(/another execution/) } });
		expect(await status(b.waiting.id)).toBe('waiting');
		expect(await status(a.waiting.id)).toBe('waiting');

		// B's own reminder resumes B at once; its job is still running, which fails the node (On Error: stop).
		expect((await deliver(b.url, reminder(b.waiting.id), b.secret)).status).toBe(200);
		const done = await finished(b);
		expect(done.status).toBe('error');
		expect(done.data?.resultData.error?.message).toMatch(new RegExp(`${b.taskIds[0]} still (pending|running) when waiting timed out`));
		expect(await status(a.waiting.id)).toBe('waiting');
		expect((await deliver(a.url, completion(a.taskIds[0]), a.secret)).status).toBe(200);
		expect((await finished(a)).status).toBe('success');
	});
});

describe('exactly once per result', () => {
	test('a result delivered again under a new id with a fresh signature is a duplicate; the batch resumes once', async () => {
		const parked = await park(['first', 'second']);
		expect((await deliver(parked.url, completion(parked.taskIds[0]), parked.secret)).body).toMatchObject({ received: true });
		const again = await deliver(parked.url, completion(parked.taskIds[0]), parked.secret, { timestamp: nowSeconds() + 2 });
		expect(again).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
		expect(await status(parked.waiting.id)).toBe('waiting');
		expect((await deliver(parked.url, completion(parked.taskIds[1]), parked.secret)).status).toBe(200);
		const done = await finished(parked);
		expect(done.status).toBe('success');
		expect(nodeItems(done, 'MusicAPI').map((i) => i.json.taskId)).toEqual([parked.taskIds[0], parked.taskIds[0], parked.taskIds[1], parked.taskIds[1]]);
	});

	test('8 concurrent copies of the last result, each with its own id and signature, resume the execution once', async () => {
		const parked = await park(['concurrent']);
		const body = completion(parked.taskIds[0]);
		const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => deliver(parked.url, body, parked.secret, { timestamp: nowSeconds() + (i % 3) })));
		// One resumes; the others are acknowledged (duplicate, or the execution already resumed), or refused by n8n
		// itself (409) once the execution runs or ran. None is a 500.
		expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
		expect(answers.filter((a) => a.status === 200 && a.body.duplicate === true).length).toBeLessThanOrEqual(7);
		const done = await finished(parked);
		expect(done.status).toBe('success');
		expect(nodeItems(done, 'MusicAPI')).toHaveLength(2);
		expect(done.data?.resultData.runData.OK).toHaveLength(1);
		expect(await n8n.waitForExecutions(parked.workflow.id, 1, 1000)).toHaveLength(1);
	});
});

describe('failed jobs are failures, as "On Error" says', () => {
	test('On Error "Stop Workflow" (default): the resumed execution fails with the task id and the reason', async () => {
		const parked = await park(['[fake:fail] doomed']);
		expect((await deliver(parked.url, failure(parked.taskIds[0]), parked.secret)).status).toBe(200);
		const done = await finished(parked);
		expect(done.status).toBe('error');
		expect(done.data?.resultData.lastNodeExecuted).toBe('MusicAPI');
		expect(done.data?.resultData.error?.message).toBe(`MusicAPI job ${parked.taskIds[0]} failed: Song generation failed. Credits have been refunded.`);
		expect(done.data?.resultData.runData.OK).toBeUndefined();
	});

	test('On Error "Continue (using error output)", resumed: the failed job stays on the regular output, the run goes on', async () => {
		// n8n re-pairs a resumed node's items by position and cannot route them to the error output (see resume.ts).
		const parked = await park(['fine', '[fake:fail] doomed'], { onError: 'continueErrorOutput' });
		const [good, bad] = parked.taskIds;
		expect((await deliver(parked.url, completion(good), parked.secret)).status).toBe(200);
		expect((await deliver(parked.url, failure(bad), parked.secret)).status).toBe(200);
		const done = await finished(parked);
		expect({ status: done.status, error: done.data?.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
		expect(nodeItems(done, 'OK').map((i) => i.json.taskId)).toEqual([good, good, bad]);
		expect(nodeItems(done, 'OK')[2].json.error).toBe(`MusicAPI job ${bad} failed: Song generation failed. Credits have been refunded.`);
		expect(done.data?.resultData.runData.Failed).toBeUndefined();
		expect(n8n.logs()).toContain("cannot route a resumed node's failed jobs");
	});

	test('On Error "Continue (using error output)", polling: the failed job goes to the error output with its task id', async () => {
		fake.options.jobLatencyMs = 300;
		try {
			const path = `poll-error-output-${randomUUID()}`;
			const node = musicApiNode(credential, sonicCreateParameters('={{ $json.prompt }}', { completion: 'wait', resultOptions: { downloadAudio: false, pollInterval: 0.2 } }), { onError: 'continueErrorOutput' });
			const connections: Connections = chain('Webhook', 'Split Out', 'MusicAPI', 'OK');
			connections.MusicAPI.main.push([{ node: 'Failed', type: 'main', index: 0 }]);
			const workflow = await n8n.createWorkflow({ nodes: [webhookNode(path), splitOutNode('body.songs'), node, noOp('OK'), noOp('Failed')], connections });
			await n8n.activate(workflow.id);
			const answer = await n8n.callWebhook('POST', path, { songs: [{ prompt: 'fine' }, { prompt: '[fake:fail] doomed' }] }, { retryUntilRegistered: true });
			expect(answer.status).toBe(200);
			const [done] = await n8n.waitForExecutions(workflow.id, 1, 60_000);
			expect({ status: done.status, error: done.data?.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
			expect(nodeItems(done, 'OK')).toHaveLength(2);
			const [failedItem] = nodeItems(done, 'Failed');
			// n8n routes only items whose own fields are error/message/details (and adds the input item's fields).
			expect(failedItem.json).toMatchObject({ prompt: '[fake:fail] doomed', error: expect.stringMatching(/^MusicAPI job .+ failed: /), details: { taskId: expect.any(String) } });
		} finally {
			fake.options.jobLatencyMs = 36_000_000;
		}
	});

	test('On Error "Continue": the failed job is an item with its error on the regular output', async () => {
		const parked = await park(['[fake:fail] doomed'], { onError: 'continueRegularOutput' });
		expect((await deliver(parked.url, failure(parked.taskIds[0]), parked.secret)).status).toBe(200);
		const done = await finished(parked);
		expect(done.status).toBe('success');
		expect(nodeItems(done, 'OK').map((i) => i.json)).toEqual([expect.objectContaining({ taskId: parked.taskIds[0], error: expect.stringContaining('failed') })]);
	});
});
