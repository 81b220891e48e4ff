/**
 * The workflows in examples/ import into a real n8n 2.40.7 and run against the fake MusicAPI. The only changes a
 * test makes to an example: its credential is bound to one that points at the fake (the files carry the
 * placeholder "MusicAPI account"), and request spacing / poll interval are shortened so a run takes seconds.
 * Manual and Schedule triggers are started the way the editor does it: POST /rest/workflows/:id/run with
 * triggerToStartFrom; Webhook and MusicAPI Trigger workflows are published and called over HTTP.
 *
 * Credits: the fake keeps the key's balance, and every run here counts what it spent. An example as imported pays
 * only for the jobs it exists to run (priced from the fake's price list, so a job run twice — e.g. once per clip
 * of a song — is caught); an example that needs the user's input (the placeholder webhook URL, a webhook called
 * without its prompt) spends 0.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { FakeMusicApi, LoggedRequest } from '../fake-musicapi';
import { REPO_ROOT, startN8n, type Execution, type N8n, type WorkflowInput, type WorkflowNode } from './harness';
import { nodeItems, storedBytes, type ExecutionItem } from './helpers/items';
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai';
import { createFakeCredential, CREDENTIAL_TYPE, E2E_API_KEY, MUSICAPI_NODE_TYPE, MUSICAPI_TOOL_TYPE, startE2eFake, type Credential } from './helpers/musicapi';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
/** Credential references in the files: a name to match, no id (the editor asks to pick one). */
const PLACEHOLDERS: Record<string, { name: string }> = { [CREDENTIAL_TYPE]: { name: 'MusicAPI account' }, openAiApi: { name: 'OpenAI account' } };

let n8n: N8n;
let fake: FakeMusicApi;
let credential: Credential;
const started = Date.now();

function loadExample(file: string): WorkflowInput {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowInput;
}

/** The example as a test runs it: bound to `cred` (and `others` by credential type), with fast spacing and polling. */
function prepared(file: string, cred: Credential = credential, others: Record<string, Credential> = {}): WorkflowInput {
	const workflow = loadExample(file);
	workflow.nodes = workflow.nodes.map((node) => {
		const otherType = Object.keys(others).find((type) => node.credentials?.[type]);
		if (otherType) return { ...node, credentials: { [otherType]: { id: others[otherType].id, name: others[otherType].name } } };
		if (!node.credentials?.[CREDENTIAL_TYPE]) return node;
		const parameters = { ...node.parameters };
		if (node.type === MUSICAPI_NODE_TYPE || node.type === MUSICAPI_TOOL_TYPE) {
			parameters.requestOptions = { ...(parameters.requestOptions as object), interval: 0, retryDelay: 20 };
			if (parameters.resultOptions) parameters.resultOptions = { ...(parameters.resultOptions as object), pollInterval: 0.2 };
		}
		return { ...node, parameters, credentials: { [CREDENTIAL_TYPE]: { id: cred.id, name: cred.name } } };
	});
	return workflow;
}

/** What the editor's "Execute workflow" does: a manual run of the saved workflow from `trigger`. */
async function runManually(workflowId: string, trigger: string, timeoutMs = 30_000): Promise<Execution> {
	const execution = await n8n.runManually(workflowId, trigger, timeoutMs);
	expect(execution.mode).toBe('manual');
	return execution;
}

function expectAudioFile(item: ExecutionItem, mimeType = 'audio/mpeg', extension = 'mp3'): void {
	const file = item.binary?.data;
	expect(file).toMatchObject({ mimeType, fileName: expect.stringMatching(new RegExp(`\\.${extension}$`)) });
	expect(storedBytes(file)).toBeGreaterThan(0);
}

/** The key's credits left (both buckets). */
const balance = (): number => {
	const { credits, extra_credits: extra } = fake.credits(E2E_API_KEY);
	return credits + extra;
};
/** What the fake charges for these jobs (its price list, keys as `sonic/create:create_music`). */
const priceOf = (jobs: string[]): number => jobs.reduce((sum, job) => sum + (fake.options.costs[job] ?? Number.NaN), 0);
/** Credits spent per example as the tests ran them, printed at the end. */
const spentByExample = new Map<string, number>();
function expectSpent(example: string, since: number, jobs: string[]): void {
	const spent = since - balance();
	spentByExample.set(example, spent);
	expect({ example, spent }).toEqual({ example, spent: priceOf(jobs) });
}

const requestsSince = (from: number): string[] => fake.requests.slice(from).filter((r) => !r.path.startsWith('/files/')).map((r) => `${r.method} ${r.path.replace(/\/[0-9a-f-]{36}$/, '/:id')}`);
const bodiesSince = (from: number, p: string): unknown[] => fake.requests.slice(from).filter((r: LoggedRequest) => r.path === p).map((r) => r.body);

beforeAll(async () => {
	fake = await startE2eFake({ timeScale: 0.02 });
	n8n = await startN8n();
	process.stderr.write(`[e2e examples] n8n timings ms ${JSON.stringify(n8n.timings)}\n`);
	credential = await createFakeCredential(n8n, fake, { name: 'MusicAPI fake', webhookSecret: 'whsec-e2e-examples' });
});

afterAll(async () => {
	process.stderr.write(`[e2e examples] credits spent as run: ${JSON.stringify(Object.fromEntries(spentByExample))}\n`);
	await n8n?.stop();
	await fake?.stop();
	process.stderr.write(`[e2e examples] whole file ${Date.now() - started} ms\n`);
});

test('every example imports as it is: known node types, the placeholder credential, nothing lost', async () => {
	const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
	expect(files).toEqual(expect.arrayContaining(['ai-agent-tool.json', 'callback-mode.json', 'content-pipeline.json', 'generate-a-song.json', 'scheduled-background-music.json', 'webhook-pair-create.json', 'webhook-pair-receive.json']));
	const types = new Map((await n8n.nodeTypes()).map((t) => [`${t.name}@${String(t.version)}`, t]));
	const known = (node: WorkflowNode) => [...types.keys()].some((key) => key.startsWith(`${node.type}@`) && ([] as number[]).concat(types.get(key)?.version as number).includes(node.typeVersion));
	for (const file of files) {
		const example = loadExample(file);
		const musicApiNodes = example.nodes.filter((n) => n.credentials?.[CREDENTIAL_TYPE] !== undefined);
		expect({ file, musicApiNodes: musicApiNodes.length > 0 }).toEqual({ file, musicApiNodes: true });
		for (const node of example.nodes) {
			expect({ file, node: node.name, known: known(node) }).toEqual({ file, node: node.name, known: true });
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				expect({ file, node: node.name, type, reference }).toEqual({ file, node: node.name, type, reference: PLACEHOLDERS[type] });
			}
		}
		const created = await n8n.createWorkflow(example);
		const stored = await n8n.getWorkflow(created.id);
		expect(stored.name).toBe(example.name);
		expect(stored.nodes.map((n) => [n.name, n.type, n.typeVersion, n.parameters])).toEqual(example.nodes.map((n) => [n.name, n.type, n.typeVersion, n.parameters]));
		expect(stored.connections).toEqual(example.connections);
		await n8n.deleteWorkflow(created.id);
	}
});

test('generate-a-song.json: Manual Trigger → Sonic Create (description, wait) gives two clips with MP3 files', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const workflow = await n8n.createWorkflow(prepared('generate-a-song.json'));
	const execution = await runManually(workflow.id, 'Manual Trigger');
	expect(execution.status).toBe('success');
	expect(bodiesSince(from, '/sonic/create')).toEqual([
		{ task_type: 'create_music', mv: 'sonic-v6', custom_mode: false, gpt_description_prompt: 'An upbeat synthwave song about driving through a neon city at night' },
	]);
	const clips = nodeItems(execution, 'Generate Song');
	expect(clips).toHaveLength(2);
	for (const clip of clips) {
		expect(clip.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), duration: expect.any(Number) });
		expectAudioFile(clip);
	}
	expectSpent('generate-a-song.json', credits, ['sonic/create:create_music']);
});

test('extend-and-join.json: Create a Song → first clip → Extend a Song → Concat, each item naming its source clip', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const workflow = await n8n.createWorkflow(prepared('extend-and-join.json'));
	const execution = await runManually(workflow.id, 'Manual Trigger', 60_000);
	expect(execution.status).toBe('success');
	const [first] = nodeItems(execution, 'First Clip');
	const bodies = bodiesSince(from, '/sonic/create') as Array<Record<string, unknown>>;
	expect(bodies.map((b) => b.task_type)).toEqual(['create_music', 'extend_music', 'concat_music', 'concat_music']);
	expect(bodies[1]).toMatchObject({ continue_clip_id: first.json.clipId, continue_at: Math.max(1, Math.floor(first.json.duration as number) - 10) });
	const extensions = nodeItems(execution, 'Extend a Song');
	expect(extensions.map((e) => e.json.sourceClipId)).toEqual([first.json.clipId, first.json.clipId]);
	expect(bodies.slice(2)).toEqual(extensions.map((e) => ({ task_type: 'concat_music', continue_clip_id: e.json.clipId })));
	const songs = nodeItems(execution, 'Join Into Full Song');
	expect(songs.map((s) => s.json.sourceClipId)).toEqual(extensions.map((e) => e.json.clipId));
	for (const song of songs) expectAudioFile(song);
	expectSpent('extend-and-join.json', credits, ['sonic/create:create_music', 'sonic/create:extend_music', 'sonic/create:concat_music', 'sonic/create:concat_music']);
});

test('scheduled-background-music.json: publishes on its schedule; a run makes Producer music with its audio file', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const workflow = await n8n.createWorkflow(prepared('scheduled-background-music.json'));
	await n8n.activate(workflow.id);
	expect((await n8n.publicationStatus(workflow.id)).status).toBe('published');
	await n8n.deactivate(workflow.id);

	const execution = await runManually(workflow.id, 'Every Morning');
	expect(execution.status).toBe('success');
	const [body] = bodiesSince(from, '/producer/create') as Array<Record<string, unknown>>;
	expect(body).toEqual({
		task_type: 'create_music',
		mv: 'FUZZ-2.0',
		sound: 'calm lo-fi background music for a coffee shop, soft piano and vinyl crackle, instrumental',
		title: expect.stringMatching(/^Background \d{4}-\d{2}-\d{2}$/),
		length: 120,
	});
	const clips = nodeItems(execution, 'Make Background Music');
	expect(clips.length).toBeGreaterThan(0);
	for (const clip of clips) {
		expect(clip.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String) });
		// Producer delivers AAC in MP4 (.m4a), attached as it is.
		expectAudioFile(clip, 'audio/mp4', 'm4a');
	}
	expectSpent('scheduled-background-music.json', credits, ['producer/create:create_music']);
});

test('content-pipeline.json: lyrics → the first candidate sung in custom mode → WAV of the first clip → stems with files', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const workflow = await n8n.createWorkflow(prepared('content-pipeline.json'));
	const execution = await runManually(workflow.id, 'Manual Trigger');
	expect(execution.status).toBe('success');

	const candidates = nodeItems(execution, 'Write Lyrics');
	expect(candidates).toHaveLength(2);
	const [create] = bodiesSince(from, '/sonic/create') as Array<Record<string, unknown>>;
	expect(bodiesSince(from, '/sonic/create')).toHaveLength(1);
	expect(create).toMatchObject({ custom_mode: true, prompt: candidates[0].json.lyrics, title: candidates[0].json.title, tags: 'indie pop, warm acoustic guitar, hopeful' });

	const [firstClip] = nodeItems(execution, 'Sing It');
	expect(nodeItems(execution, 'Sing It')).toHaveLength(2);
	expect(bodiesSince(from, '/sonic/wav')).toEqual([{ clip_id: firstClip.json.clipId }]);
	const [wav] = nodeItems(execution, 'Get WAV');
	expect(wav.json).toMatchObject({ clipId: firstClip.json.clipId, wavUrl: expect.stringMatching(/\.wav$/) });
	expectAudioFile(wav, 'audio/wav', 'wav');

	expect(bodiesSince(from, '/sonic/stems/basic')).toEqual([{ clip_id: firstClip.json.clipId }]);
	const stems = nodeItems(execution, 'Split Stems');
	expect(stems.map((s) => s.json.stemType)).toEqual(['vocals', 'instrumental']);
	stems.forEach((stem) => expectAudioFile(stem));
	expect(requestsSince(from).filter((r) => r.startsWith('POST'))).toEqual(['POST /sonic/lyrics', 'POST /sonic/create', 'POST /sonic/wav', 'POST /sonic/stems/basic']);
	expectSpent('content-pipeline.json', credits, ['sonic/lyrics', 'sonic/create:create_music', 'sonic/wav', 'sonic/stems/basic']);
});

test('webhook-pair-*.json: the submit-only workflow ends with the task id; the trigger workflow receives the finished song', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const receive = await n8n.createWorkflow(prepared('webhook-pair-receive.json'));
	await n8n.activate(receive.id);
	const trigger = loadExample('webhook-pair-receive.json').nodes.find((n) => n.type === 'n8n-nodes-musicapi.musicApiTrigger');
	const triggerUrl = n8n.webhookUrl(`${String(trigger?.webhookId)}/musicapi`);

	const createExample = prepared('webhook-pair-create.json');
	const submitNode = createExample.nodes.find((n) => n.name === 'Submit Song') as WorkflowNode;
	// What the user does after importing: paste the trigger's Production URL into "Send Result to Webhook URL".
	expect(submitNode.parameters.webhookUrl).toMatch(new RegExp(`/webhook/${String(trigger?.webhookId)}/musicapi$`));
	submitNode.parameters.webhookUrl = triggerUrl;
	const create = await n8n.createWorkflow(createExample);
	const submitted = await runManually(create.id, 'Manual Trigger');
	expect(submitted.status).toBe('success');
	const [job] = nodeItems(submitted, 'Submit Song');
	expect(job.json).toMatchObject({ taskId: expect.any(String), state: 'submitted' });
	expect(bodiesSince(from, '/sonic/create')).toEqual([expect.objectContaining({ webhook_url: triggerUrl, webhook_secret: 'whsec-e2e-examples' })]);
	expect(requestsSince(from)).toEqual(['POST /sonic/create']);

	const [received] = await n8n.waitForExecutions(receive.id, 1, 30_000);
	expect(received.status).toBe('success');
	const clips = nodeItems(received, 'Song Finished');
	expect(clips).toHaveLength(2);
	for (const clip of clips) {
		expect(clip.json).toMatchObject({ taskId: job.json.taskId, state: 'succeeded' });
		expectAudioFile(clip);
	}
	expect(nodeItems(received, 'Song Ready').map((i) => i.json)).toEqual(clips.map((c) => ({ title: c.json.title, clipId: c.json.clipId, audioUrl: c.json.audioUrl, state: 'succeeded' })));
	expect(fake.deliveries.filter((d) => d.taskId === job.json.taskId).map((d) => [d.url, d.status])).toEqual([[triggerUrl, 200]]);
	await n8n.deactivate(receive.id);
	expectSpent('webhook-pair-*.json (URL filled in)', credits, ['sonic/create:create_music']);
});

test('callback-mode.json: the webhook-started run waits for MusicAPI\'s callback and finishes with the song, without polling', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const workflow = await n8n.createWorkflow(prepared('callback-mode.json'));
	await n8n.activate(workflow.id);
	const answer = await n8n.callWebhook('POST', 'musicapi-song', { prompt: 'a slow jazz ballad for a rainy evening' }, { retryUntilRegistered: true });
	expect(answer.status).toBe(200);
	const [execution] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(execution.status).toBe('success');
	expect(bodiesSince(from, '/sonic/create')).toEqual([expect.objectContaining({ gpt_description_prompt: 'a slow jazz ballad for a rainy evening', webhook_url: expect.stringContaining(`/webhook-waiting/${execution.id}/`) })]);
	expect(requestsSince(from)).toEqual(['POST /sonic/create']);
	const clips = nodeItems(execution, 'Generate Song');
	expect(clips).toHaveLength(2);
	clips.forEach((clip) => expectAudioFile(clip));
	expect(nodeItems(execution, 'Song Ready').map((i) => i.json)).toEqual(clips.map((c) => ({ title: c.json.title, audioUrl: c.json.audioUrl })));
	await n8n.deactivate(workflow.id);
	expectSpent('callback-mode.json (prompt posted)', credits, ['sonic/create:create_music']);
});

test('webhook-pair-create.json as imported (placeholder Webhook URL): refused before anything is sent, 0 credits', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const workflow = await n8n.createWorkflow(prepared('webhook-pair-create.json'));
	const execution = await runManually(workflow.id, 'Manual Trigger');
	expect(execution.status).toBe('error');
	expect(execution.data?.resultData.error?.message).toMatch(/Send Result to Webhook URL/);
	expect(requestsSince(from)).toEqual([]);
	expectSpent('webhook-pair-create.json (as imported)', credits, []);
});

test('callback-mode.json called without its prompt: nothing is submitted, 0 credits', async () => {
	const credits = balance();
	const from = fake.requests.length;
	const workflow = await n8n.createWorkflow(prepared('callback-mode.json'));
	await n8n.activate(workflow.id);
	const answer = await n8n.callWebhook('POST', 'musicapi-song', {}, { retryUntilRegistered: true });
	expect(answer.status).toBe(200);
	const [execution] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
	expect(execution.status).toBe('error');
	expect(requestsSince(from)).toEqual([]);
	expectSpent('callback-mode.json (no prompt)', credits, []);
	await n8n.deactivate(workflow.id);
});

describe('ai-agent-tool.json', () => {
	let openAi: FakeOpenAi;
	const description = 'a short happy jazz birthday song for Anna';
	beforeAll(async () => {
		openAi = await startFakeOpenAi(description);
	});
	afterAll(async () => await openAi?.stop());

	test('n8n offers the MusicAPI node as an AI tool, and an agent (scripted chat model) calls it and gets the song', async () => {
		const types = (await n8n.nodeTypes()).map((t) => t.name);
		expect(types).toEqual(expect.arrayContaining(['@n8n/n8n-nodes-langchain.agent', '@n8n/n8n-nodes-langchain.lmChatOpenAi', MUSICAPI_TOOL_TYPE]));

		const credits = balance();
		const from = fake.requests.length;
		const created = await n8n.createCredential('openAiApi', 'OpenAI fake', { apiKey: 'sk-e2e', url: openAi.url, header: false });
		const workflow = await n8n.createWorkflow(prepared('ai-agent-tool.json', credential, { openAiApi: { id: created.id, name: created.name } }));
		const execution = await runManually(workflow.id, 'Manual Trigger', 60_000);
		expect({ status: execution.status, error: execution.data?.resultData.error?.message }).toEqual({ status: 'success', error: undefined });

		// The model was offered the tool with the schema $fromAI builds, and called it once.
		const [first, second] = openAi.requests;
		expect(openAi.requests).toHaveLength(2);
		expect(first.tools?.map((t) => t.function.name)).toEqual(['Generate_Song']);
		expect(Object.keys(first.tools?.[0].function.parameters?.properties ?? {})).toEqual(['description']);
		expect(bodiesSince(from, '/sonic/create')).toEqual([expect.objectContaining({ custom_mode: false, gpt_description_prompt: description })]);

		// The tool answered with the clips (URLs, no files: an agent gets links), and the agent quoted them.
		const clips = nodeItems(execution, 'Generate Song');
		expect(clips).toHaveLength(2);
		for (const clip of clips) {
			expect(clip.json).toMatchObject({ state: 'succeeded', audioUrl: expect.stringMatching(/\/files\/[0-9a-f-]{36}\.mp3$/) });
			expect(clip.binary).toBeUndefined();
		}
		expect(fake.requests.slice(from).filter((r) => r.path.startsWith('/files/'))).toEqual([]);
		const toolMessage = second.messages.find((m) => m.role === 'tool');
		for (const clip of clips) expect(String(toolMessage?.content)).toContain(String(clip.json.audioUrl));
		const [answer] = nodeItems(execution, 'AI Agent');
		expect(String(answer.json.output)).toContain('Done. The tool answered:');
		expect(String(answer.json.output)).toContain(String(clips[0].json.audioUrl));
		expectSpent('ai-agent-tool.json', credits, ['sonic/create:create_music']);
	});
});
