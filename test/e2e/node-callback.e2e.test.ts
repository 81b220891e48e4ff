import { randomUUID } from 'node:crypto';

import type { FakeMusicApi } from '../fake-musicapi';
import { startN8n, type N8n } from './harness';
import { chain, createFakeCredential, musicApiNode, sonicCreateParameters, startE2eFake, webhookNode, type Credential } from './helpers/musicapi';
import { nodeItems } from './helpers/items';

let n8n: N8n;
let fake: FakeMusicApi;
let credential: Credential;

beforeAll(async () => {
	fake = await startE2eFake({ timeScale: 1 });
	n8n = await startN8n();
	credential = await createFakeCredential(n8n, fake);
});
afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
});

test('explore', async () => {
	const path = `cb-${randomUUID()}`;
	const wf = await n8n.createWorkflow({
		nodes: [webhookNode(path), musicApiNode(credential, sonicCreateParameters('={{ $json.body.prompt }}', { completion: 'callback', resultOptions: { timeout: 5 } }))],
		connections: chain('Webhook', 'MusicAPI'),
	});
	await n8n.activate(wf.id);
	const r = await n8n.callWebhook('POST', path, { prompt: 'a song' }, { retryUntilRegistered: true });
	console.log(r.status, r.body);
	const [waiting] = await n8n.waitForExecutions(wf.id, 1, 30_000, ['waiting']);
	console.log(JSON.stringify(waiting, null, 1).slice(0, 3000));
	console.log(JSON.stringify(fake.requests.map((q) => [q.method, q.path, q.body, q.status])));
	fake.advanceTime(61_000);
	const deliveries = await fake.waitForDeliveries(1, 10_000);
	console.log(JSON.stringify(deliveries, null, 1));
	const [done] = await n8n.waitForExecutions(wf.id, 1, 30_000);
	console.log(done.status, JSON.stringify(nodeItems(done, 'MusicAPI'), null, 1));
	console.log(JSON.stringify(done.data?.resultData.error));
	console.log(n8n.logs().slice(-5000));
});
