import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

async function submitSong(): Promise<string> {
	const result = await runMusicApi(fake(), {
		resource: 'suno',
		operation: 'create',
		taskType: 'create_music',
		model: { __rl: true, mode: 'list', value: 'sonic-v5' },
		songMode: 'description',
		gptDescriptionPrompt: 'a calm piano piece',
		completion: 'submit',
	});
	return result.items[0].json.taskId as string;
}

describe('Suno (Legacy) → Get Clip', () => {
	it('asks GET /suno/clip/{id} once and returns one item per finished clip', async () => {
		const taskId = await submitSong();
		fake().advanceTime(10 * 60_000);
		fake().requests.length = 0;
		const result = await runMusicApi(fake(), {
			resource: 'suno',
			operation: 'getClip',
			taskId,
			resultOptions: { downloadAudio: false },
		});
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /suno/clip/${taskId}`]);
		expect(fake().requests[0].body).toBeUndefined();
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId, state: 'succeeded', clipId: expect.any(String), audioUrl: expect.stringMatching(/^http/) });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('returns the state while the job is still running', async () => {
		fake().options.timeScale = 1;
		const taskId = await submitSong();
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getClip', taskId });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toMatchObject({ taskId, state: expect.stringMatching(/^(pending|running)$/) });
	});

	it('names the empty Task ID and the item, and asks nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getClip', taskId: '={{ $json.id }}' }, { items: [{ id: '' }] });
		expect(result.error?.message).toBe('[item 0] Task ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
