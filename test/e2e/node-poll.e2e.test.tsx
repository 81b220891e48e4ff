/**
 * "Wait for Completion (Poll)" in a real n8n 2.40.7 against the fake MusicAPI: a batch of 20 items becomes 40
 * clip items with their MP3 files, inside MusicAPI's rate limit and with one or two polls per job; a partly
 * failed job keeps its good clips and shows the failed one; a failed job stops the run with the refund note.
 */
import type { FakeMusicApi, LoggedRequest } from '../fake-musicapi';
import { runWorkflowViaWebhook, startN8n, type N8n } from './harness';
import { expectStoredSize, nodeItems, storedBytes } from './helpers/items';
import { chain, createFakeCredential, musicApiNode, sonicCreateParameters, splitOutNode, startE2eFake, type Credential } from './helpers/musicapi';

let n8n: N8n;
let fake: FakeMusicApi;
let credential: Credential;
const started = Date.now();

/** 100 ms between requests on the node's side; the fake admits 1 request per 100 ms, as a plan would. */
const INTERVAL_S = 0.1;
/** timeScale 0.02: a job takes 1.2 s. The first poll (1.5 s after the submit) finds the scout finished. */
const WAIT = { pollInterval: 1.5, timeout: 2 };

beforeAll(async () => {
	fake = await startE2eFake({ timeScale: 0.02, rateLimit: { requests: 1, perMs: INTERVAL_S * 1000 } });
	n8n = await startN8n();
	process.stderr.write(`[e2e node-poll] n8n timings ms ${JSON.stringify(n8n.timings)}\n`);
	credential = await createFakeCredential(n8n, fake);
});

afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
	process.stderr.write(`[e2e node-poll] whole file ${Date.now() - started} ms\n`);
});

function pollNode(prompt: string) {
	return musicApiNode(credential, sonicCreateParameters(prompt, { completion: 'wait', resultOptions: { ...WAIT, downloadAudio: true }, requestOptions: { interval: INTERVAL_S } }));
}

async function fileSize(url: string): Promise<number> {
	const response = await fetch(url);
	return (await response.arrayBuffer()).byteLength;
}

test('20 input items → 40 clip items with MP3 files: 20 creates, no 429, at most 2 polls per job', async () => {
	const from = fake.requests.length;
	const prompts = Array.from({ length: 20 }, (_, i) => `song${i} for batch`);
	const t = Date.now();
	const run = await runWorkflowViaWebhook(n8n, [splitOutNode('body.songs'), pollNode('={{ $json.prompt }}')], chain('Split Out', 'MusicAPI'), {
		input: { songs: prompts.map((prompt) => ({ prompt })) },
	});
	process.stderr.write(`[e2e node-poll] 20-item batch ${Date.now() - t} ms\n`);
	expect(run.status).toBe(200);
	expect(run.execution.status).toBe('success');
	expect(run.items).toHaveLength(40);

	const clips = nodeItems(run.execution, 'MusicAPI');
	expect(clips).toHaveLength(40);
	for (const [index, clip] of clips.entries()) {
		const item = Math.floor(index / 2);
		expect(clip.pairedItem).toEqual({ item });
		expect(clip.json).toMatchObject({ taskId: expect.any(String), clipId: expect.any(String), state: 'succeeded', duration: expect.any(Number) });
		// The fake titles a clip after the first three words of its prompt: each clip belongs to its item's job.
		expect(clip.json.title).toBe(`Song${item} For Batch`);
		const file = clip.binary?.data;
		expect(file).toMatchObject({ mimeType: 'audio/mpeg', fileExtension: 'mp3', fileName: expect.stringMatching(new RegExp(`${String(clip.json.clipId)}\\.mp3$`)) });
		expect(storedBytes(file)).toBeGreaterThan(0);
	}
	expect(new Set(clips.map((c) => c.json.clipId)).size).toBe(40);
	const taskIds = [...new Set(clips.map((c) => String(c.json.taskId)))];
	expect(taskIds).toHaveLength(20);
	const log: LoggedRequest[] = fake.requests.slice(from);
	const creates = log.filter((r) => r.method === 'POST' && r.path === '/sonic/create');
	expect(creates.map((r) => (r.body as Record<string, unknown>).gpt_description_prompt)).toEqual(prompts);
	expect(creates.every((r) => r.status === 200)).toBe(true);
	expect(log.filter((r) => r.status === 429)).toEqual([]);
	const polls = log.filter((r) => r.method === 'GET' && r.path.startsWith('/sonic/task/'));
	const pollsPerTask = new Map(taskIds.map((id) => [id, polls.filter((p) => p.path === `/sonic/task/${id}`).length]));
	process.stderr.write(`[e2e node-poll] polls per job ${JSON.stringify([...pollsPerTask.values()])}\n`);
	for (const [id, count] of pollsPerTask) expect({ id, count: count >= 1 && count <= 2 }).toEqual({ id, count: true });
	expect(polls).toHaveLength([...pollsPerTask.values()].reduce((a, b) => a + b, 0));
	// Every audio file was fetched once.
	expect(log.filter((r) => r.path.startsWith('/files/')).map((r) => r.path).sort()).toEqual(clips.map((c) => `/files/${String(c.json.clipId)}.mp3`).sort());
	// The stored file is the whole file MusicAPI served.
	expectStoredSize(clips[0].binary?.data, await fileSize(String(clips[0].json.audioUrl)));
});

test('a partly failed job: the good clip with its file and the failed clip with state "failed" and its error', async () => {
	const run = await runWorkflowViaWebhook(n8n, [pollNode('[fake:fail-one] half a song')], {});
	expect(run.status).toBe(200);
	expect(run.execution.status).toBe('success');
	const [good, failed] = nodeItems(run.execution, 'MusicAPI');
	expect(nodeItems(run.execution, 'MusicAPI')).toHaveLength(2);
	expect(good.json).toMatchObject({ state: 'succeeded', duration: expect.any(Number) });
	expect(good.binary?.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: expect.stringMatching(/\.mp3$/) });
	expect(storedBytes(good.binary?.data)).toBeGreaterThan(0);
	expect(failed.json).toMatchObject({ taskId: good.json.taskId, clipId: expect.any(String), state: 'failed', error: expect.stringMatching(/\S/) });
	expect(failed.binary).toBeUndefined();
	expect([good.pairedItem, failed.pairedItem]).toEqual([{ item: 0 }, { item: 0 }]);
});

test('a failed job fails the run with an error that says the credits are refunded', async () => {
	const before = fake.credits();
	const from = fake.requests.length;
	const run = await runWorkflowViaWebhook(n8n, [pollNode('[fake:fail] a doomed song')], {});
	expect(run.status).toBe(500);
	expect(run.execution.status).toBe('error');
	const error = run.execution.data?.resultData.error as { message: string; description?: string } | undefined;
	const [create] = fake.requests.slice(from).filter((r) => r.path === '/sonic/create');
	expect(create.status).toBe(200);
	expect(error?.message).toMatch(/^MusicAPI job \S+ failed: Song generation failed\. Credits have been refunded\.$/);
	// The refund is said once, in the message (issue 13); the description says what to do.
	expect(error?.description).toMatch(/Credits have been refunded\. Adjust the input \(see the reason\) and run again\./);
	expect(fake.credits()).toEqual(before);
});

test('faults in a real n8n: 429 storm with Retry-After and 503 on submit, 502/reset/HTML on polls, 500 on a download → every job finishes, none created twice', async () => {
	const from = fake.requests.length;
	// Retry delays of the node are short here; Retry-After (1 s) is honoured as MusicAPI sends it.
	fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'status', status: 429, retryAfter: 1 }, 2);
	fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'status', status: 503 }, 1);
	fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'status', status: 502 }, 1);
	fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'reset' }, 1);
	fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'html', status: 504 }, 1);
	fake.injectFault({ method: 'GET', path: /^\/files\// }, { type: 'status', status: 500 }, 1);
	const prompts = ['storm one', 'storm two', 'storm three'];
	const node = musicApiNode(
		credential,
		sonicCreateParameters('={{ $json.prompt }}', {
			completion: 'wait',
			resultOptions: { ...WAIT, downloadAudio: true },
			requestOptions: { interval: INTERVAL_S, retryDelay: 50, maxRetries: 4 },
		}),
	);
	const run = await runWorkflowViaWebhook(n8n, [splitOutNode('body.songs'), node], chain('Split Out', 'MusicAPI'), {
		input: { songs: prompts.map((prompt) => ({ prompt })) },
	});
	expect(run.execution.status).toBe('success');
	const clips = nodeItems(run.execution, 'MusicAPI');
	expect(clips).toHaveLength(6);
	clips.forEach((clip) => expect(clip.binary?.data.mimeType).toBe('audio/mpeg'));
	const log = fake.requests.slice(from);
	const created = log.filter((r) => r.method === 'POST' && r.path === '/sonic/create' && r.status === 200);
	// Each prompt was accepted exactly once: the 429s and the 503 certainly created nothing, so they were retried.
	expect(created.map((r) => (r.body as Record<string, unknown>).gpt_description_prompt)).toEqual(prompts);
	expect(log.filter((r) => r.method === 'POST' && r.path === '/sonic/create').map((r) => r.status)).toEqual([429, 429, 503, 200, 200, 200]);
	// Every task id MusicAPI handed out is in the output.
	expect(new Set(clips.map((c) => c.json.taskId)).size).toBe(3);
});
