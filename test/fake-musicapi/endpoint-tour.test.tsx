import { type FakeMusicApi, startFakeMusicApi } from './index';
import { API_ROUTES } from './routes';
import { matchRoute } from './routes/route';
import { CREATE_BODY, FINISH_MS, get, post, submit } from './test-helpers';

/** The "missing task id." helpers are error routes, not endpoints of the contract. */
const MISSING_ID_ROUTE = /^\/(sonic|producer|riffusion|studio|nuro)\/task\/?$|^\/suno\/(clip|get-lyrics)\/?$/;

describe('fake MusicAPI: every endpoint of contract §2 answers successfully', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ uploadLatencyMs: 0, uploadStepLatencyMs: 0, midiNotReadyCalls: 0, downloadNotReadyCalls: 0 });
	});
	afterAll(() => fake.stop());

	it('tours all routes', async () => {
		const url = 'https://example.com/track.mp3';
		const sonic = [
			await submit(fake, '/sonic/create', CREATE_BODY),
			await submit(fake, '/suno/create', CREATE_BODY),
			await submit(fake, '/sonic/create-voice', { audio_url: url }),
			await submit(fake, '/sonic/stems/basic', { clip_id: 'c1' }),
			await submit(fake, '/sonic/stems/full', { clip_id: 'c1' }),
			await submit(fake, '/sonic/mashup', { ...CREATE_BODY, mashup_clip_ids: ['a', 'b'] }),
			await submit(fake, '/sonic/replace-section', { clip_id: 'c1', mv: 'sonic-v5', infill_start_s: 1, infill_end_s: 5 }),
			await submit(fake, '/sonic/sample', { ...CREATE_BODY, sample_clip_id: 'c1' }),
			await submit(fake, '/sonic/upload-cover', { ...CREATE_BODY, url }),
			await submit(fake, '/sonic/upload-extend', { ...CREATE_BODY, url, continue_at: 10 }),
		];
		const batch = (await post(fake, '/sonic/batch', { items: [CREATE_BODY] })).body.batch_id;
		const producer = await submit(fake, '/producer/create', { sound: 'calm piano' });
		await submit(fake, '/producer/upload', { url });
		await submit(fake, '/producer/download', { clip_id: 'c1', format: 'wav' });
		const riffusion = await submit(fake, '/riffusion/create', { custom_mode: false, make_instrumental: true, prompt: 'edm' });
		const studio = await submit(fake, '/studio/create', { prompt: 'jazz' });
		const nuro = await submit(fake, '/nuro/create', { type: 'bgm', description: 'lofi' });
		const lyrics = await submit(fake, '/suno/make-lyrics', { prompt: 'rain' });
		for (const [path, body] of [
			['/sonic/lyrics', { description: 'rain' }],
			['/sonic/aligned-lyrics', { clip_id: 'c1' }],
			['/sonic/bpm', { clip_id: 'c1' }],
			['/sonic/upsample-tags', { tags: 'pop' }],
			['/sonic/persona', { name: 'Me', clip_id: 'c1' }],
			['/sonic/vox', { clip_id: 'c1' }],
			['/sonic/midi', { clip_id: 'c1' }],
			['/sonic/wav', { clip_id: 'c1' }],
			['/sonic/upload', { url }],
			['/sonic/download', { clip_id: 'c1', formats: ['mp3'] }],
			['/riffusion/upload', { url }],
			['/suno/get-song', { url: 'https://suno.com/song/abc' }],
		] as const) {
			expect([path, (await post(fake, path, body)).status]).toEqual([path, 200]);
		}
		fake.advanceTime(FINISH_MS);
		for (const id of sonic) expect((await get(fake, `/sonic/task/${id}`)).status).toBe(200);
		expect((await get(fake, `/suno/clip/${sonic[0]}`)).status).toBe(200);
		expect((await get(fake, `/sonic/batch?batch_id=${batch}`)).status).toBe(200);
		expect((await get(fake, `/producer/task/${producer}`)).status).toBe(200);
		expect((await get(fake, `/riffusion/task/${riffusion}`)).status).toBe(200);
		expect((await get(fake, `/studio/task/${studio}`)).status).toBe(200);
		expect((await get(fake, `/nuro/task/${nuro}`)).status).toBe(200);
		expect((await get(fake, `/suno/get-lyrics/${lyrics}`)).status).toBe(200);
		expect((await get(fake, '/get-credits')).status).toBe(200);

		const endpoints = API_ROUTES.filter((route) => !MISSING_ID_ROUTE.test(route.path));
		const unvisited = endpoints.filter(
			(route) => !fake.requests.some((request) => request.status < 300 && matchRoute([route], request.method, request.path) !== undefined),
		);
		expect(unvisited.map((route) => `${route.method} ${route.path}`)).toEqual([]);
		// Sonic 20 + batch POST/GET, suno 5, producer 4, riffusion 3, studio 2, nuro 2, get-credits.
		expect(endpoints).toHaveLength(39);
	});
});
