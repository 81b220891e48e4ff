/**
 * "Wait for Callback" in a real n8n 2.40.7: the MusicAPI node parks the execution (status waiting), hands
 * MusicAPI n8n's resume URL, and the fake MusicAPI's signed callback resumes it with the clips and their files;
 * nothing polls. The fake runs at timeScale 1 (a job takes 60 s of fake time) and each test moves the fake's
 * clock past a job's end only once the execution is waiting, so every delivery happens exactly when the test
 * says.
 */
import { createHmac, randomUUID } from 'node:crypto';

import { signWebhook, type Delivery, type FakeMusicApi, type LoggedRequest } from '../fake-musicapi';
import { request, startN8n, type Execution, type N8n, type Workflow, type WorkflowNode } from './harness';
import { nodeItems, storedBytes, type ExecutionItem } from './helpers/items';
import {
	chain,
	createFakeCredential,
	E2E_API_KEY,
	musicApiNode,
	sonicCreateParameters,
	splitOutNode,
	startE2eFake,
	webhookNode,
	type Credential,
} from './helpers/musicapi';
import { waitFor } from './helpers/wait';

let n8n: N8n;
let fake: FakeMusicApi;
let credential: Credential;
const started = Date.now();

/** Every advanceTime() so far: the fake's clock is wall time plus the advances made up to then. */
const advances: Array<{ at: number; ms: number }> = [];
const fakeNow = (wall = Date.now()): number => wall + advances.filter((a) => a.at <= wall).reduce((sum, a) => sum + a.ms, 0);
function advanceFakeClock(ms: number): void {
	advances.push({ at: Date.now(), ms });
	fake.advanceTime(ms);
}
/**
 * Moves the fake's clock to `afterMs` (default: just past the end, 60 s) of the job a logged submit started.
 * The fake sends what became due when its clock is moved (its own timers run on wall time), so this always
 * moves it, by 0 ms if that point has passed already.
 */
function reachJobTime(submit: LoggedRequest, afterMs = 60_050): void {
	advanceFakeClock(Math.max(0, fakeNow(submit.time) + afterMs - fakeNow()));
}

const submitsSince = (from: number): LoggedRequest[] => fake.requests.slice(from).filter((r) => r.method === 'POST' && r.path === '/sonic/create');
/** Task polls since `from`, leaving out the wait-limit run's own single look at its job (it happens at its limit, during other tests). */
const pollsSince = (from: number): LoggedRequest[] =>
	fake.requests
		.slice(from)
		.filter((r) => r.method === 'GET' && r.path.startsWith('/sonic/task/') && !parkedTaskIds(waitLimit.waiting).some((id) => r.path.endsWith(id)));
const deliveryOf = (taskId: string, event = 'song.completed'): Promise<Delivery> =>
	waitFor(`the ${event} delivery of ${taskId}`, () => fake.deliveries.find((d) => d.taskId === taskId && d.event === event));

/** Posts to a resume URL exactly as a MusicAPI delivery would arrive (bytes and headers as given). */
async function postDelivery(url: string, body: string, headers: Record<string, string>) {
	return await request<Record<string, unknown>>('POST', url, { body, headers: { 'content-type': 'application/json', ...headers } });
}

async function executionStatus(id: string): Promise<string> {
	return (await n8n.getExecution(id)).status;
}

interface Parked {
	workflow: Workflow;
	waiting: Execution;
	submits: LoggedRequest[];
	node: WorkflowNode;
}

/** Webhook (onReceived) → [Split Out] → MusicAPI (callback) [→ more]: publishes, calls and waits for 'waiting'. */
async function park(options: { prompts: string[]; credential?: Credential; parameters?: Record<string, unknown>; after?: WorkflowNode[] }): Promise<Parked> {
	const from = fake.requests.length;
	const path = `callback-${randomUUID()}`;
	const node = musicApiNode(options.credential ?? credential, sonicCreateParameters('={{ $json.prompt }}', { completion: 'callback', ...options.parameters }));
	const after = options.after ?? [];
	const workflow = await n8n.createWorkflow({
		nodes: [webhookNode(path), splitOutNode('body.songs'), node, ...after],
		connections: chain('Webhook', 'Split Out', 'MusicAPI', ...after.map((n) => n.name)),
	});
	await n8n.activate(workflow.id);
	const answer = await n8n.callWebhook('POST', path, { songs: options.prompts.map((prompt) => ({ prompt })) }, { retryUntilRegistered: true });
	expect(answer.status).toBe(200);
	const [waiting] = await n8n.waitForExecutions(workflow.id, 1, 30_000, ['waiting']);
	return { workflow, waiting, submits: submitsSince(from), node };
}

/** Task ids the parked MusicAPI run shows (its output while waiting), in item order. */
function parkedTaskIds(execution: Execution): string[] {
	return nodeItems(execution, 'MusicAPI').map((item) => String(item.json.taskId));
}

function expectClipWithAudio(item: ExecutionItem, taskId: string): void {
	expect(item.json).toMatchObject({ taskId, state: 'succeeded', clipId: expect.any(String), duration: expect.any(Number) });
	const file = item.binary?.data;
	expect(file?.mimeType).toBe('audio/mpeg');
	expect(file?.fileName).toMatch(new RegExp(`${String(item.json.clipId)}\\.mp3$`));
	expect(storedBytes(file)).toBeGreaterThan(1000);
}

const RESUME_URL = (n8nUrl: string, executionId: string, nodeId: string) =>
	new RegExp(`^${n8nUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/webhook-waiting/${executionId}/${nodeId}\\?signature=[0-9a-f]{64}$`);

// The wait-limit run is started first and checked last: n8n's wait tracker looks for due executions only
// once a minute, so waiting for it alone would cost up to a minute.
let waitLimit: Parked;

beforeAll(async () => {
	fake = await startE2eFake({ timeScale: 1 });
	n8n = await startN8n();
	process.stderr.write(`[e2e node-callback] n8n timings ms ${JSON.stringify(n8n.timings)}\n`);
	credential = await createFakeCredential(n8n, fake);
	// A job that outlasts every clock move of this file, so its callback never comes.
	fake.options.jobLatencyMs = 36_000_000;
	waitLimit = await park({ prompts: ['nobody calls back'], parameters: { resultOptions: { timeout: 0.05 } } });
	fake.options.jobLatencyMs = 60_000;
});

afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
	process.stderr.write(`[e2e node-callback] whole file ${Date.now() - started} ms\n`);
});

test('one item: parks with its resume URL, resumes on the signed callback with both clips and their files, never polls', async () => {
	const from = fake.requests.length;
	const after: WorkflowNode = {
		id: randomUUID(),
		name: 'After',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: { mode: 'manual', assignments: { assignments: [{ id: randomUUID(), name: 'clip', value: '={{ $json.clipId }}', type: 'string' }] }, includeOtherFields: false, options: {} },
	};
	const { workflow, waiting, submits, node } = await park({ prompts: ['a calm piano song'], after: [after] });

	// The submit carried n8n's resume URL for this execution and node, and a secret derived for this execution.
	expect(submits).toHaveLength(1);
	const body = submits[0].body as Record<string, unknown>;
	expect(body).toMatchObject({ task_type: 'create_music', gpt_description_prompt: 'a calm piano song' });
	expect(String(body.webhook_url)).toMatch(RESUME_URL(n8n.url, waiting.id, String(node.id)));
	expect(body.webhook_secret).toBe(createHmac('sha256', E2E_API_KEY).update(`musicapi-callback:${waiting.id}`).digest('hex'));
	const [taskId] = parkedTaskIds(waiting);
	expect(nodeItems(waiting, 'MusicAPI')).toEqual([{ json: { taskId, state: 'waiting', pollPath: `/sonic/task/${taskId}`, dialect: 'sonic' }, pairedItem: { item: 0 } }]);
	expect(waiting.data?.resultData.runData.After).toBeUndefined();

	reachJobTime(submits[0]);
	const delivery = await deliveryOf(taskId);
	expect(delivery.url).toBe(body.webhook_url);
	expect(delivery.status).toBe(200);

	const [done] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(done.id).toBe(waiting.id);
	expect(done.status).toBe('success');
	const clips = nodeItems(done, 'MusicAPI');
	expect(clips).toHaveLength(2);
	for (const clip of clips) expectClipWithAudio(clip, taskId);
	expect(new Set(clips.map((c) => c.json.clipId)).size).toBe(2);
	// The workflow went on after the resume.
	expect(nodeItems(done, 'After').map((i) => i.json)).toEqual(clips.map((c) => ({ clip: c.json.clipId })));
	expect(pollsSince(from)).toEqual([]);
});

test('three items: resumes only after the last job reports, with all six clips; a replay is acknowledged, never run twice', async () => {
	const from = fake.requests.length;
	// Submits 1.5 s apart, so the jobs end one after another on the fake's clock. The fake's clock runs on with
	// wall time after each move, so the gap must exceed what one step below takes (delivery + status check).
	const { workflow, waiting, submits } = await park({ prompts: ['first song', 'second song', 'third song'], parameters: { requestOptions: { interval: 1.5 } } });
	expect(submits.map((s) => (s.body as Record<string, unknown>).gpt_description_prompt)).toEqual(['first song', 'second song', 'third song']);
	const taskIds = parkedTaskIds(waiting);
	expect(taskIds).toHaveLength(3);
	const resumeUrl = String((submits[0].body as Record<string, unknown>).webhook_url);
	expect(submits.every((s) => (s.body as Record<string, unknown>).webhook_url === resumeUrl)).toBe(true);

	for (const [i, submit] of submits.slice(0, 2).entries()) {
		reachJobTime(submit);
		expect((await deliveryOf(taskIds[i])).status).toBe(200);
		expect(await executionStatus(waiting.id)).toBe('waiting');
	}
	// The first delivery again, byte for byte (a MusicAPI retry): acknowledged as a duplicate, nothing changes.
	const first = await deliveryOf(taskIds[0]);
	const replay = await postDelivery(first.url, first.body, first.headers);
	expect(replay.status).toBe(200);
	expect(replay.body).toMatchObject({ received: true, duplicate: true });
	expect(await executionStatus(waiting.id)).toBe('waiting');

	reachJobTime(submits[2]);
	const last = await deliveryOf(taskIds[2]);
	expect(last.status).toBe(200);
	const [done] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(done.status).toBe('success');
	const clips = nodeItems(done, 'MusicAPI');
	expect(clips.map((c) => c.json.taskId)).toEqual([taskIds[0], taskIds[0], taskIds[1], taskIds[1], taskIds[2], taskIds[2]]);
	clips.forEach((clip) => expectClipWithAudio(clip, String(clip.json.taskId)));
	// n8n feeds a resume webhook's items to the node as its input again and re-pairs them by position, so after a
	// callback pairedItem is the clip's index, not its input item's (n8n 2.40.7, WorkflowExecute.addPairedItemLineage).
	expect(clips.map((c) => c.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	// Each clip still tells which prompt it came from: its task id ↔ the submit's prompt.
	const prompts = new Map(taskIds.map((id, i) => [id, ['first song', 'second song', 'third song'][i]]));
	expect(clips.map((c) => prompts.get(String(c.json.taskId)))).toEqual(['first song', 'first song', 'second song', 'second song', 'third song', 'third song']);

	// The last delivery once more after the execution finished: n8n refuses it, and nothing runs again.
	const late = await postDelivery(last.url, last.body, last.headers);
	expect(late.status).toBe(409);
	expect(await n8n.waitForExecutions(workflow.id, 1, 1000)).toHaveLength(1);
	expect(pollsSince(from)).toEqual([]);
});

test('forged callbacks are refused with 401 and the execution keeps waiting; the genuine one resumes it', async () => {
	// A genuine completion delivery of another execution (an earlier test's, or one made now when run alone).
	let real = fake.deliveries.find((d) => d.event === 'song.completed' && d.status === 200);
	if (!real) {
		const other = await park({ prompts: ['another execution'] });
		reachJobTime(other.submits[0]);
		real = await deliveryOf(parkedTaskIds(other.waiting)[0]);
	}
	const from = fake.requests.length;
	const { workflow, waiting, submits } = await park({ prompts: ['a forged song'] });
	const [taskId] = parkedTaskIds(waiting);
	const resumeUrl = String((submits[0].body as Record<string, unknown>).webhook_url);
	// The real body re-addressed to this execution's task.
	const body = real.body.replace(new RegExp(real.taskId, 'g'), taskId);
	const timestamp = Math.floor(Date.now() / 1000);
	const headers = (signature: string, ts = timestamp) => ({ 'X-Webhook-Id': randomUUID(), 'X-Webhook-Event': 'song.completed', 'X-Webhook-Timestamp': String(ts), 'X-Webhook-Signature': signature });
	const attempts: Array<[string, string, Record<string, string>, RegExp]> = [
		['signed with a wrong secret', body, headers(signWebhook('not-the-secret', timestamp, body)), /Signature mismatch/],
		// The genuine delivery of another execution, untouched: the derived secret is good for that execution only.
		["another execution's genuine delivery", real.body, { ...real.headers }, /Signature mismatch/],
		['signed with the API key', body, headers(signWebhook(E2E_API_KEY, timestamp, body)), /Signature mismatch/],
		['without a signature', body, { 'X-Webhook-Timestamp': String(timestamp) }, /Missing X-Webhook-Signature/],
	];
	for (const [what, b, h, reason] of attempts) {
		const answer = await postDelivery(resumeUrl, b, h);
		expect({ what, status: answer.status, error: String(answer.body.error) }).toEqual({ what, status: 401, error: expect.stringMatching(reason) });
	}
	// n8n's resume token guards the URL before the node sees anything: the right signature without it is refused.
	const secret = String((submits[0].body as Record<string, unknown>).webhook_secret);
	const withoutToken = await postDelivery(resumeUrl.replace(/\?signature=.*$/, ''), body, headers(signWebhook(secret, timestamp, body)));
	expect({ status: withoutToken.status, body: withoutToken.body }).toEqual({ status: 401, body: { error: 'Invalid token' } });
	expect(await executionStatus(waiting.id)).toBe('waiting');

	reachJobTime(submits[0]);
	expect((await deliveryOf(taskId)).status).toBe(200);
	const [done] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(done.status).toBe('success');
	const clips = nodeItems(done, 'MusicAPI');
	expect(clips).toHaveLength(2);
	clips.forEach((clip) => expectClipWithAudio(clip, taskId));
	expect(pollsSince(from)).toEqual([]);
});

test('a streaming callback is acknowledged and ignored; the completion resumes (credential with its own webhook secret)', async () => {
	const from = fake.requests.length;
	const withSecret = await createFakeCredential(n8n, fake, { webhookSecret: 'whsec-e2e-callback' });
	fake.options.streamingCallback = true;
	try {
		const { workflow, waiting, submits } = await park({ prompts: ['a streamed song'], credential: withSecret });
		// Derived for this execution from the credential's secret (issue 12), never the credential's own.
		expect((submits[0].body as Record<string, unknown>).webhook_secret).toBe(createHmac('sha256', 'whsec-e2e-callback').update(`musicapi-callback:${waiting.id}`).digest('hex'));
		const [taskId] = parkedTaskIds(waiting);

		reachJobTime(submits[0], 50_000);
		const streaming = await deliveryOf(taskId, 'song.streaming');
		expect(streaming.status).toBe(200);
		expect(fake.deliveries.filter((d) => d.taskId === taskId).map((d) => d.event)).toEqual(['song.streaming']);
		expect(await executionStatus(waiting.id)).toBe('waiting');

		reachJobTime(submits[0]);
		expect((await deliveryOf(taskId)).status).toBe(200);
		const [done] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
		expect(done.status).toBe('success');
		const clips = nodeItems(done, 'MusicAPI');
		expect(clips).toHaveLength(2);
		clips.forEach((clip) => expectClipWithAudio(clip, taskId));
		expect(pollsSince(from)).toEqual([]);
	} finally {
		fake.options.streamingCallback = false;
	}
});

test('a job that ends while the node is still submitting (n8n answers its callback 409) is asked about once, and the run completes', async () => {
	const from = fake.requests.length;
	const path = `callback-${randomUUID()}`;
	const node = musicApiNode(credential, sonicCreateParameters('={{ $json.prompt }}', { completion: 'callback', requestOptions: { interval: 1 } }));
	const workflow = await n8n.createWorkflow({ nodes: [webhookNode(path), splitOutNode('body.songs'), node], connections: chain('Webhook', 'Split Out', 'MusicAPI') });
	await n8n.activate(workflow.id);
	expect((await n8n.callWebhook('POST', path, { songs: [{ prompt: 'early one' }, { prompt: 'early two' }, { prompt: 'early three' }] }, { retryUntilRegistered: true })).status).toBe(200);

	// The first job ends (on the fake's clock) right after it was submitted, a second before the next submit.
	const first = await waitFor('the first submit', () => submitsSince(from)[0]);
	reachJobTime(first);
	const firstTaskId = await waitFor('the first delivery', () => fake.deliveries.find((d) => d.time >= first.time && d.url.includes(String(node.id)))?.taskId);
	const early = await deliveryOf(firstTaskId);
	expect(early.status).toBe(409); // "The execution … is running already": MusicAPI's only callback for this job is lost

	const [waiting] = await n8n.waitForExecutions(workflow.id, 1, 30_000, ['waiting']);
	const taskIds = parkedTaskIds(waiting);
	expect(taskIds[0]).toBe(firstTaskId);
	const submits = submitsSince(from);
	expect(submits).toHaveLength(3);
	reachJobTime(submits[2]);
	const [done] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(done.status).toBe('success');
	expect(nodeItems(done, 'MusicAPI').map((c) => c.json.taskId)).toEqual([taskIds[0], taskIds[0], taskIds[1], taskIds[1], taskIds[2], taskIds[2]]);
	nodeItems(done, 'MusicAPI').forEach((clip) => expectClipWithAudio(clip, String(clip.json.taskId)));
	// The job whose callback was lost was asked about once. (Jobs 2 and 3 report at the same moment; when job 3's
	// callback is handled before job 2's has been recorded, job 2 may be asked about once too — never more.)
	const polled = pollsSince(from).map((p) => p.path);
	expect(polled.filter((p) => p === `/sonic/task/${firstTaskId}`)).toHaveLength(1);
	expect(new Set(polled).size).toBe(polled.length);
	expect(polled.every((p) => p !== `/sonic/task/${taskIds[2]}`)).toBe(true);
});

test('a failed job fails the resumed node (On Error: Stop Workflow), with its reason, the refund note and the remedy', async () => {
	const { workflow, waiting, submits } = await park({ prompts: ['[fake:fail] a doomed song'] });
	const [taskId] = parkedTaskIds(waiting);
	reachJobTime(submits[0]);
	expect(await deliveryOf(taskId, 'song.failed')).toMatchObject({ status: 200 });
	const [done] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(done.status).toBe('error');
	expect(done.data?.resultData.error).toMatchObject({
		message: `MusicAPI job ${taskId} failed: Song generation failed. Credits have been refunded.`,
		description: expect.stringMatching(/Credits have been refunded\. Adjust the input/),
	});
});

test('wait limit passed without a callback: the node asks once, resumes and names the task still running', async () => {
	const [done] = await n8n.waitForExecutions(waitLimit.workflow.id, 1, 90_000);
	const [taskId] = parkedTaskIds(waitLimit.waiting);
	const resultData = done.data?.resultData;
	// The submitting process reminds the execution at its wait limit (3 s here), well before n8n's own backstop;
	// the job still running is a failure of the node (On Error: Stop Workflow), naming the task to fetch later.
	expect(done.status).toBe('error');
	expect(new Date(done.stoppedAt as string).getTime() - new Date(done.startedAt as string).getTime()).toBeLessThan(60_000);
	expect(resultData?.error).toMatchObject({
		message: expect.stringMatching(new RegExp(`^MusicAPI task ${taskId} still (pending|running) when waiting timed out$`)),
		description: expect.stringContaining(`Get Task (task ID ${taskId})`),
	});
	// Exactly one look at the job, at the limit.
	expect(fake.requests.filter((r) => r.path === `/sonic/task/${taskId}`)).toHaveLength(1);
});
