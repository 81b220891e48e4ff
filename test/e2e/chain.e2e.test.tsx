/**
 * Issue 22 in a real n8n 2.40.7: Create a Song → Extend a Song → Concat, three MusicAPI nodes as the node picker
 * adds them, with nothing typed but the two descriptions (and a short Poll Interval, so the test is quick). The
 * clip fields read the incoming item's clipId and Continue At its duration by default, so each step works on the
 * clip before it: no dragging, no clip ID pasted. A song is two clips, so each later step runs once per clip.
 */
import type { FakeMusicApi } from '../fake-musicapi';
import { runWorkflowViaWebhook, startN8n, type N8n } from './harness';
import { nodeItems } from './helpers/items';
import { chain, createFakeCredential, musicApiNode, startE2eFake, type Credential } from './helpers/musicapi';

let n8n: N8n;
let fake: FakeMusicApi;
let credential: Credential;

/** What a user changes besides the descriptions: a Poll Interval that suits a job of 1.2 s (timeScale 0.02). */
const QUICK_WAIT = { completion: 'wait', resultOptions: { pollInterval: 1, downloadAudio: false } };

beforeAll(async () => {
	fake = await startE2eFake();
	n8n = await startN8n();
	credential = await createFakeCredential(n8n, fake);
});

afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
});

test('Create a Song → Extend a Song → Concat runs with only the descriptions typed', async () => {
	const nodes = [
		musicApiNode(credential, { resource: 'sonic', operation: 'create', gptDescriptionPrompt: 'a calm lo-fi beat', ...QUICK_WAIT }, { name: 'Create a Song' }),
		musicApiNode(credential, { resource: 'sonic', operation: 'extend', gptDescriptionPrompt: 'a big final chorus', ...QUICK_WAIT }, { name: 'Extend a Song' }),
		musicApiNode(credential, { resource: 'sonic', operation: 'concat', ...QUICK_WAIT }, { name: 'Concat' }),
	];
	const from = fake.requests.length;
	const run = await runWorkflowViaWebhook(n8n, nodes, chain('Create a Song', 'Extend a Song', 'Concat'), { input: {} });
	expect(run.execution.status).toBe('success');

	const song = nodeItems(run.execution, 'Create a Song').map((item) => item.json);
	const extensions = nodeItems(run.execution, 'Extend a Song').map((item) => item.json);
	const joined = nodeItems(run.execution, 'Concat').map((item) => item.json);
	expect(song).toHaveLength(2);

	const creates = fake.requests.slice(from).filter((r) => r.method === 'POST' && r.path === '/sonic/create');
	const bodies = creates.map((r) => r.body as Record<string, unknown>);
	expect(bodies.map((b) => b.task_type)).toEqual(['create_music', 'extend_music', 'extend_music', 'concat_music', 'concat_music', 'concat_music', 'concat_music']);
	// Each clip of the song is extended from its own end.
	expect(bodies.filter((b) => b.task_type === 'extend_music').map((b) => [b.continue_clip_id, b.continue_at])).toEqual(song.map((clip) => [clip.clipId, clip.duration]));
	// Each extension clip is joined to its song: Concat took the extension's own clipId, never the original's.
	const concatenated = bodies.filter((b) => b.task_type === 'concat_music').map((b) => b.continue_clip_id);
	expect(concatenated).toEqual(extensions.map((clip) => clip.clipId));
	expect(concatenated.some((id) => song.some((clip) => clip.clipId === id))).toBe(false);
	expect(joined.every((clip) => clip.state === 'succeeded' && extensions.some((e) => e.clipId === clip.sourceClipId))).toBe(true);
});
