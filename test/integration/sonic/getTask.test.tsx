import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

async function submit(prompt = 'lofi beats'): Promise<string> {
	const result = await runMusicApi(fake(), {
		resource: 'sonic',
		operation: 'create',
		taskType: 'create_music',
		model: { __rl: true, mode: 'list', value: 'sonic-v5' },
		songMode: 'description',
		gptDescriptionPrompt: prompt,
		completion: 'submit',
	});
	return result.items[0].json.taskId as string;
}

describe('Sonic → Get Task', () => {
	it('asks GET /sonic/task/{id} once and returns each finished clip with its audio file', async () => {
		const taskId = await submit();
		fake().advanceTime(10 * 60_000);
		fake().requests.length = 0;
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'getTask', taskId });
		expect(result.error).toBeUndefined();
		expect(fake().requests.filter((r) => !r.path.startsWith('/files/')).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /sonic/task/${taskId}`]);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId, state: 'succeeded', clipId: expect.any(String), duration: expect.any(Number) });
			expect(item.binary?.data.mimeType).toBe('audio/mpeg');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('returns the state, not clips, while the task is not ready (202)', async () => {
		fake().options.timeScale = 1;
		const taskId = await submit();
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'getTask', taskId });
		expect(fake().requestsTo('GET', `/sonic/task/${taskId}`).map((r) => r.status)).toEqual([202]);
		expect(result.items).toEqual([{ json: { taskId, state: 'pending' }, pairedItem: { item: 0 } }]);
	});

	it('keeps a failed clip visible with its reason next to the good one', async () => {
		const taskId = await submit('two takes [fake:fail-one]');
		fake().advanceTime(10 * 60_000);
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'getTask', taskId, resultOptions: { downloadAudio: false } });
		expect(result.items.map((i) => i.json.state).sort()).toEqual(['failed', 'succeeded']);
		expect(result.items.find((i) => i.json.state === 'failed')?.json.error).toEqual(expect.any(String));
	});

	it('quotes "task not found." for an unknown task', async () => {
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'getTask', taskId: 'no-such-task' });
		expect(result.error?.message).toMatch(/task not found\./);
	});
});
