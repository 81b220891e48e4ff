import { type FakeMusicApi, startFakeMusicApi } from './index';
import { CREATE_BODY, FINISH_MS, get, post, submit } from './test-helpers';

const poll = (fake: FakeMusicApi, id: string) => get(fake, `/sonic/task/${id}`);
const states = (body: { data: Array<{ state: string }> }): string[] => body.data.map((clip) => clip.state);

describe('fake MusicAPI: sonic tasks', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		// Default (real-world) timings; tests move the fake's clock instead of sleeping.
		fake = await startFakeMusicApi({ uploadLatencyMs: 0, uploadStepLatencyMs: 0 });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('submits with the live shape {message, task_id} (no code)', async () => {
		const result = await post(fake, '/sonic/create', CREATE_BODY);
		expect(result.status).toBe(200);
		expect(Object.keys(result.body)).toEqual(['message', 'task_id']);
		expect(result.body.task_id).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('adds code: 200 to submits when includeCode is on', async () => {
		fake.options.includeCode = true;
		expect((await post(fake, '/sonic/create', CREATE_BODY)).body).toEqual({ code: 200, message: 'success', task_id: expect.any(String) });
	});

	it('walks not_ready (202) → pending/running → one done → both done, staggered', async () => {
		const id = await submit(fake, '/sonic/create', { ...CREATE_BODY, style_weight: 0.8, weirdness_constraint: 0.25, negative_tags: 'metal' });
		const notReady = await poll(fake, id);
		expect(notReady.status).toBe(202);
		expect(notReady.body).toEqual({ type: 'not_ready', message: expect.any(String) });

		fake.advanceTime(15000);
		const pending = await poll(fake, id);
		expect(pending.status).toBe(200);
		expect(pending.body.code).toBe(200);
		expect(states(pending.body)).toEqual(['pending', 'pending']);
		expect(pending.body.data[0].audio_url).toBeNull();

		fake.advanceTime(15000);
		const running = await poll(fake, id);
		expect(states(running.body)).toEqual(['running', 'running']);

		fake.advanceTime(21000); // t = 51 s: the first clip finished at 50 s, the second finishes at 60 s
		const half = await poll(fake, id);
		expect(states(half.body)).toEqual(['succeeded', 'running']);

		fake.advanceTime(10000);
		const done = await poll(fake, id);
		expect(states(done.body)).toEqual(['succeeded', 'succeeded']);
		const clip = done.body.data[0];
		expect(clip).toMatchObject({
			clip_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			title: 'Uplifting Synthwave With',
			gpt_description_prompt: CREATE_BODY.gpt_description_prompt,
			video_url: null,
			mv: 'sonic-v5',
			style_weight: 0.8,
			weirdness_constraint: 0.25,
			negative_tags: 'metal',
		});
		expect(clip.duration).toMatch(/^\d+\.\d{2}$/);
		expect(clip.audio_url).toBe(`${fake.origin}/files/${clip.clip_id}.mp3`);
		expect(clip.image_url).toBe(`${fake.origin}/files/${clip.clip_id}.jpeg`);
		expect(new Date(clip.created_at).toString()).not.toBe('Invalid Date');
		expect(done.body.data[0].clip_id).not.toBe(done.body.data[1].clip_id);
	});

	it('answers the not_ready phase with HTTP 200 when configured', async () => {
		fake.options.notReadyStatus = 200;
		const id = await submit(fake, '/sonic/create', CREATE_BODY);
		const result = await poll(fake, id);
		expect(result.status).toBe(200);
		expect(result.body.type).toBe('not_ready');
	});

	it('runs on scaled real time too (timeScale)', async () => {
		fake.options.timeScale = 0.001;
		const id = await submit(fake, '/sonic/create', CREATE_BODY);
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(states((await poll(fake, id)).body)).toEqual(['succeeded', 'succeeded']);
	});

	it('echoes custom mode: lyrics from prompt, gpt_description_prompt null, tags as sent', async () => {
		const id = await submit(fake, '/sonic/create', { custom_mode: true, mv: 'sonic-v5-5', prompt: '[Verse]\nCity lights', title: 'Night Drive', tags: 'synthwave, retro' });
		fake.advanceTime(FINISH_MS);
		const clip = (await poll(fake, id)).body.data[0];
		expect(clip).toMatchObject({ title: 'Night Drive', lyrics: '[Verse]\nCity lights', tags: 'synthwave, retro', gpt_description_prompt: null, mv: 'sonic-v5-5' });
	});

	it('shows the streaming state (with a stream URL) when streamingCallback is on', async () => {
		fake.options.streamingCallback = true;
		const id = await submit(fake, '/sonic/create', CREATE_BODY);
		fake.advanceTime(15000 + 30000); // 85 % of the first clip, 67 % of the second
		const clips = (await poll(fake, id)).body.data;
		expect(states({ data: clips })).toEqual(['streaming', 'streaming']);
		expect(clips[0].audio_url).toBe(`${fake.origin}/files/${clips[0].clip_id}-stream.mp3`);
		expect(clips[0].duration).toBeNull();
	});

	it('[fake:fail] fails every clip with error_message', async () => {
		const id = await submit(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: 'sad song [fake:fail]' });
		fake.advanceTime(FINISH_MS);
		const clips = (await poll(fake, id)).body.data;
		expect(states({ data: clips })).toEqual(['failed', 'failed']);
		expect(clips[0].error_message).toEqual(expect.any(String));
		expect(clips[0].audio_url).toBeNull();
	});

	it('[fake:fail-one] fails only the second clip', async () => {
		const id = await submit(fake, '/sonic/create', { ...CREATE_BODY, title: 'x [fake:fail-one]' });
		fake.advanceTime(FINISH_MS);
		const clips = (await poll(fake, id)).body.data;
		expect(states({ data: clips })).toEqual(['succeeded', 'failed']);
		expect(clips[1].error_message).toEqual(expect.any(String));
	});

	it('[fake:moderate] answers the submit with 403 quoting the flagged text', async () => {
		const result = await post(fake, '/sonic/create', { custom_mode: true, mv: 'sonic-v5', prompt: 'some words [fake:moderate] more' });
		expect(result.status).toBe(403);
		expect(result.body.type).toBe('forbidden');
		expect(result.body.error).toMatch(/^Your lyrics contain inappropriate content: '.*\[fake:moderate\].*'$/);
	});

	it('[fake:timeout] keeps running, then answers polls with 504 once the task would have finished', async () => {
		const id = await submit(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: 'slow song [fake:timeout]' });
		fake.advanceTime(30000);
		expect((await poll(fake, id)).status).toBe(200);
		fake.advanceTime(FINISH_MS);
		const result = await poll(fake, id);
		expect(result.status).toBe(504);
		expect(result.body.error).toBe('Task failed due to timeout. Credits were previously refunded.');
	});

	it('extend → concat: follow-ups on a fake clip reuse its title; concat yields one clip', async () => {
		const createId = await submit(fake, '/sonic/create', { custom_mode: true, mv: 'sonic-v5', prompt: '[Verse]\nHi', title: 'Origin' });
		fake.advanceTime(FINISH_MS);
		const source = (await poll(fake, createId)).body.data[0];
		const extendId = await submit(fake, '/sonic/create', { task_type: 'extend_music', custom_mode: true, mv: 'sonic-v5', continue_clip_id: source.clip_id, continue_at: 60.0, prompt: '[Bridge]\nMore' });
		fake.advanceTime(FINISH_MS);
		const extension = (await poll(fake, extendId)).body.data;
		expect(extension).toHaveLength(2);
		expect(extension[0].title).toBe('Origin');
		const concatId = await submit(fake, '/sonic/create', { task_type: 'concat_music', continue_clip_id: extension[0].clip_id });
		fake.advanceTime(FINISH_MS);
		const full = (await poll(fake, concatId)).body.data;
		expect(full).toHaveLength(1);
		expect(full[0]).toMatchObject({ state: 'succeeded', title: 'Origin' });
		// Unknown clip ids are accepted too (uploaded clips) and echo nothing odd.
		expect((await post(fake, '/sonic/create', { task_type: 'cover_music', custom_mode: false, mv: 'sonic-v5', continue_clip_id: 'unknown-clip' })).status).toBe(200);
	});

	it.each(['cover_music', 'persona_music', 'remaster', 'add_instrumental', 'add_vocals', 'extend_upload_music', 'cover_upload_music'])(
		'task_type %s yields two clips',
		async (taskType) => {
			const body: Record<string, unknown> = { task_type: taskType, mv: 'sonic-v5', custom_mode: true, prompt: '[Verse]\nWords', continue_clip_id: 'c1', persona_id: 'p1', continue_at: 30 };
			const id = await submit(fake, '/sonic/create', body);
			fake.advanceTime(FINISH_MS);
			expect(states((await poll(fake, id)).body)).toEqual(['succeeded', 'succeeded']);
		},
	);

	it('create-voice ends with data {persona_id, name}', async () => {
		const id = await submit(fake, '/sonic/create-voice', { audio_url: 'https://example.com/voice.mp3', name: 'My Voice' });
		fake.advanceTime(30000);
		expect((await poll(fake, id)).status).toBe(202);
		fake.advanceTime(FINISH_MS);
		const result = await poll(fake, id);
		expect(result.body).toEqual({ code: 200, message: 'success', data: { persona_id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'My Voice' } });
	});

	it('stems: one clip per stem with stem_type and title (2 basic, 12 full, configurable)', async () => {
		const basic = await submit(fake, '/sonic/stems/basic', { clip_id: 'c1' });
		const full = await submit(fake, '/sonic/stems/full', { clip_id: 'c1' });
		fake.options.basicStems = ['vocals', 'drums', 'bass', 'other'];
		const four = await submit(fake, '/sonic/stems/basic', { clip_id: 'c1' });
		fake.advanceTime(FINISH_MS);
		const basicClips = (await poll(fake, basic)).body.data;
		expect(basicClips.map((clip: { stem_type: string; title: string }) => [clip.stem_type, clip.title])).toEqual([
			['vocals', 'Vocals'],
			['instrumental', 'Instrumental'],
		]);
		const fullClips = (await poll(fake, full)).body.data;
		expect(fullClips).toHaveLength(12);
		expect(fullClips.every((clip: { state: string; audio_url: string }) => clip.state === 'succeeded' && clip.audio_url)).toBe(true);
		expect(fullClips.map((clip: { stem_type: string }) => clip.stem_type)).toContain('backing_vocals');
		expect((await poll(fake, four)).body.data).toHaveLength(4);
	});

	it('upload-extend with auto_concat answers {extended, full} pairs, full null until done', async () => {
		const id = await submit(fake, '/sonic/upload-extend', { ...CREATE_BODY, url: 'https://example.com/song.mp3', continue_at: 30, auto_concat: true });
		fake.advanceTime(48000); // extended halves done (70 %), full songs not yet
		const midway = (await poll(fake, id)).body.data;
		expect(midway).toHaveLength(2);
		expect(midway[0].extended.state).toBe('succeeded');
		expect(midway[0].full).toBeNull();
		fake.advanceTime(FINISH_MS);
		const done = (await poll(fake, id)).body.data;
		expect(done[0].full).toMatchObject({ state: 'succeeded', audio_url: expect.stringContaining('/files/') });
		expect(done[0].full.clip_id).not.toBe(done[0].extended.clip_id);
		const plain = await submit(fake, '/sonic/upload-extend', { ...CREATE_BODY, url: 'https://example.com/song.mp3', continue_at: 30 });
		fake.advanceTime(FINISH_MS);
		expect((await poll(fake, plain)).body.data[0].state).toBe('succeeded');
	});

	it('replace-section with auto_concat answers {replaced, full} pairs; a failed pair keeps full null', async () => {
		const id = await submit(fake, '/sonic/replace-section', { clip_id: 'c1', mv: 'sonic-v5', infill_start_s: 10, infill_end_s: 20, infill_lyrics: 'new words', auto_concat: true, title: 'x [fake:fail-one]' });
		fake.advanceTime(FINISH_MS);
		const pairs = (await poll(fake, id)).body.data;
		expect(pairs[0].replaced.state).toBe('succeeded');
		expect(pairs[0].full.state).toBe('succeeded');
		expect(pairs[1].replaced.state).toBe('failed');
		expect(pairs[1].full).toBeNull();
	});

	it('upload-cover answers steps {upload:{clip_id}, cover:{…}} then two clips', async () => {
		const result = await post(fake, '/sonic/upload-cover', { ...CREATE_BODY, url: 'https://example.com/song.mp3', audio_weight: 0.6 });
		expect(result.status).toBe(200);
		expect(result.body).toMatchObject({ message: 'success', task_id: expect.any(String), steps: { upload: { clip_id: expect.any(String) }, cover: { task_id: result.body.task_id } } });
		fake.advanceTime(FINISH_MS);
		const clips = (await poll(fake, result.body.task_id)).body.data;
		expect(clips).toHaveLength(2);
		expect(clips[0].audio_weight).toBe(0.6);
	});

	it('mashup and sample yield two clips', async () => {
		const mashup = await submit(fake, '/sonic/mashup', { ...CREATE_BODY, mashup_clip_ids: ['a', 'b'] });
		const sample = await submit(fake, '/sonic/sample', { ...CREATE_BODY, url: 'https://example.com/loop.wav', chop_sample_start_s: 1, chop_sample_end_s: 5 });
		fake.advanceTime(FINISH_MS);
		expect(states((await poll(fake, mashup)).body)).toEqual(['succeeded', 'succeeded']);
		expect(states((await poll(fake, sample)).body)).toEqual(['succeeded', 'succeeded']);
	});

	it('serves /suno/create and /suno/clip/{id} as aliases of the sonic endpoints', async () => {
		const id = await submit(fake, '/suno/create', CREATE_BODY);
		expect((await get(fake, `/suno/clip/${id}`)).status).toBe(202);
		fake.advanceTime(FINISH_MS);
		const viaAlias = await get(fake, `/suno/clip/${id}`);
		expect(states(viaAlias.body)).toEqual(['succeeded', 'succeeded']);
		expect((await poll(fake, id)).body).toEqual(viaAlias.body);
	});

	it('batch: submits up to 10 creates and reports each task', async () => {
		const result = await post(fake, '/sonic/batch', { items: [CREATE_BODY, { ...CREATE_BODY, gpt_description_prompt: 'x [fake:fail]' }] });
		expect(result.body).toMatchObject({ message: 'success', batch_id: expect.any(String), submitted: 2 });
		expect(result.body.tasks).toEqual([
			{ index: 0, task_id: expect.any(String) },
			{ index: 1, task_id: expect.any(String) },
		]);
		const early = await get(fake, `/sonic/batch?batch_id=${result.body.batch_id}`);
		expect(early.body).toMatchObject({ status: 'running', batch_id: result.body.batch_id });
		expect(early.body.tasks[0]).toMatchObject({ state: 'not_ready', data: null });
		fake.advanceTime(FINISH_MS);
		const done = await get(fake, `/sonic/batch?batch_id=${result.body.batch_id}`);
		expect(done.body).toMatchObject({ code: 200, status: 'completed', completed: 1, failed: 1 });
		expect(done.body.tasks[0].data).toHaveLength(2);
		expect(states((await poll(fake, result.body.tasks[0].task_id)).body)).toEqual(['succeeded', 'succeeded']);
		expect((await get(fake, '/sonic/batch')).body.error).toBe('missing batch id.');
		expect((await get(fake, '/sonic/batch?batch_id=nope')).body.error).toBe('batch not found.');
	});
});
