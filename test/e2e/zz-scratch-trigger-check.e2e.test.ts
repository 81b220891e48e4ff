// SCRATCH (trigger author's own check, deleted after the run; not a deliverable).
import { randomUUID } from 'node:crypto';
import { signWebhook } from '../fake-musicapi/webhooks/sign';
import { nodeOutput, REPO_ROOT, startN8n, type N8n } from './harness';

const SECRET = 'scratch-secret';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scratch trigger check', () => {
	let n8n: N8n;
	beforeAll(async () => {
		n8n = await startN8n({ packageDir: [REPO_ROOT] });
	});
	afterAll(async () => {
		await n8n?.stop();
	});

	test('trigger in real n8n', async () => {
		const types = (await n8n.nodeTypes()).map((t) => t.name);
		expect(types).toContain('n8n-nodes-musicapi.musicApiTrigger');
		const cred = await n8n.createCredential('musicApiApi', 'MusicAPI', { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/api/v1', webhookSecret: SECRET });
		const webhookId = randomUUID();
		const wf = await n8n.createWorkflow({
			nodes: [
				{ name: 'MusicAPI Trigger', type: 'n8n-nodes-musicapi.musicApiTrigger', typeVersion: 1, webhookId, parameters: {}, credentials: { musicApiApi: { id: cred.id, name: cred.name } } },
				{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
			],
			connections: { 'MusicAPI Trigger': { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
		});
		await n8n.activate(wf.id);
		const path = `${webhookId}/musicapi`;
		const post = async (body: string, headers: Record<string, string>, id = 'evt-1', secret = SECRET) => {
			const ts = Math.floor(Date.now() / 1000);
			return n8n.callWebhook('POST', path, body, {
				retryUntilRegistered: true,
				headers: { 'x-webhook-id': id, 'x-webhook-event': 'song.completed', 'x-webhook-timestamp': String(ts), 'x-webhook-signature': signWebhook(secret, ts, body), ...headers },
			});
		};
		const body = JSON.stringify({ code: 200, message: 'success', task_id: 't1', platform: 'suno', event: 'song.completed', data: [{ clip_id: 'a', state: 'succeeded', audio_url: 'https://x/a.mp3', duration: '12.5' }, { clip_id: 'b', state: 'succeeded', audio_url: 'https://x/b.mp3' }] });
		const json = { 'content-type': 'application/json' };
		const r1 = await post(body, json);
		console.log('valid', r1.status, r1.text);
		const [ex] = await n8n.waitForExecutions(wf.id, 1, 30000);
		console.log('exec', ex.status, JSON.stringify(nodeOutput(ex, 'NoOp')));
		const r2 = await post(body, json);
		console.log('dup', r2.status, r2.text);
		const r3 = await post(body, json, 'evt-2', 'wrong');
		console.log('badsig', r3.status, r3.text);
		const r4 = await post('{"code":200,', json, 'evt-3');
		console.log('malformed json app/json', r4.status, r4.text);
		const r5 = await post('{"code":200,', { 'content-type': 'text/plain' }, 'evt-4');
		console.log('malformed json text/plain', r5.status, r5.text);
		const r6 = await post('{"code":200,', {}, 'evt-5');
		console.log('malformed json no content-type', r6.status, r6.text);
		const r7 = await post(JSON.stringify({ code: 200, task_id: 't2', platform: 'suno', event: 'song.streaming', data: [] }), json, 'evt-6');
		console.log('filtered', r7.status, r7.text);
		const r8 = await post(body, { 'content-type': 'application/json; charset=utf-8' }, 'evt-7');
		console.log('valid charset', r8.status, r8.text);
		await sleep(1500);
		const all = await n8n.waitForExecutions(wf.id, 1, 5000);
		console.log('executions', all.length, all.map((e) => e.status));
		const got = await n8n.getWorkflow(wf.id);
		console.log('staticData', JSON.stringify(got.staticData));
		await n8n.deactivate(wf.id);
		const after = await n8n.getWorkflow(wf.id);
		console.log('staticData after deactivate', JSON.stringify(after.staticData));
		console.log('logs', n8n.logs().split('\n').filter((l) => /MusicAPI|error/i.test(l)).slice(-20).join('\n'));
	});
});
