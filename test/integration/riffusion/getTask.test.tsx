import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

async function submit(): Promise<string> {
	const result = await runMusicApi(fake(), {
		resource: 'riffusion',
		operation: 'create',
		taskType: 'create_music',
		model: { __rl: true, mode: 'list', value: 'FUZZ-1.1' },
		songMode: 'description',
		prompt: 'lofi beats',
		makeInstrumental: true,
		completion: 'submit',
	});
	return result.items[0].json.taskId as string;
}

describe('Riffusion (Deprecated) → Get Task', () => {
	it('asks GET /riffusion/task/{id} once and returns both finished songs', async () => {
		const taskId = await submit();
		fake().advanceTime(10 * 60_000);
		fake().requests.length = 0;
		const result = await runMusicApi(fake(), { resource: 'riffusion', operation: 'getTask', taskId, resultOptions: { downloadAudio: false } });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /riffusion/task/${taskId}`]);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId, state: 'succeeded', clipId: expect.any(String), audioUrl: expect.any(String) });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('names the empty Task ID and the item, and asks nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'riffusion', operation: 'getTask', taskId: '={{ "" }}' });
		expect(result.error?.message).toBe('[item 0] Task ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
