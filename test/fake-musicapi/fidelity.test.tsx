import { type FakeMusicApi, startFakeMusicApi } from './index';
import { RETIRED_2026_10 } from './defaults';
import { CREATE_BODY, FINISH_MS, get, post, submit } from './test-helpers';

const poll = (fake: FakeMusicApi, id: string) => get(fake, `/sonic/task/${id}`);
const URL = 'https://example.com/song.mp3';

/** Where the fake follows the contract more closely than a quick reading would: issue 13. */
describe('fake MusicAPI: fidelity to the documented behaviour', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ uploadLatencyMs: 0, uploadStepLatencyMs: 0 });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('defaults: /sonic/upload takes ~20 s and the upload step of upload-cover/extend 45 s (contract §3.3, §3.4)', async () => {
		const other = await startFakeMusicApi();
		try {
			expect(other.options.uploadLatencyMs).toBe(20000);
			expect(other.options.uploadStepLatencyMs).toBe(45000);
		} finally {
			await other.stop();
		}
	});

	it.each(['/sonic/upload-cover', '/sonic/upload-extend'])('%s spends the scaled upload step inside the call', async (path) => {
		fake.options.timeScale = 0.01;
		fake.options.uploadStepLatencyMs = 30000; // 300 ms real
		const started = Date.now();
		const result = await post(fake, path, { ...CREATE_BODY, url: URL, continue_at: 10 });
		expect(result.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
	});

	it.each(['/sonic/upload-cover', '/sonic/upload-extend'])('%s: a failed upload step is a 200 with steps.upload.error, no task, no charge', async (path) => {
		const result = await post(fake, path, { ...CREATE_BODY, title: '[fake:upload-error]', url: URL, continue_at: 10 });
		expect(result.status).toBe(200);
		expect(result.body).toEqual({
			message: 'failed',
			steps: { upload: { error: 'Audio URL is not accessible. Please provide a public direct audio file URL.', message: 'failed' } },
		});
		expect(fake.credits().credits).toBe(1000);
	});

	it('upload-extend answers the plain {message, task_id}', async () => {
		const result = await post(fake, '/sonic/upload-extend', { ...CREATE_BODY, url: URL, continue_at: 10 });
		expect(Object.keys(result.body)).toEqual(['message', 'task_id']);
	});

	it('studioSubmitShape "envelope" answers {code:"success", data:"<id>"}, and the id polls', async () => {
		fake.options.studioSubmitShape = 'envelope';
		const result = await post(fake, '/studio/create', { prompt: 'lofi beat' });
		expect(result.body).toEqual({ code: 'success', message: '', data: expect.any(String) });
		expect((await get(fake, `/studio/task/${result.body.data as string}`)).status).toBe(200);
	});

	it('audioUrlLagMs: clips say succeeded before their audio_url exists', async () => {
		fake.options.audioUrlLagMs = 15000; // longer than the 10 s between the two clips' ends
		const id = await submit(fake, '/sonic/create', CREATE_BODY);
		fake.advanceTime(FINISH_MS);
		const early = (await poll(fake, id)).body.data;
		expect(early.map((clip: { state: string; audio_url: unknown }) => [clip.state, clip.audio_url])).toEqual([
			['succeeded', null],
			['succeeded', null],
		]);
		fake.advanceTime(15000);
		const late = (await poll(fake, id)).body.data;
		for (const clip of late) expect(clip.audio_url).toMatch(/\.mp3$/);
	});

	it('retiredModels: a retired model runs as its successor and the clips say so in mv', async () => {
		fake.options.retiredModels = { ...RETIRED_2026_10 };
		const id = await submit(fake, '/sonic/create', { ...CREATE_BODY, mv: 'sonic-v5' });
		const kept = await submit(fake, '/sonic/create', { ...CREATE_BODY, mv: 'sonic-v6-wild' });
		fake.advanceTime(FINISH_MS);
		expect((await poll(fake, id)).body.data.map((clip: { mv: string }) => clip.mv)).toEqual(['sonic-v6', 'sonic-v6']);
		expect((await poll(fake, kept)).body.data[0].mv).toBe('sonic-v6-wild');
	});

	it('stems of a known clip are titled after it; VOX hands out the segment as audio_url', async () => {
		const song = await submit(fake, '/sonic/create', { ...CREATE_BODY, custom_mode: true, prompt: '[Verse] hi', title: 'Source Song' });
		fake.advanceTime(FINISH_MS);
		const clipId = (await poll(fake, song)).body.data[0].clip_id as string;
		const stems = await submit(fake, '/sonic/stems/basic', { clip_id: clipId });
		fake.advanceTime(FINISH_MS);
		expect((await poll(fake, stems)).body.data.map((clip: { title: string }) => clip.title)).toEqual(['Source Song Vocals', 'Source Song Instrumental']);

		const vox = await post(fake, '/sonic/vox', { clip_id: clipId });
		expect(vox.body.data.audio_url).toMatch(/\.mp3$/);
		fake.options.voxAudioUrl = false;
		expect((await post(fake, '/sonic/vox', { clip_id: clipId })).body.data.audio_url).toBeUndefined();
	});
});
