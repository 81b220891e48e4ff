import { type FakeMusicApi, startFakeMusicApi } from './index';
import { CREATE_BODY, post } from './test-helpers';

const ALL_MODELS =
	"'sonic-v3-5', 'sonic-v4', 'sonic-v4-5', 'sonic-v4-5-plus', 'sonic-v5', 'sonic-v5-5', 'sonic-v6', 'sonic-v6-wild', or 'sonic-v6-mini'";
const CUSTOM = { custom_mode: true, mv: 'sonic-v5', prompt: '[Verse]\nHello' };
const x = (count: number): string => 'x'.repeat(count);

/** [what, path, body, expected error message] — every row must answer 400 validation_error and charge nothing. */
const CASES: Array<[string, string, Record<string, unknown>, string]> = [
	['unknown model', '/sonic/create', { ...CREATE_BODY, mv: 'sonic-v9' }, `The 'mv' field is invalid. The model should be ${ALL_MODELS}.`],
	['missing model', '/sonic/create', { custom_mode: false, gpt_description_prompt: 'a song' }, `The 'mv' field is invalid. The model should be ${ALL_MODELS}.`],
	['v4-5-all is rejected by create', '/sonic/create', { ...CREATE_BODY, mv: 'sonic-v4-5-all' }, `The 'mv' field is invalid. The model should be ${ALL_MODELS}.`],
	['custom_mode as string', '/sonic/create', { ...CREATE_BODY, custom_mode: 'false' }, "The 'custom_mode' field should be boolean."],
	['custom_mode missing', '/sonic/create', { mv: 'sonic-v5', gpt_description_prompt: 'a song' }, "The 'custom_mode' field should be boolean."],
	['make_instrumental as string', '/sonic/create', { ...CREATE_BODY, make_instrumental: 'true' }, "The 'make_instrumental' field should be boolean."],
	['use_suno_cdn as string', '/sonic/create', { ...CREATE_BODY, use_suno_cdn: 'false' }, "The 'use_suno_cdn' field should be boolean."],
	['unknown task_type', '/sonic/create', { ...CREATE_BODY, task_type: 'remix' }, "The 'task_type' field is invalid. The task type should be 'create_music', 'extend_music', 'cover_music', 'concat_music', 'persona_music', 'remaster', 'add_instrumental', 'add_vocals', 'extend_upload_music', or 'cover_upload_music'."],
	['prompt over 3000 on v4', '/sonic/create', { ...CUSTOM, mv: 'sonic-v4', prompt: x(3001) }, 'The prompt character length should be less than 3000.'],
	['prompt over 5000 on v5-5', '/sonic/create', { ...CUSTOM, mv: 'sonic-v5-5', prompt: x(5001) }, 'The prompt character length should be less than 5000.'],
	['description over 400', '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: x(401) }, "The 'gpt_description_prompt' character length should be less than 400."],
	['title over 80', '/sonic/create', { ...CUSTOM, title: x(81) }, 'The title character length should be less than 80.'],
	['tags over 200 on v3-5', '/sonic/create', { ...CUSTOM, mv: 'sonic-v3-5', tags: x(201) }, 'The tags character length should be less than 200.'],
	['tags over 1000 on v6', '/sonic/create', { ...CUSTOM, mv: 'sonic-v6', tags: x(1001) }, 'The tags character length should be less than 1000.'],
	['custom mode without prompt', '/sonic/create', { custom_mode: true, mv: 'sonic-v5' }, "The 'prompt' field is required when custom_mode = true."],
	['description mode without description', '/sonic/create', { custom_mode: false, mv: 'sonic-v5' }, "The 'gpt_description_prompt' field is required when custom_mode = false."],
	['auto_lyrics outside custom mode', '/sonic/create', { ...CREATE_BODY, auto_lyrics: true }, "The 'auto_lyrics' field requires custom_mode = true."],
	['style_weight above 1', '/sonic/create', { ...CREATE_BODY, style_weight: 1.01 }, "The 'style_weight' field should be a number between 0 and 1."],
	['weirdness below 0', '/sonic/create', { ...CREATE_BODY, weirdness_constraint: -0.01 }, "The 'weirdness_constraint' field should be a number between 0 and 1."],
	['audio_weight as string', '/sonic/create', { ...CREATE_BODY, audio_weight: '0.5' }, "The 'audio_weight' field should be a number between 0 and 1."],
	['vocal_gender other', '/sonic/create', { ...CREATE_BODY, vocal_gender: 'x' }, "The 'vocal_gender' field should be 'f' or 'm'."],
	['persona without persona_id', '/sonic/create', { ...CREATE_BODY, task_type: 'persona_music' }, "The 'persona_id' field is required when task_type = persona_music."],
	['extend without clip', '/sonic/create', { ...CUSTOM, task_type: 'extend_music', continue_at: 30 }, "The 'continue_clip_id' field is required when task_type = extend_music."],
	['extend without continue_at', '/sonic/create', { ...CUSTOM, task_type: 'extend_music', continue_clip_id: 'c1' }, "The 'continue_at' field is required when task_type = extend_music."],
	['cover without clip', '/sonic/create', { ...CUSTOM, task_type: 'cover_music' }, "The 'continue_clip_id' field is required when task_type = cover_music."],
	['concat without clip', '/sonic/create', { task_type: 'concat_music' }, "The 'continue_clip_id' field is required when task_type = concat_music."],
	['remaster without clip', '/sonic/create', { task_type: 'remaster', mv: 'sonic-v5' }, "The 'continue_clip_id' field is required when task_type = remaster."],
	['add_instrumental without clip', '/sonic/create', { task_type: 'add_instrumental', mv: 'sonic-v5' }, "The 'continue_clip_id' field is required when task_type = add_instrumental."],
	['add_vocals without lyrics', '/sonic/create', { task_type: 'add_vocals', mv: 'sonic-v5', custom_mode: true, continue_clip_id: 'c1' }, "The 'prompt' field is required."],
	['remaster variation', '/sonic/create', { task_type: 'remaster', mv: 'sonic-v5', continue_clip_id: 'c1', variation_category: 'wild' }, "The 'variation_category' field should be 'subtle', 'normal', or 'high'."],
	['overpainting range', '/sonic/create', { task_type: 'add_instrumental', mv: 'sonic-v5', continue_clip_id: 'c1', overpainting_start_s: 30, overpainting_end_s: 10 }, "The 'overpainting_end_s' field should be greater than overpainting_start_s."],
	['duration out of range', '/sonic/create', { ...CREATE_BODY, duration: 9 }, "The 'duration' field should be an integer between 10 and 360."],
	['duration above range', '/sonic/create', { ...CREATE_BODY, duration: 361 }, "The 'duration' field should be an integer between 10 and 360."],
	['duration on remaster', '/sonic/create', { task_type: 'remaster', mv: 'sonic-v5', continue_clip_id: 'c1', duration: 60 }, "The 'duration' field is not supported for task_type = remaster."],
	['duration on concat', '/sonic/create', { task_type: 'concat_music', continue_clip_id: 'c1', duration: 60 }, "The 'duration' field is not supported for task_type = concat_music."],
	['duration on mashup', '/sonic/mashup', { ...CREATE_BODY, mashup_clip_ids: ['a', 'b'], duration: 60 }, "The 'duration' field is not supported for this endpoint."],
	['webhook_url not a URL', '/sonic/create', { ...CREATE_BODY, webhook_url: 'ftp://example.com/hook' }, "The 'webhook_url' field should be a valid http(s) URL."],
	['webhook_url too long', '/sonic/create', { ...CREATE_BODY, webhook_url: `https://example.com/${x(1010)}` }, 'The webhook_url character length should be less than 1024.'],
	['lyrics without description', '/sonic/lyrics', {}, 'description is required.'],
	['lyrics description over 120', '/sonic/lyrics', { description: x(121) }, 'The description character length should be less than 120.'],
	['persona without name', '/sonic/persona', { clip_id: 'c1' }, 'name and clip_id are required fields.'],
	['persona, older body', '/sonic/persona', { name: 'Voice', description: 'warm' }, 'name and continue_clip_id are required fields.'],
	['persona name over 80', '/sonic/persona', { name: x(81), clip_id: 'c1' }, 'The name character length should be less than 80.'],
	['persona description over 200', '/sonic/persona', { name: 'Voice', continue_clip_id: 'c1', description: x(201) }, 'The description character length should be less than 200.'],
	['vox range over 30 s', '/sonic/vox', { clip_id: 'c1', vocal_start_s: 0, vocal_end_s: 31 }, 'The vocal range should be 30 seconds or less.'],
	['bpm without clip', '/sonic/bpm', {}, 'clip_id is required.'],
	['upsample without tags', '/sonic/upsample-tags', {}, 'tags is required.'],
	['upload without url', '/sonic/upload', {}, 'url is required.'],
	['upload with a non-URL', '/sonic/upload', { url: 'not a url' }, "The 'url' field should be a valid http(s) URL."],
	['create-voice without audio', '/sonic/create-voice', { name: 'Me' }, 'audio_url is required.'],
	['stems without clip', '/sonic/stems/full', {}, 'clip_id is required.'],
	['mashup with one clip', '/sonic/mashup', { ...CREATE_BODY, mashup_clip_ids: ['a'] }, "The 'mashup_clip_ids' field should be an array of exactly 2 clip ids."],
	['replace-section without range', '/sonic/replace-section', { clip_id: 'c1', mv: 'sonic-v5' }, 'infill_start_s and infill_end_s are required.'],
	['replace-section reversed range', '/sonic/replace-section', { clip_id: 'c1', mv: 'sonic-v5', infill_start_s: 20, infill_end_s: 10 }, "The 'infill_end_s' field should be greater than infill_start_s."],
	['replace-section infill lyrics over 3000', '/sonic/replace-section', { clip_id: 'c1', mv: 'sonic-v5', infill_start_s: 1, infill_end_s: 10, infill_lyrics: x(3001) }, 'The infill_lyrics character length should be less than 3000.'],
	['sample without source', '/sonic/sample', CREATE_BODY, 'url or sample_clip_id is required.'],
	['upload-extend without continue_at', '/sonic/upload-extend', { ...CREATE_BODY, url: 'https://example.com/a.mp3' }, "The 'continue_at' field is required."],
	['upload-cover without url', '/sonic/upload-cover', CREATE_BODY, 'url is required.'],
	['download with an unknown format', '/sonic/download', { clip_id: 'c1', formats: ['flac'] }, "The 'formats' field should be an array of 'mp3', 'm4a', or 'wav'."],
	['batch too big', '/sonic/batch', { items: Array.from({ length: 11 }, () => CREATE_BODY) }, "The 'items' field should contain between 1 and 10 create requests."],
	['batch item invalid', '/sonic/batch', { items: [CREATE_BODY, { ...CREATE_BODY, mv: 'bad' }] }, `items[1]: The 'mv' field is invalid. The model should be ${ALL_MODELS}.`],
	['producer without sound or lyrics', '/producer/create', { task_type: 'create_music' }, 'sound or lyrics is required.'],
	['producer replace without range', '/producer/create', { task_type: 'replace_music', clip_id: 'c1' }, 'starts_at and ends_at are required.'],
	['producer download format', '/producer/download', { clip_id: 'c1', format: 'flac' }, "The 'format' field should be 'mp3' or 'wav'."],
	['riffusion make_instrumental missing', '/riffusion/create', { custom_mode: false, prompt: 'edm' }, "The 'make_instrumental' field should be boolean."],
	['riffusion model', '/riffusion/create', { custom_mode: false, make_instrumental: false, prompt: 'edm', mv: 'FUZZ-9' }, "The 'mv' field is invalid. The model should be 'FUZZ-1.1 Pro', 'FUZZ-1.0 Pro', 'FUZZ-1.1', or 'FUZZ-1.0'."],
	['studio model', '/studio/create', { prompt: 'jazz', model_type: 'studio-x' }, "The 'model_type' field should be 'studio130-v1.5' or 'studio32-v1.5'."],
	['studio strength', '/studio/create', { prompt: 'jazz', prompt_strength: 2 }, "The 'prompt_strength' field should be a number between 0 and 1."],
	['nuro type', '/nuro/create', { type: 'opera' }, "The 'type' field should be 'vocal' or 'bgm'."],
	['nuro vocal without lyrics', '/nuro/create', { type: 'vocal' }, 'lyrics is required.'],
	['nuro bgm duration', '/nuro/create', { type: 'bgm', duration: 61 }, "The 'duration' field should be between 1 and 60."],
	['make-lyrics without prompt', '/suno/make-lyrics', {}, 'prompt is required.'],
	['get-song without link', '/suno/get-song', {}, 'url is required.'],
];

describe('fake MusicAPI: validation', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ uploadLatencyMs: 0, uploadStepLatencyMs: 0 });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it.each(CASES)('%s → 400 with the documented message, no charge', async (_what, path, body, message) => {
		const before = fake.credits();
		const result = await post(fake, path, body);
		expect(result.body).toEqual({ type: 'validation_error', error: message });
		expect(result.status).toBe(400);
		expect(fake.credits()).toEqual(before);
	});

	it('accepts the limits themselves (5000-char prompt on v5-5, 400-char description, 80-char title, 10 and 360 s)', async () => {
		expect((await post(fake, '/sonic/create', { ...CUSTOM, mv: 'sonic-v5-5', prompt: x(5000), title: x(80), tags: x(1000) })).status).toBe(200);
		expect((await post(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: x(400), duration: 10 })).status).toBe(200);
		expect((await post(fake, '/sonic/create', { ...CREATE_BODY, duration: 360, style_weight: 0, weirdness_constraint: 1 })).status).toBe(200);
		expect((await post(fake, '/sonic/lyrics', { description: x(120) })).status).toBe(200);
		expect((await post(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: 'http://127.0.0.1:9/hook' })).status).toBe(200);
	});

	it('defaults task_type to create_music and needs no model or prompt for concat', async () => {
		expect((await post(fake, '/sonic/create', CREATE_BODY)).status).toBe(200);
		expect((await post(fake, '/sonic/create', { task_type: 'concat_music', continue_clip_id: 'ext-1' })).status).toBe(200);
		expect((await post(fake, '/sonic/create', { ...CUSTOM, make_instrumental: true, prompt: undefined })).status).toBe(200);
	});

	it('lists the active models in the mv error and accepts anything with "*"', async () => {
		fake.options.models = ['sonic-v6', 'sonic-v6-mini'];
		const rejected = await post(fake, '/sonic/create', { ...CREATE_BODY, mv: 'sonic-v5' });
		expect(rejected.body.error).toBe("The 'mv' field is invalid. The model should be 'sonic-v6' or 'sonic-v6-mini'.");
		fake.options.models = ['*'];
		expect((await post(fake, '/sonic/create', { ...CREATE_BODY, mv: 'chirp-v3-5' })).status).toBe(200);
	});

	it('mashup and sample also take sonic-v4-5-all', async () => {
		expect((await post(fake, '/sonic/mashup', { ...CREATE_BODY, mv: 'sonic-v4-5-all', mashup_clip_ids: ['a', 'b'] })).status).toBe(200);
		expect((await post(fake, '/sonic/sample', { ...CREATE_BODY, mv: 'sonic-v4-5-all', sample_clip_id: 'a' })).status).toBe(200);
	});

	it('can require use_suno_cdn, as aimusicapi does since 2026-09', async () => {
		fake.options.requireUseSunoCdn = true;
		expect((await post(fake, '/sonic/create', CREATE_BODY)).body.error).toBe("The 'use_suno_cdn' field should be boolean.");
		expect((await post(fake, '/sonic/create', { ...CREATE_BODY, use_suno_cdn: false })).status).toBe(200);
	});

	it('answers 410 for retired producer task types, without charging', async () => {
		const result = await post(fake, '/producer/create', { task_type: 'swap_music_vocals', clip_id: 'c1' });
		expect(result.status).toBe(410);
		expect(result.body.type).toBe('gone');
		expect(fake.credits().credits).toBe(1000);
	});
});
