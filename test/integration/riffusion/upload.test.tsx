import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const AUDIO_URL = 'https://example.com/song.mp3';

describe('Riffusion (Deprecated) → Upload', () => {
	it('posts {url} to /riffusion/upload and returns the clip id', async () => {
		const result = await runMusicApi(fake(), { resource: 'riffusion', operation: 'upload', url: AUDIO_URL });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /riffusion/upload']);
		expect(bodiesSentTo(fake(), 'POST', '/riffusion/upload')).toEqual([{ url: AUDIO_URL }]);
		expect(result.items).toEqual([{ json: { clipId: expect.any(String) }, pairedItem: { item: 0 } }]);
	});

	it('uploads one file per item, each paired with its input', async () => {
		const result = await runMusicApi(fake(), { resource: 'riffusion', operation: 'upload', url: '={{ $json.url }}' }, {
			items: [{ url: 'https://example.com/a.mp3' }, { url: 'https://example.com/b.wav' }],
		});
		expect(bodiesSentTo(fake(), 'POST', '/riffusion/upload')).toEqual([{ url: 'https://example.com/a.mp3' }, { url: 'https://example.com/b.wav' }]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.clipId).not.toBe(result.items[1].json.clipId);
	});

	it('refuses a URL that is not http(s), naming the field and the item, and sends nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'riffusion', operation: 'upload', url: 'song.mp3' });
		expect(result.error?.message).toBe('[item 0] Audio URL: "song.mp3" is not an http(s) URL');
		expect(fake().requests).toHaveLength(0);
	});
});
