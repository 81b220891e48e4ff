import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const base = { resource: 'sonic', operation: 'generateLyrics' };

describe('Sonic → Generate Lyrics', () => {
	it('posts the description and outputs one item per candidate', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), { ...base, description: 'a hopeful song about driving home' });
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/lyrics');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/sonic/lyrics');
		expect(request.body).toEqual({ description: 'a hopeful song about driving home' });
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(Object.keys(item.json).sort()).toEqual(['lyrics', 'title']);
			expect(item.json.title).toEqual(expect.any(String));
			expect(item.json.lyrics).toEqual(expect.stringContaining('['));
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(result.items[0].json.title).not.toBe(result.items[1].json.title);
		expect(fake().credits().credits).toBe(98);
	});

	it('pairs every candidate with its input item', async () => {
		const result = await runMusicApi(fake(), { ...base, description: '={{ $json.idea }}' }, { items: [{ idea: 'rain' }, { idea: 'sun' }] });
		expect(bodiesSentTo(fake(), 'POST', '/sonic/lyrics')).toEqual([{ description: 'rain' }, { description: 'sun' }]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});

	it('accepts 120 characters and rejects 121 before sending', async () => {
		const ok = await runMusicApi(fake(), { ...base, description: 'd'.repeat(120) });
		expect(ok.error).toBeUndefined();
		fake().reset();
		const result = await runMusicApi(fake(), { ...base, description: '={{ $json.idea }}' }, { items: [{ idea: 'ok' }, { idea: 'x'.repeat(121) }] });
		expect(result.error?.message).toBe('[item 1] Description: is 121 characters long; the limit is 120');
		expect(result.error?.description).toMatch(/Nothing was sent/);
		// Item 0 was valid and is answered at once (sync); item 1 never reached the API.
		expect(bodiesSentTo(fake(), 'POST', '/sonic/lyrics')).toEqual([{ description: 'ok' }]);
	});

	it('rejects an empty description without a request', async () => {
		const result = await runMusicApi(fake(), { ...base, description: '  ' });
		expect(result.error?.message).toBe('[item 0] Description: is required but empty');
		expect(fake().requests.filter((r) => r.path.startsWith('/sonic'))).toHaveLength(0);
	});

	it('turns a bad item into an error item under Continue On Fail', async () => {
		const result = await runMusicApi(
			fake(),
			{ ...base, description: '={{ $json.idea }}' },
			{ items: [{ idea: '' }, { idea: 'night' }], continueOnFail: true },
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
		expect(result.items[0].json.error).toBe('[item 0] Description: is required but empty');
		expect(bodiesSentTo(fake(), 'POST', '/sonic/lyrics')).toEqual([{ description: 'night' }]);
	});
});
