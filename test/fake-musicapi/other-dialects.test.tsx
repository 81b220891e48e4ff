import { type FakeMusicApi, startFakeMusicApi } from './index';
import { FINISH_MS, get, post, submit } from './test-helpers';

describe('fake MusicAPI: producer, riffusion, studio, nuro and legacy suno dialects', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ uploadLatencyMs: 0, uploadStepLatencyMs: 0 });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	describe('producer', () => {
		it('walks PENDING → RUNNING → SUCCESS with .m4a audio, a WAV and cover art', async () => {
			const id = await submit(fake, '/producer/create', { task_type: 'create_music', sound: 'calm piano ambient', title: 'Calm', mv: 'FUZZ-2.0' });
			const pending = await get(fake, `/producer/task/${id}`);
			expect(pending.status).toBe(200);
			expect(pending.body).toEqual({ code: 200, status: 'PENDING', message: 'success', data: [] });
			fake.advanceTime(30000);
			const running = await get(fake, `/producer/task/${id}`);
			expect(running.body.status).toBe('RUNNING');
			expect(running.body.data[0].audio_url).toBeNull();
			fake.advanceTime(FINISH_MS);
			const done = await get(fake, `/producer/task/${id}`);
			expect(done.body.status).toBe('SUCCESS');
			expect(done.body.data).toHaveLength(2);
			const clip = done.body.data[0];
			expect(clip).toMatchObject({ title: 'Calm', sound: 'calm piano ambient', mv: 'FUZZ-2.0' });
			expect(clip.audio_url).toMatch(/\/files\/[0-9a-f-]{36}\.m4a$/);
			expect(clip.wav_url).toMatch(/\.wav$/);
			expect(clip.image_url).toMatch(/\.jpeg$/);
			expect(typeof clip.duration).toBe('number');
		});

		it('ends FAILED (and refunds) with [fake:fail]; drops the second clip with [fake:fail-one]', async () => {
			const failed = await submit(fake, '/producer/create', { sound: 'noise [fake:fail]' });
			const partial = await submit(fake, '/producer/create', { lyrics: 'la la [fake:fail-one]' });
			fake.advanceTime(FINISH_MS);
			const failedBody = (await get(fake, `/producer/task/${failed}`)).body;
			expect(failedBody).toMatchObject({ status: 'FAILED', data: [] });
			expect(failedBody.message).not.toBe('success');
			expect((await get(fake, `/producer/task/${partial}`)).body.data).toHaveLength(1);
			expect(fake.credits().credits).toBe(1000 - 10);
		});

		it('extend, replace, cover, make_lyrics and video_clip task types', async () => {
			const extend = await submit(fake, '/producer/create', { task_type: 'extend_music', clip_id: 'c1', starts_at: 30, lyrics: 'more', instruction: 'go on' });
			const replace = await submit(fake, '/producer/create', { task_type: 'replace_music', clip_id: 'c1', starts: 5, ends: 10 });
			const cover = await submit(fake, '/producer/create', { task_type: 'cover_music', clip_id: 'c1', strength: 0.5 });
			const lyrics = await submit(fake, '/producer/create', { task_type: 'make_lyrics', prompt: 'summer love' });
			const video = await submit(fake, '/producer/create', { task_type: 'video_clip', clip_id: 'c1' });
			expect(fake.credits().credits).toBe(1000 - 12 - 12 - 12 - 2 - 10);
			fake.advanceTime(FINISH_MS);
			for (const id of [extend, replace, cover]) expect((await get(fake, `/producer/task/${id}`)).body.data).toHaveLength(2);
			expect((await get(fake, `/producer/task/${lyrics}`)).body.data[0]).toEqual({ clip_id: expect.any(String), title: expect.any(String), lyrics: expect.stringContaining('[Verse]') });
			expect((await get(fake, `/producer/task/${video}`)).body.data[0].video_url).toMatch(/\.mp4$/);
		});

		it('upload imports a URL; download delivers the requested format (large WAV for "large" ids)', async () => {
			const upload = await submit(fake, '/producer/upload', { url: 'https://example.com/my-song.mp3' });
			const mp3 = await submit(fake, '/producer/download', { clip_id: 'c1', format: 'mp3' });
			const wav = await submit(fake, '/producer/download', { clip_id: 'large-1', format: 'wav' });
			fake.advanceTime(FINISH_MS);
			const imported = (await get(fake, `/producer/task/${upload}`)).body.data[0];
			expect(imported).toMatchObject({ title: 'my-song', audio_url: expect.stringMatching(/\.m4a$/) });
			expect((await get(fake, `/producer/task/${mp3}`)).body.data[0]).toMatchObject({ clip_id: 'c1', audio_url: `${fake.origin}/files/c1.mp3`, wav_url: null });
			expect((await get(fake, `/producer/task/${wav}`)).body.data[0].wav_url).toBe(`${fake.origin}/files/large.wav`);
		});
	});

	describe('riffusion', () => {
		it('lists no clips, then one, then two terminal clips', async () => {
			const id = await submit(fake, '/riffusion/create', { custom_mode: false, make_instrumental: false, prompt: 'electronic dance music', mv: 'FUZZ-1.1 Pro' });
			expect((await get(fake, `/riffusion/task/${id}`)).body).toEqual({ code: 200, data: [], message: 'success' });
			fake.advanceTime(30000);
			const one = (await get(fake, `/riffusion/task/${id}`)).body.data;
			expect(one).toHaveLength(1);
			expect(one[0].state).toBe('running');
			fake.advanceTime(21000);
			const two = (await get(fake, `/riffusion/task/${id}`)).body.data;
			expect(two.map((clip: { state: string }) => clip.state)).toEqual(['succeeded', 'running']);
			fake.advanceTime(FINISH_MS);
			const done = (await get(fake, `/riffusion/task/${id}`)).body.data;
			expect(done.map((clip: { state: string }) => clip.state)).toEqual(['succeeded', 'succeeded']);
			expect(done[0]).toMatchObject({ mv: 'FUZZ-1.1 Pro', video_url: null, audio_url: expect.stringMatching(/\.mp3$/), timestamp: expect.any(Number) });
		});

		it('fails clips with the markers; upload answers a clip_id', async () => {
			const id = await submit(fake, '/riffusion/create', { custom_mode: true, make_instrumental: false, lyrics: 'words [fake:fail-one]', sound: 'rock' });
			fake.advanceTime(FINISH_MS);
			expect((await get(fake, `/riffusion/task/${id}`)).body.data.map((clip: { state: string }) => clip.state)).toEqual(['succeeded', 'failed']);
			const upload = await post(fake, '/riffusion/upload', { url: 'https://example.com/a.mp3' });
			expect(upload.body).toEqual({ code: 200, message: 'success', clip_id: expect.any(String) });
		});
	});

	describe('studio', () => {
		it('answers code "success" with data.status IN_PROGRESS → SUCCESS and songs', async () => {
			const id = await submit(fake, '/studio/create', { prompt: 'upbeat jazz fusion', lyrics_type: 'instrumental', prompt_strength: 0.8, model_type: 'studio130-v1.5', config: { mode: 'regular' } });
			fake.advanceTime(30000);
			const running = (await get(fake, `/studio/task/${id}`)).body;
			expect(running.code).toBe('success');
			expect(running.data).toMatchObject({ task_id: id, status: 'IN_PROGRESS', progress: expect.stringMatching(/^5\d%$/), fail_reason: '', data: { songs: [] } });
			fake.advanceTime(FINISH_MS);
			const done = (await get(fake, `/studio/task/${id}`)).body.data;
			expect(done).toMatchObject({ status: 'SUCCESS', progress: '100%', action: 'studio-generate' });
			expect(done.data.songs).toHaveLength(2);
			expect(done.data.songs[0]).toMatchObject({ id: expect.any(String), tags: expect.any(Array), title: expect.any(String), audio_url: expect.stringMatching(/\.mp3$/) });
			expect(done.finish_time).toBeGreaterThan(0);
		});

		it('ends FAILURE with fail_reason under [fake:fail]; needs a source song for continuation', async () => {
			const id = await submit(fake, '/studio/create', { prompt: 'jazz [fake:fail]' });
			fake.advanceTime(FINISH_MS);
			expect((await get(fake, `/studio/task/${id}`)).body.data).toMatchObject({ status: 'FAILURE', fail_reason: expect.stringMatching(/.+/) });
			const missing = await post(fake, '/studio/create', { prompt: 'jazz', config: { mode: 'continuation' } });
			expect(missing.body.error).toBe("The 'config.source.song_id' field is required when config.mode = continuation.");
		});
	});

	describe('nuro', () => {
		it('answers a flat object: pending → running with progress → succeeded with a WAV', async () => {
			const id = await submit(fake, '/nuro/create', { type: 'vocal', lyrics: 'hello world', gender: 'Female', genre: 'Pop', mood: 'Happy', timbre: 'Warm', duration: 60 });
			expect((await get(fake, `/nuro/task/${id}`)).body).toMatchObject({ task_id: id, status: 'pending', progress: 0, audio_url: null });
			fake.advanceTime(30000);
			const running = (await get(fake, `/nuro/task/${id}`)).body;
			expect(running.status).toBe('running');
			expect(running.progress).toBeGreaterThanOrEqual(50);
			expect(running.progress).toBeLessThan(60);
			fake.advanceTime(FINISH_MS);
			const done = (await get(fake, `/nuro/task/${id}`)).body;
			expect(done).toMatchObject({ status: 'succeeded', progress: 100, audio_url: expect.stringMatching(/\.wav$/), lyrics: 'hello world', duration: 60, genre: 'Pop', mood: 'Happy', gender: 'Female', timbre: 'Warm' });
			expect(done.code).toBeUndefined();
		});

		it('bgm jobs, failure, and 410 Gone when nuroGone is set', async () => {
			const bgm = await submit(fake, '/nuro/create', { type: 'bgm', description: 'lofi [fake:fail]', genre: ['Lofi'], mood: ['Calm'], duration: 30 });
			fake.advanceTime(FINISH_MS);
			expect((await get(fake, `/nuro/task/${bgm}`)).body).toMatchObject({ status: 'failed', error_message: expect.any(String) });
			fake.options.nuroGone = true;
			const gone = await post(fake, '/nuro/create', { type: 'bgm' });
			expect(gone.status).toBe(410);
			expect(gone.body.type).toBe('gone');
			expect((await get(fake, `/nuro/task/${bgm}`)).status).toBe(410);
		});
	});

	describe('legacy /suno endpoints', () => {
		it('make-lyrics returns a task id; get-lyrics answers {code:200, data:{status:"complete", title, text}}', async () => {
			const id = await submit(fake, '/suno/make-lyrics', { prompt: 'a song about rain' });
			expect((await get(fake, `/suno/get-lyrics/${id}`)).body.data.status).not.toBe('complete');
			fake.advanceTime(FINISH_MS);
			expect((await get(fake, `/suno/get-lyrics/${id}`)).body).toEqual({
				code: 200,
				message: 'success',
				data: { status: 'complete', title: 'A Song About', text: expect.stringContaining('[Chorus]') },
			});
			expect((await get(fake, '/suno/get-lyrics/unknown')).body.error).toBe('task not found.');
		});

		it('get-song scrapes a share link into clip metadata', async () => {
			const result = await post(fake, '/suno/get-song', { url: 'https://suno.com/song/3f2a1b4c-1111-2222-3333-444455556666' });
			expect(result.status).toBe(200);
			expect(result.body.data).toMatchObject({ clip_id: '3f2a1b4c-1111-2222-3333-444455556666', audio_url: expect.stringMatching(/\.mp3$/), video_url: null });
		});
	});

	it('keeps dialects apart: a sonic poll does not find a producer task', async () => {
		const id = await submit(fake, '/producer/create', { sound: 'x' });
		expect((await get(fake, `/sonic/task/${id}`)).body.error).toBe('task not found.');
	});
});
