/**
 * n8n-nodes-musicapi in n8n's queue mode (issue 7 § Queue mode): one main (`n8n start`: API, webhooks, waiting
 * webhooks; enqueues) and two workers (`n8n worker`: run executions) on this run's own PostgreSQL and Redis, the
 * package installed once and shared, the fake MusicAPI in this process. One cluster for the file.
 *
 * What runs where is read from n8n's own log lines: the main logs "Enqueued execution <id> (job <n>)", the
 * worker that takes the job logs "Worker started execution <id> (job <n>)", and the MusicAPI node logs its
 * submits ("… submitted as task <id>") and accepted callbacks ("MusicAPI callback: task <id> …") in whichever
 * process runs it.
 */
import { randomUUID } from 'node:crypto';

import { signWebhook, startFakeMusicApi, type FakeMusicApi } from '../fake-musicapi';
import { request, runWorkflowViaWebhook, type Execution, type WorkflowNode } from '../e2e/harness';
import { nodeItems, sizeInBytes } from '../e2e/helpers/items';
import {
	chain,
	createFakeCredential,
	E2E_API_KEY,
	MUSICAPI_TRIGGER_TYPE,
	musicApiNode,
	sonicCreateParameters,
	splitOutNode,
	webhookNode,
	type Credential,
} from '../e2e/helpers/musicapi';
import { startQueueN8n, type QueueN8n } from './harness/queue-n8n';

const SECRET = 'queue-webhook-secret';
const fileStarted = Date.now();
const figures: Record<string, unknown> = {};

let q: QueueN8n;
let fake: FakeMusicApi;
let credential: Credential;

beforeAll(async () => {
	fake = await startFakeMusicApi({ apiKeys: [E2E_API_KEY], timeScale: 0.02, uploadLatencyMs: 0, uploadStepLatencyMs: 0 });
	q = await startQueueN8n({ workers: 2 });
	credential = await createFakeCredential(q.n8n, fake, { webhookSecret: SECRET });
	figures.timings = q.timings;
});

afterEach(() => fake?.reset());

afterAll(async () => {
	try {
		await q?.stop();
	} finally {
		await fake?.stop();
		figures.wholeFileMs = Date.now() - fileStarted;
		process.stderr.write(`[queue] ${JSON.stringify(figures)}\n`);
	}
});

/** Task ids a process's log says it submitted. */
function submittedIn(logs: string): string[] {
	return [...logs.matchAll(/MusicAPI \S+ \S+: item \d+ submitted as task (\S+)/g)].map((m) => m[1]);
}

/** Task ids whose callback a process's log says it accepted for an execution. */
function callbacksIn(logs: string, executionId: string): string[] {
	return [...logs.matchAll(/MusicAPI callback: task (\S+) (?:succeeded|failed) \(execution (\S+)\)/g)].filter((m) => m[2] === executionId).map((m) => m[1]);
}

function sorted<T>(values: T[]): T[] {
	return [...values].sort();
}

/** The execution ran on exactly one worker, was enqueued by the main, and the main never ran an execution itself. */
function expectRanOnOneWorker(executionId: string): number {
	const ran = q.workersThatRan(executionId);
	expect(ran).toHaveLength(1);
	expect(q.mainLogs()).toMatch(new RegExp(`Enqueued execution ${executionId} \\(job`));
	expect(q.mainLogs()).not.toMatch(/Worker started execution/);
	return ran[0];
}

test('poll mode: a batch of 10 songs runs on a worker, 20 clips with their files, each job created once', async () => {
	const prompts = Array.from({ length: 10 }, (_, i) => `queue poll song ${i}`);
	const node = musicApiNode(credential, sonicCreateParameters('={{ $json.prompt }}', { completion: 'wait', resultOptions: { pollInterval: 0.2, timeout: 2 } }));
	const started = Date.now();
	const run = await runWorkflowViaWebhook(q.n8n, [splitOutNode('body.songs'), node], chain('Split Out', 'MusicAPI'), {
		input: { songs: prompts.map((prompt) => ({ prompt })) },
		keepWorkflow: true,
	});
	figures.pollBatchMs = Date.now() - started;
	await q.n8n.deactivate(run.workflow.id);

	expect(run.status).toBe(200);
	expect(run.execution.status).toBe('success');
	const execution = await q.n8n.getExecution(run.execution.id);
	const items = nodeItems(execution, 'MusicAPI');
	expect(items).toHaveLength(20);
	expect(run.items).toHaveLength(20);

	// Each job created exactly once, one per prompt.
	const creates = fake.requestsTo('POST', '/sonic/create');
	expect(sorted(creates.map((r) => (r.body as { gpt_description_prompt: string }).gpt_description_prompt))).toEqual(sorted(prompts));
	const taskIds = [...new Set(items.map((i) => String(i.json.taskId)))];
	expect(taskIds).toHaveLength(10);

	// Two clips per job, paired with the item that asked for it, each with its audio fetched once.
	for (const [index, prompt] of prompts.entries()) {
		const mine = items.filter((i) => (i.pairedItem as { item: number }).item === index);
		expect(mine).toHaveLength(2);
		expect(new Set(mine.map((i) => i.json.taskId)).size).toBe(1);
		const create = creates.find((r) => (r.body as { gpt_description_prompt: string }).gpt_description_prompt === prompt);
		expect(create?.status).toBe(200);
	}
	const clipIds = items.map((i) => String(i.json.clipId));
	expect(new Set(clipIds).size).toBe(20);
	for (const item of items) {
		expect(item.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), audioUrl: expect.stringContaining(fake.origin) });
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: expect.stringMatching(new RegExp(`${item.json.clipId}\\.mp3$`)) });
		expect(sizeInBytes(item.binary?.data.fileSize)).toBeGreaterThan(1000);
	}
	const downloads = fake.requestsTo('GET', /^\/files\/.+\.mp3$/);
	expect(sorted(downloads.map((r) => r.path))).toEqual(sorted(clipIds.map((id) => `/files/${id}.mp3`)));

	// Queue mode's binary store is the database: a file a worker stored is served by the main.
	const binaryId = String(items[0].binary?.data.id);
	expect(binaryId).toMatch(/^database:/);
	const served = await q.n8n.raw('GET', `/rest/binary-data?id=${encodeURIComponent(binaryId)}&action=download`);
	expect(served.status).toBe(200);
	expect(served.headers.get('content-type')).toMatch(/audio\/mpeg/);
	const original = await request('GET', `${fake.origin}/files/${items[0].json.clipId}.mp3`);
	expect(Number(served.headers.get('content-length'))).toBe(Number(original.headers.get('content-length')));

	// Ran on one worker: that worker submitted all ten jobs; the main none.
	const worker = expectRanOnOneWorker(run.execution.id);
	expect(sorted(submittedIn(q.workers[worker - 1].logs()).filter((id) => taskIds.includes(id)))).toEqual(sorted(taskIds));
	expect(submittedIn(q.mainLogs())).toEqual([]);

	const polls = fake.requestsTo('GET', /^\/sonic\/task\//);
	for (const id of taskIds) expect(polls.some((p) => p.path === `/sonic/task/${id}`)).toBe(true);
	figures.poll = { worker, creates: creates.length, polls: polls.length, downloads: downloads.length };
});

test('callback mode: a worker parks a batch of 10, the signed callbacks reach the main, the execution resumes with the clips', async () => {
	const prompts = Array.from({ length: 10 }, (_, i) => `queue callback song ${i}`);
	// Jobs take 3 s here: callbacks that reach the main before the worker has parked the execution are refused
	// (409, "running already") and would only be made up for by polls.
	fake.options.timeScale = 0.05;
	const node = musicApiNode(credential, sonicCreateParameters('={{ $json.prompt }}', { completion: 'callback', resultOptions: { timeout: 2 } }));
	const path = `queue-callback-${randomUUID()}`;
	const workflow = await q.n8n.createWorkflow({
		name: 'queue: callback batch',
		nodes: [webhookNode(path), splitOutNode('body.songs'), node],
		connections: chain('Webhook', 'Split Out', 'MusicAPI') as never,
	});
	await q.n8n.activate(workflow.id);
	const started = Date.now();
	const answer = await q.n8n.callWebhook('POST', path, { songs: prompts.map((prompt) => ({ prompt })) }, { retryUntilRegistered: true });
	expect(answer.status).toBe(200);

	let done: Execution | undefined;
	try {
		[done] = await q.n8n.waitForExecutions(workflow.id, 1, 60_000);
	} finally {
		if (!done) {
			const deliveries = fake.deliveries.map((d) => `${d.taskId} → ${d.status}`).join('\n');
			const requests = fake.requests.map((r) => `${r.method} ${r.path} → ${r.status}`).join('\n');
			process.stderr.write(`[queue] callback run did not finish\ndeliveries:\n${deliveries}\nrequests:\n${requests}\n${q.allLogs(4000)}\n`);
		}
	}
	figures.callbackBatchMs = Date.now() - started;
	expect(done?.status).toBe('success');
	const executionId = String(done?.id);

	// Submitted once each, by a worker, with this execution's resume URL on the main.
	const creates = fake.requestsTo('POST', '/sonic/create');
	expect(sorted(creates.map((r) => (r.body as { gpt_description_prompt: string }).gpt_description_prompt))).toEqual(sorted(prompts));
	const resumeUrl = `${q.n8n.url}/webhook-waiting/${executionId}/${node.id}`;
	for (const create of creates) expect((create.body as { webhook_url: string }).webhook_url).toMatch(new RegExp(`^${resumeUrl}\\?signature=`));
	const parkedLine = new RegExp(`MusicAPI: execution ${executionId} waits for the callbacks of tasks (.+)`);
	const parkedBy = q.workers.filter((w) => parkedLine.test(w.logs()));
	expect(parkedBy).toHaveLength(1);
	expect(q.mainLogs()).not.toMatch(parkedLine);
	const taskIds = sorted(String(parkedLine.exec(parkedBy[0].logs())?.[1]).split(', '));
	expect(taskIds).toHaveLength(10);
	expect(submittedIn(q.mainLogs())).toEqual([]);

	// One signed delivery per job, all to the main. It accepts each that arrives while the execution waits; the
	// main asks MusicAPI at most once about each job it has no callback for yet (the batch memory is in the
	// worker that submitted; the main reads the jobs from the waiting execution's custom data). A callback that
	// arrives after the main resumed the execution with a polled result is refused by n8n itself (409).
	const deliveries = await fake.waitForDeliveries(10, 20_000);
	expect(sorted(deliveries.map((d) => d.taskId))).toEqual(taskIds);
	const polls = fake.requestsTo('GET', /^\/sonic\/task\//);
	expect(polls.length).toBeLessThanOrEqual(taskIds.length - 1);
	const polled = polls.map((p) => decodeURIComponent(p.path.slice('/sonic/task/'.length)));
	const accepted = callbacksIn(q.mainLogs(), executionId);
	for (const delivery of deliveries) {
		expect(delivery.url.startsWith(`${resumeUrl}?signature=`)).toBe(true);
		if (delivery.status === 200) expect(accepted).toContain(delivery.taskId);
		else expect([delivery.status, polled.includes(delivery.taskId)]).toEqual([409, true]);
	}
	expect(accepted.length).toBeGreaterThan(0);
	expect(sorted([...new Set([...accepted, ...polled])])).toEqual(taskIds);
	for (const worker of q.workers) expect(callbacksIn(worker.logs(), executionId)).toEqual([]);

	// Both halves ran on workers: the submit-and-park run and the resumed run (the same worker or not).
	const ranOn = q.workersThatRan(executionId);
	const starts = q.workers.flatMap((w) => w.executionsStarted().filter((id) => id === executionId));
	expect(starts).toHaveLength(2);

	// The resumed node's output: twenty clips with their files.
	const execution = await q.n8n.getExecution(executionId);
	const items = nodeItems(execution, 'MusicAPI');
	expect(items).toHaveLength(20);
	for (const item of items) {
		expect(item.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String) });
		expect(taskIds).toContain(item.json.taskId);
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
	}
	// Two clips per job. (n8n 2.40.7 re-pairs a resume webhook's items by their own index, as in one process.)
	for (const taskId of taskIds) expect(items.filter((i) => i.json.taskId === taskId)).toHaveLength(2);
	figures.callbackSummary = { parkedOn: parkedBy[0].index, ranOn, polls: polled, deliveries: deliveries.map((d) => `${d.taskId}: ${d.status}`) };
});

test('MusicAPI Trigger: one signed delivery → exactly one execution, run by a worker; a replay starts nothing', async () => {
	const webhookId = randomUUID();
	const trigger: WorkflowNode = {
		id: randomUUID(),
		name: 'MusicAPI Trigger',
		type: MUSICAPI_TRIGGER_TYPE,
		typeVersion: 1,
		webhookId,
		parameters: {},
		credentials: { musicApiApi: { id: credential.id, name: credential.name } },
	};
	const workflow = await q.n8n.createWorkflow({ name: 'queue: trigger', nodes: [trigger], connections: {} });
	await q.n8n.activate(workflow.id);
	// Registered on the main once it answers (an unsigned probe is refused and starts nothing).
	const probe = await q.n8n.callWebhook('POST', `${webhookId}/musicapi`, {}, { retryUntilRegistered: 5000 });
	expect(probe.status).toBe(401);

	const send = async (taskId: string, deliveryId: string) => {
		const body = JSON.stringify({
			code: 200,
			message: 'success',
			task_id: taskId,
			platform: 'suno',
			event: 'song.completed',
			data: ['a', 'b'].map((suffix) => ({
				clip_id: `${taskId}-${suffix}`,
				state: 'succeeded',
				title: 'Queue Song',
				tags: 'synthwave',
				audio_url: `${fake.origin}/files/${taskId}-${suffix}.mp3`,
				image_url: `${fake.origin}/files/${taskId}-${suffix}.jpeg`,
				duration: '104.88',
				mv: 'sonic-v5',
			})),
		});
		const timestamp = Math.floor(Date.now() / 1000);
		return await q.n8n.callWebhook<Record<string, unknown>>('POST', `${webhookId}/musicapi`, body, {
			headers: {
				'content-type': 'application/json',
				'x-webhook-id': deliveryId,
				'x-webhook-event': 'song.completed',
				'x-webhook-timestamp': String(timestamp),
				'x-webhook-signature': signWebhook(SECRET, timestamp, body),
			},
		});
	};

	const first = await send('queue-task-1', 'delivery-1');
	expect(first.status).toBe(200);
	expect(first.body).toEqual({ received: true });
	const [execution] = await q.n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'MusicAPI Trigger').map((i) => [i.json.taskId, i.json.clipId])).toEqual([
		['queue-task-1', 'queue-task-1-a'],
		['queue-task-1', 'queue-task-1-b'],
	]);
	const worker = expectRanOnOneWorker(execution.id);

	// The same delivery again (MusicAPI retrying): acknowledged, nothing started. A later genuine delivery is
	// the barrier: once its execution exists, one caused by the replay would exist too.
	const replay = await send('queue-task-1', 'delivery-1');
	expect(replay.status).toBe(200);
	expect(replay.body).toEqual({ received: true, duplicate: true });
	expect((await send('queue-task-2', 'delivery-2')).status).toBe(200);
	const all = await q.n8n.waitForExecutions(workflow.id, 2, 30_000);
	const listed = await q.n8n.api<{ data: Execution[] }>('GET', `/executions?workflowId=${workflow.id}&limit=250`);
	expect(listed.data).toHaveLength(2);
	expect(all.map((e) => nodeItems(e, 'MusicAPI Trigger')[0].json.taskId)).toEqual(['queue-task-1', 'queue-task-2']);
	for (const e of all) expect(q.workersThatRan(e.id)).toHaveLength(1);
	figures.trigger = { firstOn: worker, secondOn: q.workersThatRan(all[1].id)[0] };
});
