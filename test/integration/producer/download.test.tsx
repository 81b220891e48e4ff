import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const WAIT = { pollInterval: 0.02, timeout: 1, downloadAudio: false };
const base = { resource: 'producer', operation: 'download', clipId: 'clip-123', format: 'wav' };

describe('Producer → Download', () => {
	it('posts {clip_id, format} to /producer/download and returns the task id (submit only)', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'submit' });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /producer/download']);
		expect(bodiesSentTo(fake(), 'POST', '/producer/download')).toEqual([{ clip_id: 'clip-123', format: 'wav' }]);
		const taskId = result.items[0].json.taskId as string;
		expect(result.items).toEqual([{ json: { taskId, state: 'submitted', pollPath: `/producer/task/${taskId}` }, pairedItem: { item: 0 } }]);
	});

	it('waits and returns the clip with its WAV URL', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'wait', resultOptions: WAIT });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ state: 'succeeded', clipId: 'clip-123', wavUrl: expect.stringMatching(/^http/) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('waits and returns the clip with its MP3 URL', async () => {
		const result = await runMusicApi(fake(), { ...base, format: 'mp3', completion: 'wait', resultOptions: WAIT });
		expect(bodiesSentTo(fake(), 'POST', '/producer/download')).toEqual([{ clip_id: 'clip-123', format: 'mp3' }]);
		expect(result.items[0].json).toMatchObject({ state: 'succeeded', audioUrl: expect.stringMatching(/\.mp3$/) });
	});

	it('names the empty Clip ID and the item, and sends nothing', async () => {
		const result = await runMusicApi(fake(), { ...base, clipId: '={{ $json.clip }}', completion: 'submit' }, { items: [{ clip: 'a' }, { clip: '' }] });
		expect(result.error?.message).toBe('[item 1] Clip ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
