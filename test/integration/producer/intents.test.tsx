import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const producer = (operation: string, params: Record<string, unknown>) => ({ resource: 'producer', operation, completion: 'submit', ...params });

describe('Producer: each task type its own operation, with its own fields', () => {
	it.each([
		['Create Music', 'create', { sound: 'calm piano' }, { task_type: 'create_music', mv: 'FUZZ-2.0', sound: 'calm piano' }],
		[
			'Extend Music',
			'extend',
			{ clipId: 'clip-1', startsAt: 30, lyrics: '[Outro]', instruction: 'fade out', additionalFields: { length: 20 } },
			{ task_type: 'extend_music', clip_id: 'clip-1', starts_at: 30, lyrics: '[Outro]', instruction: 'fade out', length: 20 },
		],
		[
			'Replace a Section of Music',
			'replaceSection',
			{ clipId: 'clip-1', startsAt: 10, endsAt: 20, instruction: 'add a guitar solo' },
			{ task_type: 'replace_music', clip_id: 'clip-1', starts_at: 10, ends_at: 20, instruction: 'add a guitar solo' },
		],
		[
			'Cover Music',
			'cover',
			{ clipId: 'clip-1', sound: 'jazz trio', additionalFields: { strength: 0.6 } },
			{ task_type: 'cover_music', clip_id: 'clip-1', sound: 'jazz trio', strength: 0.6 },
		],
		['Write Lyrics', 'writeLyrics', { prompt: 'night trains' }, { task_type: 'make_lyrics', prompt: 'night trains' }],
		['Make a Video', 'videoClip', { clipId: 'clip-1' }, { task_type: 'video_clip', clip_id: 'clip-1' }],
	])('%s sends exactly its body', async (_name, operation, params, expected) => {
		const result = await runMusicApi(fake(), producer(operation, params));
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([expected]);
	});

	it('an operation on a clip reads the incoming item’s clipId by default', async () => {
		const result = await runMusicApi(fake(), producer('videoClip', {}), { items: [{ clipId: 'from-before' }] });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([{ task_type: 'video_clip', clip_id: 'from-before' }]);
	});

	it.each([
		['a section that ends before it starts', 'replaceSection', { clipId: 'c', startsAt: 20, endsAt: 10 }, '[item 0] End (Seconds): 10 must be greater than Start (Seconds) (20)'],
		['Write Lyrics whose description comes out empty', 'writeLyrics', { prompt: '={{ "" }}' }, '[item 0] Lyrics Description: is required but empty'],
		['Create Music with neither description nor lyrics', 'create', {}, '[item 0] Music Description / Lyrics: at least one is required to create music; all are empty'],
	])('refuses %s before sending, naming the field and the item', async (_name, operation, params, message) => {
		const result = await runMusicApi(fake(), producer(operation, params));
		expect(result.error?.message).toBe(message);
		expect(fake().requests).toHaveLength(0);
	});
});

describe('Producer Extend Music starts where the incoming clip ends; 0 is not a stand-in', () => {
	it('continues from the incoming clip’s end by default', async () => {
		const result = await runMusicApi(fake(), producer('extend', { instruction: 'fade out' }), { items: [{ clipId: 'c-9', duration: 95.5 }] });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([{ task_type: 'extend_music', clip_id: 'c-9', starts_at: 95.5, instruction: 'fade out' }]);
	});

	it.each([
		['with no incoming clip, the field is empty and required', {}, '[item 0] Start (Seconds): is required but empty'],
		['0 is refused', { startsAt: 0 }, '[item 0] Start (Seconds): is 0; give the second of the source clip where the new part starts (e.g. 30)'],
	])('%s', async (_name, params, message) => {
		const result = await runMusicApi(fake(), producer('extend', { clipId: 'c-1', ...params }));
		expect(result.error?.message).toBe(message);
		expect(fake().requests).toHaveLength(0);
	});
});
