import { type FakeMusicApi, startFakeMusicApi } from './index';
import { CREATE_BODY, FINISH_MS, get, post, submit } from './test-helpers';

describe('fake MusicAPI: synchronous sonic utilities', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ uploadLatencyMs: 0, uploadStepLatencyMs: 0 });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('lyrics → {code, message, results: two {title, lyrics}}', async () => {
		const result = await post(fake, '/sonic/lyrics', { description: 'a song about summer nights' });
		expect(result.status).toBe(200);
		expect(result.body).toEqual({
			code: 200,
			message: 'success',
			results: [
				{ title: expect.any(String), lyrics: expect.stringContaining('[Verse]') },
				{ title: expect.any(String), lyrics: expect.stringContaining('[Chorus]') },
			],
		});
	});

	it('aligned-lyrics → data.alignment of timed words from the clip lyrics; 404 for an instrumental', async () => {
		const id = await submit(fake, '/sonic/create', { custom_mode: true, mv: 'sonic-v5', prompt: '[Verse 1]\nCity lights are calling' });
		fake.advanceTime(FINISH_MS);
		const clipId = (await get(fake, `/sonic/task/${id}`)).body.data[0].clip_id;
		const result = await post(fake, '/sonic/aligned-lyrics', { clip_id: clipId });
		expect(result.body.code).toBe(200);
		const words = result.body.data.alignment;
		expect(words).toHaveLength(4);
		expect(words[0]).toEqual({ word: '[Verse 1]\nCity', start_s: expect.any(Number), end_s: expect.any(Number), p_align: expect.any(Number), success: true });
		expect(words[1].word).toBe('lights');
		expect(words[1].start_s).toBeGreaterThan(words[0].end_s);
		const instrumental = await submit(fake, '/sonic/create', { ...CREATE_BODY, make_instrumental: true });
		fake.advanceTime(FINISH_MS);
		const instrumentalClip = (await get(fake, `/sonic/task/${instrumental}`)).body.data[0];
		expect(instrumentalClip.lyrics).toBe('[Instrumental]');
		expect((await post(fake, '/sonic/aligned-lyrics', { clip_id: instrumentalClip.clip_id })).status).toBe(404);
	});

	it('bpm → data {avg_bpm, max_bpm, min_bpm}, stable per clip', async () => {
		const first = await post(fake, '/sonic/bpm', { clip_id: 'clip-1' });
		expect(first.body).toEqual({ code: 200, message: 'success', data: { avg_bpm: expect.any(Number), max_bpm: expect.any(Number), min_bpm: expect.any(Number) } });
		expect(first.body.data.min_bpm).toBeLessThan(first.body.data.max_bpm);
		expect((await post(fake, '/sonic/bpm', { clip_id: 'clip-1' })).body).toEqual(first.body);
	});

	it('upsample-tags → data {upsampled_tags}', async () => {
		const result = await post(fake, '/sonic/upsample-tags', { tags: 'synthwave, retro' });
		expect(result.body.data.upsampled_tags).toMatch(/^synthwave, retro, .+/);
	});

	it('persona → top-level persona_id (current and older body)', async () => {
		const current = await post(fake, '/sonic/persona', { name: 'Warm Voice', clip_id: 'c1', describe: 'soft', vox_audio_id: 'v1', vocal_start_s: 0, vocal_end_s: 20 });
		expect(current.body).toEqual({ code: 200, message: 'success', persona_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect((await post(fake, '/sonic/persona', { name: 'Old', continue_clip_id: 'c1', description: 'x' })).status).toBe(200);
	});

	it('vox → data {vox_audio_id, status, source_clip_id, vocal_start_s, vocal_end_s, wave_response}', async () => {
		const result = await post(fake, '/sonic/vox', { clip_id: 'c1', vocal_start_s: 10, vocal_end_s: 25 });
		expect(result.body.data).toMatchObject({ vox_audio_id: expect.any(String), status: expect.any(String), source_clip_id: 'c1', vocal_start_s: 10, vocal_end_s: 25 });
		expect(Array.isArray(result.body.data.wave_response)).toBe(true);
	});

	it('midi answers 202 not_ready midiNotReadyCalls times per clip, then data {midi_url, instruments}', async () => {
		fake.options.midiNotReadyCalls = 2;
		for (let call = 0; call < 2; call++) {
			const building = await post(fake, '/sonic/midi', { clip_id: 'c1' });
			expect(building.status).toBe(202);
			expect(building.body.type).toBe('not_ready');
		}
		const ready = await post(fake, '/sonic/midi', { clip_id: 'c1' });
		expect(ready.status).toBe(200);
		expect(ready.body.data.midi_url).toBe(`${fake.origin}/files/c1.mid`);
		expect(ready.body.data.instruments[0]).toEqual({ name: expect.any(String), notes: expect.arrayContaining([{ start: 0, end: 0.5, pitch: 60, velocity: 100 }]) });
		expect((await post(fake, '/sonic/midi', { clip_id: 'c2' })).status).toBe(202);
	});

	it('wav → data {wav_url}; "large" clip ids get the large WAV', async () => {
		expect((await post(fake, '/sonic/wav', { clip_id: 'c1' })).body).toEqual({ code: 200, message: 'success', data: { wav_url: `${fake.origin}/files/c1.wav` } });
		expect((await post(fake, '/sonic/wav', { clip_id: 'large' })).body.data.wav_url).toBe(`${fake.origin}/files/large.wav`);
		expect((await post(fake, '/sonic/wav', { clip_id: 'large-song-2' })).body.data.wav_url).toBe(`${fake.origin}/files/large.wav`);
	});

	it('upload → top-level clip_id after uploadLatencyMs; [fake:fail] → 400 inaccessible URL', async () => {
		fake.options.uploadLatencyMs = 150;
		const started = Date.now();
		const result = await post(fake, '/sonic/upload', { url: 'https://example.com/song.mp3' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(result.body).toEqual({ code: 200, message: 'success', clip_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		fake.options.uploadLatencyMs = 0;
		const failed = await post(fake, '/sonic/upload', { url: 'https://example.com/[fake:fail].mp3' });
		expect(failed.status).toBe(400);
		expect(failed.body.error).toBe('Audio URL is not accessible. Please provide a public direct audio file URL.');
	});

	it('download → 202 while preparing, then the requested links; purged sources → 404', async () => {
		expect((await post(fake, '/sonic/download', { clip_id: 'c1', formats: ['mp3', 'wav'] })).status).toBe(202);
		const ready = await post(fake, '/sonic/download', { clip_id: 'c1', formats: ['mp3', 'wav'] });
		expect(ready.body.data).toEqual({ clip_id: 'c1', mp3_url: `${fake.origin}/files/c1.mp3`, wav_url: `${fake.origin}/files/c1.wav` });
		const purged = await post(fake, '/sonic/download', { clip_id: 'purged-clip' });
		expect(purged.status).toBe(404);
		expect(purged.body.type).toBe('not_found');
	});

	it('[fake:fail] on other sync utilities answers 500 server_error', async () => {
		const result = await post(fake, '/sonic/lyrics', { description: 'x [fake:fail]' });
		expect(result.status).toBe(500);
		expect(result.body).toEqual({ type: 'server_error', error: 'Internal Server Error.' });
	});

	it('writes file URLs on publicBaseUrl when set', async () => {
		fake.options.publicBaseUrl = 'http://fake-cdn.test:8080/';
		expect((await post(fake, '/sonic/wav', { clip_id: 'c1' })).body.data.wav_url).toBe('http://fake-cdn.test:8080/files/c1.wav');
	});
});
