import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const WAIT = { pollInterval: 0.02, timeout: 1, downloadAudio: false };

const base = {
	resource: 'studio',
	operation: 'create',
	prompt: 'upbeat jazz fusion',
	lyricsType: 'instrumental',
	model: { __rl: true, mode: 'list', value: 'studio130-v1.5' },
	configMode: 'regular',
};

describe('Studio → Create', () => {
	it('posts the body with model_type and a config object built from the fields (submit only)', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			additionalFields: {
				promptStrength: 0.8,
				clarityStrength: 0.7,
				lyricsStrength: 0.5,
				generationQuality: 0.9,
				seed: -1,
				bypassPromptOptimization: true,
				negativePrompt: 'distortion',
				songSectionStart: 0,
				songSectionEnd: 30,
			},
			completion: 'submit',
		});
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /studio/create']);
		expect(bodiesSentTo(fake(), 'POST', '/studio/create')).toEqual([
			{
				prompt: 'upbeat jazz fusion',
				lyrics_type: 'instrumental',
				model_type: 'studio130-v1.5',
				prompt_strength: 0.8,
				clarity_strength: 0.7,
				lyrics_strength: 0.5,
				generation_quality: 0.9,
				seed: -1,
				bypass_prompt_optimization: true,
				negative_prompt: 'distortion',
				song_section_start: 0,
				song_section_end: 30,
				config: { mode: 'regular' },
			},
		]);
		const taskId = result.items[0].json.taskId as string;
		expect(result.items).toEqual([{ json: { taskId, state: 'submitted', pollPath: `/studio/task/${taskId}` }, pairedItem: { item: 0 } }]);
	});

	it('sends user lyrics and a continuation config with its source song', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			prompt: '',
			lyricsType: 'user',
			lyrics: '[Verse]\nblue notes',
			model: { __rl: true, mode: 'id', value: 'studio32-v1.5' },
			configMode: 'continuation',
			sourceSongId: 'song-7',
			completion: 'submit',
		});
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/studio/create')).toEqual([
			{
				lyrics_type: 'user',
				lyrics: '[Verse]\nblue notes',
				model_type: 'studio32-v1.5',
				config: { mode: 'continuation', source: { song_id: 'song-7' } },
			},
		]);
	});

	it('waits for the songs and returns them as items', async () => {
		const result = await runMusicApi(fake(), { ...base, completion: 'wait', resultOptions: WAIT });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('GET', /^\/studio\/task\//).length).toBeGreaterThan(0);
		expect(result.items.length).toBeGreaterThanOrEqual(1);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), audioUrl: expect.stringMatching(/^http/) });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it.each([
		['no prompt and no lyrics', { prompt: '' }, '[item 0] Prompt / Lyrics: at least one is required for Studio; all are empty'],
		['user lyrics left empty', { lyricsType: 'user', lyrics: '={{ "" }}' }, '[item 0] Lyrics: is required but empty'],
		['a strength above 1', { additionalFields: { promptStrength: 1.2 } }, '[item 0] Prompt Strength: 1.2 is outside the allowed range 0–1'],
		['a seed below -1', { additionalFields: { seed: -2 } }, '[item 0] Seed: -2 is outside the allowed range -1–…'],
		['a fractional seed', { additionalFields: { seed: 1.5 } }, '[item 0] Seed: 1.5 is not a whole number (-1 for random)'],
		['a section that ends before it starts', { additionalFields: { songSectionStart: 20, songSectionEnd: 10 } }, '[item 0] Song Section End: 10 must be greater than Song Section Start (20)'],
		['a continuation without source song', { configMode: 'continuation', sourceSongId: '={{ "" }}' }, '[item 0] Source Song ID: is required but empty'],
		['waiting for a callback (Studio sends no webhooks)', { completion: 'callback' }, '[item 0] Completion: "Wait for Callback" is not available for Studio'],
	])('rejects %s and sends nothing', async (_name, params, message) => {
		const result = await runMusicApi(fake(), { ...base, completion: 'submit', ...params });
		expect(result.error?.message).toBe(message);
		expect(fake().requests).toHaveLength(0);
	});
});
