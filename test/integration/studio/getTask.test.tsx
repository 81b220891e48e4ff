import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

async function submit(): Promise<string> {
	const result = await runMusicApi(fake(), {
		resource: 'studio',
		operation: 'create',
		prompt: 'upbeat jazz fusion',
		lyricsType: 'generate',
		model: { __rl: true, mode: 'list', value: 'studio130-v1.5' },
		configMode: 'regular',
		completion: 'submit',
	});
	return result.items[0].json.taskId as string;
}

describe('Studio → Get Task', () => {
	it('asks GET /studio/task/{id} once and returns one item per finished song', async () => {
		const taskId = await submit();
		fake().advanceTime(10 * 60_000);
		fake().requests.length = 0;
		const result = await runMusicApi(fake(), { resource: 'studio', operation: 'getTask', taskId, resultOptions: { downloadAudio: false } });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /studio/task/${taskId}`]);
		expect(result.items.length).toBeGreaterThanOrEqual(1);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId, state: 'succeeded', clipId: expect.any(String), audioUrl: expect.any(String) });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('returns the state and progress while the song is being made', async () => {
		fake().options.timeScale = 1;
		const taskId = await submit();
		const result = await runMusicApi(fake(), { resource: 'studio', operation: 'getTask', taskId });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ taskId, state: 'running', progress: expect.any(Number) });
	});

	it('names the empty Task ID and the item, and asks nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'studio', operation: 'getTask', taskId: '={{ "" }}' });
		expect(result.error?.message).toBe('[item 0] Task ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
