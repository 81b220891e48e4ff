import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const WAIT = { pollInterval: 0.02, timeout: 1, downloadAudio: false };

const base = {
	resource: 'riffusion',
	operation: 'create',
	taskType: 'create_music',
	model: { __rl: true, mode: 'list', value: 'FUZZ-1.1 Pro' },
	songMode: 'description',
	prompt: 'electronic dance music',
	makeInstrumental: false,
};

describe('Riffusion (Deprecated) → Create', () => {
	it('posts the description-mode body with both required booleans (submit only)', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'submit' });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /riffusion/create']);
		expect(bodiesSentTo(fake(), 'POST', '/riffusion/create')).toEqual([
			{ task_type: 'create_music', mv: 'FUZZ-1.1 Pro', custom_mode: false, prompt: 'electronic dance music', make_instrumental: false },
		]);
		const taskId = result.items[0].json.taskId as string;
		expect(result.items).toEqual([{ json: { taskId, state: 'submitted', pollPath: `/riffusion/task/${taskId}` }, pairedItem: { item: 0 } }]);
	});

	it.each([
		[
			'custom create',
			{ songMode: 'custom', lyrics: '[Verse]\nla', sound: 'synthwave', makeInstrumental: false, additionalFields: { title: 'Neon' } },
			{ task_type: 'create_music', mv: 'FUZZ-1.1 Pro', custom_mode: true, lyrics: '[Verse]\nla', sound: 'synthwave', make_instrumental: false, title: 'Neon' },
		],
		[
			'extend',
			{ taskType: 'extend_music', continueClipId: 'clip-1', continueAt: 12.5 },
			{ task_type: 'extend_music', mv: 'FUZZ-1.1 Pro', continue_clip_id: 'clip-1', continue_at: 12.5, custom_mode: false, prompt: 'electronic dance music', make_instrumental: false },
		],
		[
			'swap sound of an upload',
			{ taskType: 'swap_upload_music_sound', continueClipId: 'up-1', songMode: 'custom', sound: 'orchestral', makeInstrumental: true },
			{ task_type: 'swap_upload_music_sound', mv: 'FUZZ-1.1 Pro', continue_clip_id: 'up-1', custom_mode: true, sound: 'orchestral', make_instrumental: true },
		],
	])('builds the %s body from only the fields shown', async (_name, params, expected) => {
		const result = await runMusicApi(fake(), { ...base, completion: 'submit', ...params });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/riffusion/create')).toEqual([expected]);
	});

	it('waits for both songs and returns them as items', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'wait', resultOptions: WAIT });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('GET', /^\/riffusion\/task\//).length).toBeGreaterThan(0);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), audioUrl: expect.stringMatching(/^http/) });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it.each([
		['custom mode without lyrics or sound', { songMode: 'custom' }, '[item 0] Lyrics / Sound: at least one is required in Custom Lyrics mode; all are empty'],
		['description mode without a description', { prompt: '={{ "" }}' }, '[item 0] Song Description: is required but empty'],
		['an extend without a start', { taskType: 'extend_music', continueClipId: 'c', continueAt: '={{ "" }}' }, '[item 0] Continue At (Seconds): is required but empty'],
		['a title over 80 characters', { additionalFields: { title: 't'.repeat(81) } }, '[item 0] Title: is 81 characters long; the limit is 80'],
		['waiting for a callback (Riffusion sends no webhooks)', { completion: 'callback' }, '[item 0] Completion: "Wait for Callback" is not available for Riffusion'],
		['a webhook URL in submit-only mode', { webhookUrl: 'https://example.test/hook' }, '[item 0] Send Result to Webhook URL: is not available for Riffusion'],
	])('rejects %s and sends nothing', async (_name, params, message) => {
		const result = await runMusicApi(fake(), { ...base, completion: 'submit', ...params });
		expect(result.error?.message).toBe(message);
		expect(fake().requests).toHaveLength(0);
	});
});
