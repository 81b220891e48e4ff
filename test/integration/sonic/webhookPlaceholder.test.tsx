import { readFileSync } from 'fs';
import { join } from 'path';

import { runMusicApi, SONIC_CREATE, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

/** The webhook-pair example's Submit Song node, as imported. */
const example = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'webhook-pair-create.json'), 'utf8')) as {
	nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
};
const importedUrl = String(example.nodes.find((n) => n.name === 'Submit Song')?.parameters.webhookUrl);

describe('Send Result to Webhook URL left at a placeholder', () => {
	it.each([importedUrl, 'https://example.com/hook', 'https://n8n.example/webhook/x', 'http://host.invalid/x'])(
		'%s is refused before anything is sent (so nothing is paid)',
		async (webhookUrl) => {
			const result = await runMusicApi(fake(), { ...SONIC_CREATE, completion: 'submit', webhookUrl });
			expect(result.error?.message).toMatch(/^\[item 0\] Send Result to Webhook URL: points at .+, a name reserved for examples/);
			expect(result.error?.description).toMatch(/Production URL of your MusicAPI Trigger/);
			expect(fake().requests).toEqual([]);
		},
	);

	it('a real address is sent with the create', async () => {
		const result = await runMusicApi(fake(), { ...SONIC_CREATE, completion: 'submit', webhookUrl: 'https://n8n.my-company.io/webhook/abc/musicapi' });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('POST', '/sonic/create')[0].body).toMatchObject({ webhook_url: 'https://n8n.my-company.io/webhook/abc/musicapi' });
	});

	it('is read per item: each create carries its own item\'s URL, and a placeholder is refused for its own item', async () => {
		const items = [{ json: { hook: 'https://n8n.my-company.io/webhook/a' } }, { json: { hook: 'https://example.com/hook' } }, { json: { hook: 'https://n8n.my-company.io/webhook/c' } }];
		const parameters = { ...SONIC_CREATE, completion: 'submit', webhookUrl: '={{ $json.hook }}' };
		const stopped = await runMusicApi(fake(), parameters, { items });
		expect(stopped.error?.message).toMatch(/^\[item 1\] Send Result to Webhook URL: points at example\.com/);
		expect(fake().requests).toEqual([]);

		const kept = await runMusicApi(fake(), parameters, { items, continueOnFail: true });
		expect(kept.items.map((item) => item.json.error ?? item.json.state)).toEqual(['submitted', expect.stringMatching(/^\[item 1\] Send Result to Webhook URL/), 'submitted']);
		expect(fake().requestsTo('POST', '/sonic/create').map((r) => (r.body as { webhook_url?: string }).webhook_url)).toEqual([
			'https://n8n.my-company.io/webhook/a',
			'https://n8n.my-company.io/webhook/c',
		]);
	});
});
