import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

async function submit(): Promise<string> {
	const result = await runMusicApi(fake(), {
		resource: 'nuro',
		operation: 'create',
		type: 'bgm',
		description: 'calm lo-fi beat',
		bgmDuration: 30,
		completion: 'submit',
	});
	return result.items[0].json.taskId as string;
}

describe('Nuro → Get Task', () => {
	it('asks GET /nuro/task/{id} once and returns the finished song', async () => {
		const taskId = await submit();
		fake().advanceTime(10 * 60_000);
		fake().requests.length = 0;
		const result = await runMusicApi(fake(), { resource: 'nuro', operation: 'getTask', taskId, resultOptions: { downloadAudio: false } });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /nuro/task/${taskId}`]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ taskId, state: 'succeeded', clipId: expect.any(String), audioUrl: expect.any(String) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('returns the state and progress while the song is being made', async () => {
		fake().options.timeScale = 1;
		const taskId = await submit();
		const result = await runMusicApi(fake(), { resource: 'nuro', operation: 'getTask', taskId });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ taskId, state: expect.stringMatching(/^(pending|running)$/) });
	});

	it('names the empty Task ID and the item, and asks nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'nuro', operation: 'getTask', taskId: '={{ "" }}' });
		expect(result.error?.message).toBe('[item 0] Task ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
