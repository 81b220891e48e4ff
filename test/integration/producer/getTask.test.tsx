import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

async function submit(): Promise<string> {
	const result = await runMusicApi(fake(), {
		resource: 'producer',
		operation: 'create',
		taskType: 'create_music',
		model: { __rl: true, mode: 'list', value: 'FUZZ-2.0' },
		sound: 'calm piano ambient',
		completion: 'submit',
	});
	return result.items[0].json.taskId as string;
}

describe('Producer → Get Task', () => {
	it('asks GET /producer/task/{id} once and returns one item per finished clip', async () => {
		const taskId = await submit();
		fake().advanceTime(10 * 60_000);
		fake().requests.length = 0;
		const result = await runMusicApi(fake(), { resource: 'producer', operation: 'getTask', taskId, resultOptions: { downloadAudio: false } });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /producer/task/${taskId}`]);
		expect(result.items.length).toBeGreaterThanOrEqual(1);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId, state: 'succeeded', clipId: expect.any(String), audioUrl: expect.any(String), wavUrl: expect.any(String) });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('returns the state while the task is pending', async () => {
		fake().options.timeScale = 1;
		const taskId = await submit();
		const result = await runMusicApi(fake(), { resource: 'producer', operation: 'getTask', taskId });
		expect(result.items).toEqual([{ json: { taskId, state: 'pending' }, pairedItem: { item: 0 } }]);
	});

	it('names the empty Task ID and the item, and asks nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'producer', operation: 'getTask', taskId: '={{ $json.id }}' }, { items: [{ id: '' }] });
		expect(result.error?.message).toBe('[item 0] Task ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
