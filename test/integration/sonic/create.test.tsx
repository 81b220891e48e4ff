import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const describeMode = {
	resource: 'sonic',
	operation: 'create',
	taskType: 'create_music',
	model: { __rl: true, mode: 'list', value: 'sonic-v5' },
	songMode: 'description',
	gptDescriptionPrompt: 'uplifting synthwave with female vocals',
};

describe('Sonic → Create', () => {
	it('submits the description-mode body and returns the task id (submit only)', async () => {
		const result = await runMusicApi(fake(), { ...describeMode, completion: 'submit' });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([
			{ task_type: 'create_music', mv: 'sonic-v5', custom_mode: false, gpt_description_prompt: 'uplifting synthwave with female vocals' },
		]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ state: 'submitted', pollPath: expect.stringMatching(/^\/sonic\/task\//) });
		expect(result.items[0].json.taskId).toEqual(expect.any(String));
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends custom lyrics, title, tags and optional fields with their API names', async () => {
		const result = await runMusicApi(fake(), {
			resource: 'sonic',
			operation: 'create',
			taskType: 'create_music',
			model: { __rl: true, mode: 'id', value: 'sonic-v9-future' },
			songMode: 'custom',
			prompt: '[Verse]\nCity lights',
			title: 'Night Drive',
			tags: 'synthwave, retro',
			additionalFields: { styleWeight: 0.8, weirdnessConstraint: 0.25, vocalGender: 'f', makeInstrumental: false },
			completion: 'submit',
		});
		// An unknown model is MusicAPI's call, not ours: the fake (like the API) answers 400 and we quote it.
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([
			{
				task_type: 'create_music',
				mv: 'sonic-v9-future',
				custom_mode: true,
				prompt: '[Verse]\nCity lights',
				title: 'Night Drive',
				tags: 'synthwave, retro',
				style_weight: 0.8,
				weirdness_constraint: 0.25,
				vocal_gender: 'f',
				make_instrumental: false,
			},
		]);
		expect(result.error?.message).toMatch(/The Model \(mv\) field is invalid/);
	});

	it.each([
		['extend', { taskType: 'extend_music', continueClipId: 'clip-1', continueAt: 42.5, songMode: 'custom', prompt: '[Bridge]' }, { task_type: 'extend_music', mv: 'sonic-v5', continue_clip_id: 'clip-1', continue_at: 42.5, custom_mode: true, prompt: '[Bridge]' }],
		['concat', { taskType: 'concat_music', continueClipId: 'ext-1' }, { task_type: 'concat_music', continue_clip_id: 'ext-1' }],
		['remaster', { taskType: 'remaster', continueClipId: 'c', additionalFields: { variationCategory: 'high' } }, { task_type: 'remaster', mv: 'sonic-v5', continue_clip_id: 'c', variation_category: 'high' }],
		['persona', { taskType: 'persona_music', personaId: 'p-1', gptDescriptionPrompt: 'a ballad' }, { task_type: 'persona_music', mv: 'sonic-v5', persona_id: 'p-1', custom_mode: false, gpt_description_prompt: 'a ballad' }],
		['add vocals', { taskType: 'add_vocals', continueClipId: 'up-1', songMode: 'custom', prompt: '[Verse] la', tags: 'soul', additionalFields: { overpaintingStart: 0, overpaintingEnd: 30 } }, { task_type: 'add_vocals', mv: 'sonic-v5', continue_clip_id: 'up-1', custom_mode: true, prompt: '[Verse] la', tags: 'soul', overpainting_start_s: 0, overpainting_end_s: 30 }],
	])('builds the %s body from only the fields that task type shows', async (_name, params, expected) => {
		await runMusicApi(fake(), { resource: 'sonic', operation: 'create', model: { __rl: true, mode: 'list', value: 'sonic-v5' }, songMode: 'description', completion: 'submit', ...params });
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([expected]);
	});

	it('waits for both clips and returns them as items with their audio files', async () => {
		const result = await runMusicApi(fake(), { ...describeMode, completion: 'wait', resultOptions: FAST_WAIT });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), duration: expect.any(Number) });
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.binary?.data.mimeType).toBe('audio/mpeg');
			expect(item.binary?.data.fileName).toMatch(new RegExp(`${item.json.clipId}\\.mp3$`));
			const bytes = await result.readBinary(item);
			expect(bytes.length).toBeGreaterThan(100);
			expect(bytes[0] === 0xff || bytes.subarray(0, 3).toString() === 'ID3').toBe(true);
		}
	});

	it('checks every item before sending anything: one bad item, no request', async () => {
		const result = await runMusicApi(fake(), { ...describeMode, gptDescriptionPrompt: '={{ $json.idea }}', completion: 'submit' }, {
			items: [{ idea: 'a good song' }, { idea: 'x'.repeat(401) }],
		});
		expect(result.error?.message).toBe('[item 1] Song Description: is 401 characters long; the limit is 400');
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
	});

	it.each([
		['a required field whose expression resolves to nothing', { gptDescriptionPrompt: '={{ "" }}' }, /\[item 0\] Song Description: is required/],
		['a weight above 1', { additionalFields: { styleWeight: 1.01 } }, /\[item 0\] Style Weight: 1\.01 is outside the allowed range 0–1/],
		['a duration on concat', { taskType: 'concat_music', continueClipId: 'c', additionalFields: { duration: 60 } }, /\[item 0\] Target Duration \(Seconds\): is not used by task_type concat_music/],
		['old-model lyrics over 3000', { model: { __rl: true, mode: 'list', value: 'sonic-v4' }, songMode: 'custom', prompt: 'l'.repeat(3001) }, /\[item 0\] Lyrics: is 3001 characters long; the limit for sonic-v4 is 3000/],
	])('rejects %s before sending', async (_name, params, message) => {
		const result = await runMusicApi(fake(), { ...describeMode, completion: 'submit', ...params });
		expect(result.error?.message).toMatch(message);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
	});

	it('gives one error item per bad item under Continue On Fail and carries on', async () => {
		const result = await runMusicApi(
			fake(),
			{ ...describeMode, gptDescriptionPrompt: '={{ $json.idea }}', completion: 'submit' },
			{ items: [{ idea: 'first' }, { idea: '' }, { idea: 'third' }], continueOnFail: true },
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json.error).toMatch(/\[item 1\] Song Description: is required/);
		expect(result.items[0].json.state).toBe('submitted');
		expect(result.items[2].json.state).toBe('submitted');
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(2);
	});

	it('sends the webhook URL and the credential secret in submit-only mode', async () => {
		await runMusicApi(fake(), { ...describeMode, completion: 'submit', webhookUrl: 'https://example.test/webhook/abc/musicapi' });
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')[0]).toMatchObject({
			webhook_url: 'https://example.test/webhook/abc/musicapi',
			webhook_secret: 'whsec-test-secret',
		});
	});
});
