import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const LINK = 'https://suno.com/song/0b5c1f3e-9a7d-4c2b-8e6f-1a2b3c4d5e6f';

describe('Suno (Legacy) → Get Song', () => {
	it('posts {url} to /suno/get-song and returns the song data as one item', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getSong', url: LINK });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /suno/get-song']);
		expect(bodiesSentTo(fake(), 'POST', '/suno/get-song')).toEqual([{ url: LINK }]);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					clip_id: '0b5c1f3e-9a7d-4c2b-8e6f-1a2b3c4d5e6f',
					title: expect.any(String),
					audio_url: expect.stringMatching(/^http/),
					share_url: LINK,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('refuses a link that is not http(s), naming the field and the item, and sends nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getSong', url: '={{ $json.link }}' }, {
			items: [{ link: LINK }, { link: 'suno.com/song/abc' }],
		});
		expect(result.error?.message).toBe('[item 1] Share Link: "suno.com/song/abc" is not an http(s) URL');
		// Sync items run in order: only item 0 was sent.
		expect(bodiesSentTo(fake(), 'POST', '/suno/get-song')).toEqual([{ url: LINK }]);
	});

	it('names an empty link and sends nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getSong', url: '={{ "" }}' });
		expect(result.error?.message).toBe('[item 0] Share Link: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
