import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const WAIT = { pollInterval: 0.02, timeout: 1, downloadAudio: false };

const base = {
	resource: 'suno',
	operation: 'create',
	taskType: 'create_music',
	model: { __rl: true, mode: 'list', value: 'sonic-v5' },
	songMode: 'description',
	gptDescriptionPrompt: 'uplifting synthwave with female vocals',
};

describe('Suno (Legacy) → Create', () => {
	it('posts the Sonic body to /suno/create and points the task at /suno/clip (submit only)', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'submit' });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /suno/create']);
		expect(bodiesSentTo(fake(), 'POST', '/suno/create')).toEqual([
			{ task_type: 'create_music', mv: 'sonic-v5', custom_mode: false, gpt_description_prompt: 'uplifting synthwave with female vocals' },
		]);
		const taskId = result.items[0].json.taskId as string;
		expect(taskId).toEqual(expect.any(String));
		expect(result.items).toEqual([
			{ json: { taskId, state: 'submitted', pollPath: `/suno/clip/${taskId}` }, pairedItem: { item: 0 } },
		]);
	});

	it('sends the custom-mode fields of an extend with their API names', async () => {
		await runMusicApi(fake(), {
			...base,
			taskType: 'extend_music',
			continueClipId: 'clip-1',
			continueAt: 42.5,
			songMode: 'custom',
			prompt: '[Bridge]\nla la',
			title: 'Night Drive',
			tags: 'synthwave',
			additionalFields: { styleWeight: 0.7 },
			completion: 'submit',
		});
		expect(bodiesSentTo(fake(), 'POST', '/suno/create')).toEqual([
			{
				task_type: 'extend_music',
				mv: 'sonic-v5',
				continue_clip_id: 'clip-1',
				continue_at: 42.5,
				custom_mode: true,
				prompt: '[Bridge]\nla la',
				title: 'Night Drive',
				tags: 'synthwave',
				style_weight: 0.7,
			},
		]);
	});

	it('waits by polling /suno/clip and returns both finished clips', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'wait', resultOptions: WAIT });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
		expect(fake().requestsTo('GET', /^\/suno\/clip\//).length).toBeGreaterThan(0);
		expect(fake().requestsTo('GET', /^\/sonic\/task\//)).toHaveLength(0);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), audioUrl: expect.stringMatching(/^http/) });
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.binary).toBeUndefined();
		}
	});

	it('checks fields like Sonic Create and sends nothing on bad input', async () => {
		const result = await runMusicApi(fake(), { ...base, gptDescriptionPrompt: 'x'.repeat(401), completion: 'submit' });
		expect(result.error?.message).toBe('[item 0] Song Description: is 401 characters long; the limit is 400');
		expect(fake().requests).toHaveLength(0);
	});
});
