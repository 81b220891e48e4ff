import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const base = { resource: 'sonic', operation: 'upload', url: 'https://cdn.example.com/my-song.mp3' };

describe('Sonic → Upload', () => {
	it('posts the URL and returns the new clip id', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), base);
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/upload');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ url: 'https://cdn.example.com/my-song.mp3' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toEqual({ clipId: expect.any(String) });
		expect(result.items[0].json.clipId).not.toBe('');
		expect(fake().credits().credits).toBe(98);
	});

	it("waits longer than the node's request timeout for the slow import", async () => {
		// 1.5 s after scaling, against a 1 s node-wide request timeout.
		fake().options.uploadLatencyMs = 1_500_000;
		const result = await runMusicApi(fake(), { ...base, requestOptions: { timeout: 1 } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.clipId).toEqual(expect.any(String));
		expect(fake().requestsTo('POST', '/sonic/upload')).toHaveLength(1);
	});

	it('honours a shorter Upload Timeout and never resends the paid upload', async () => {
		fake().options.uploadLatencyMs = 2_500_000;
		const result = await runMusicApi(fake(), { ...base, requestOptions: { timeout: 1 }, options: { uploadTimeout: 1 } });
		expect(result.error?.message).toMatch(/MusicAPI did not confirm POST \/sonic\/upload \(.+\); it was not sent again/);
		expect(fake().requestsTo('POST', '/sonic/upload')).toHaveLength(1);
	});

	it("quotes MusicAPI's answer when it cannot fetch the audio", async () => {
		const result = await runMusicApi(fake(), { ...base, url: 'https://cdn.example.com/[fake:fail].mp3' });
		expect(result.error?.message).toMatch(/Audio URL is not accessible/);
		expect(fake().requestsTo('POST', '/sonic/upload')).toHaveLength(1);
	});

	it.each([
		['an ftp URL', 'ftp://files.example.com/a.mp3', '[item 0] Audio URL: "ftp://files.example.com/a.mp3" is not an http(s) URL'],
		['text that is no URL', 'my-song.mp3', '[item 0] Audio URL: "my-song.mp3" is not an http(s) URL'],
		['an empty URL', '={{ "" }}', '[item 0] Audio URL: is required but empty'],
	])('rejects %s without a request', async (_name, url, message) => {
		const result = await runMusicApi(fake(), { ...base, url });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/upload')).toHaveLength(0);
	});

	it('trims the URL it sends', async () => {
		await runMusicApi(fake(), { ...base, url: '  https://cdn.example.com/a.wav ' });
		expect(bodiesSentTo(fake(), 'POST', '/sonic/upload')).toEqual([{ url: 'https://cdn.example.com/a.wav' }]);
	});
});
