import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const AUDIO_URL = 'https://example.com/song.mp3';
const base = { resource: 'producer', operation: 'upload', url: AUDIO_URL };

describe('Producer → Upload', () => {
	it('posts {url} to /producer/upload and returns the task id (submit only)', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'submit' });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /producer/upload']);
		expect(bodiesSentTo(fake(), 'POST', '/producer/upload')).toEqual([{ url: AUDIO_URL }]);
		const taskId = result.items[0].json.taskId as string;
		expect(result.items).toEqual([{ json: { taskId, state: 'submitted', pollPath: `/producer/task/${taskId}` }, pairedItem: { item: 0 } }]);
	});

	it('waits for the import and returns the uploaded clip', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'wait', resultOptions: { pollInterval: 0.02, timeout: 1, downloadAudio: false } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), audioUrl: expect.any(String) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends the webhook URL and secret in submit-only mode', async () => {
		await runMusicApi(fake(), { ...base, completion: 'submit', webhookUrl: 'https://example.test/hook' });
		expect(bodiesSentTo(fake(), 'POST', '/producer/upload')).toEqual([
			{ url: AUDIO_URL, webhook_url: 'https://example.test/hook', webhook_secret: 'whsec-test-secret' },
		]);
	});

	it('refuses a URL that is not http(s), naming the field and the item, and sends nothing', async () => {
		const result = await runMusicApi(fake(), { ...base, url: '={{ $json.url }}', completion: 'submit' }, { items: [{ url: AUDIO_URL }, { url: 'ftp://x/y.mp3' }] });
		expect(result.error?.message).toBe('[item 1] Audio URL: "ftp://x/y.mp3" is not an http(s) URL');
		expect(fake().requests).toHaveLength(0);
	});
});
