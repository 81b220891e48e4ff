import {
	envelopeVerdict,
	errorText,
	mapClip,
	parseDuration,
	parseProgress,
	summarize,
	toClipState,
	toRaw,
} from '../../../../nodes/shared/tasks/clip';

describe('parseDuration', () => {
	it.each([
		['104.88', 104.88],
		[' 60 ', 60],
		[12.5, 12.5],
		['0', 0],
	])('%p → %p', (input, expected) => {
		expect(parseDuration(input)).toBe(expected);
	});

	it.each([[undefined], [null], [''], ['garbage'], ['12abc'], [Number.NaN], [Infinity], ['-3'], [{}], [[]]])(
		'%p → undefined, never NaN',
		(input) => {
			expect(parseDuration(input)).toBeUndefined();
		},
	);
});

describe('parseProgress', () => {
	it.each([
		['40%', 40],
		['100%', 100],
		[' 7.5% ', 7.5],
		[55, 55],
		[140, 100],
		[-5, 0],
	])('%p → %p', (input, expected) => {
		expect(parseProgress(input)).toBe(expected);
	});

	it.each([[undefined], [''], ['%'], ['lots']])('%p → undefined', (input) => {
		expect(parseProgress(input)).toBeUndefined();
	});
});

describe('toClipState', () => {
	it.each([
		['pending', 'pending'],
		['running', 'running'],
		['streaming', 'streaming'],
		['succeeded', 'succeeded'],
		['failed', 'failed'],
		['SUCCESS', 'succeeded'],
		['Failure', 'failed'],
		['queued', 'pending'],
	])('%p → %p', (input, expected) => {
		expect(toClipState(input)).toBe(expected);
	});

	it('treats unknown or missing states as running', () => {
		expect(toClipState('rendering_v2')).toBe('running');
		expect(toClipState(undefined)).toBe('running');
		expect(toClipState(42)).toBe('running');
	});
});

describe('mapClip', () => {
	it('maps the documented clip fields', () => {
		const raw = {
			clip_id: 'c1',
			state: 'succeeded',
			title: 'Night Drive',
			tags: 'synthwave, retro',
			lyrics: '[Verse]…',
			audio_url: 'https://cdn1.suno.ai/c1.mp3',
			image_url: 'https://cdn2.suno.ai/c1.jpeg',
			video_url: null,
			duration: '104.88',
			mv: 'sonic-v5',
		};
		expect(mapClip(raw)).toEqual({
			clipId: 'c1',
			state: 'succeeded',
			title: 'Night Drive',
			tags: 'synthwave, retro',
			lyrics: '[Verse]…',
			audioUrl: 'https://cdn1.suno.ai/c1.mp3',
			imageUrl: 'https://cdn2.suno.ai/c1.jpeg',
			duration: 104.88,
			model: 'sonic-v5',
			raw,
		});
	});

	it('takes the error only from failed clips', () => {
		expect(mapClip({ clip_id: 'a', state: 'failed', error_message: 'Moderated' }).error).toBe('Moderated');
		expect(mapClip({ clip_id: 'a', state: 'failed' }).error).toBe('Clip failed');
		expect(mapClip({ clip_id: 'a', state: 'running', error_message: '' }).error).toBeUndefined();
	});

	it('joins array tags, reads id/lyric/song_path/wav_url spellings', () => {
		const clip = mapClip({ id: 's1', tags: ['pop', 'dance'], lyric: 'la', song_path: 'https://x/s1.mp3', wav_url: 'https://x/s1.wav' });
		expect(clip).toMatchObject({ clipId: 's1', tags: 'pop, dance', lyrics: 'la', audioUrl: 'https://x/s1.mp3', wavUrl: 'https://x/s1.wav' });
	});

	it('uses the given state and id when the clip has none', () => {
		expect(mapClip({}, { state: 'succeeded', fallbackId: 't1' })).toMatchObject({ clipId: 't1', state: 'succeeded' });
		expect(mapClip({}).state).toBe('running');
	});

	it('falls back to the title for the stem name only on stems tasks', () => {
		expect(mapClip({ clip_id: 'a', stem_type: 'drums', title: 'X' }).stemType).toBe('drums');
		expect(mapClip({ clip_id: 'a', title: 'Vocals' }, { stems: true }).stemType).toBe('Vocals');
		expect(mapClip({ clip_id: 'a', title: 'Vocals' }).stemType).toBeUndefined();
	});

	it('leaves garbage duration undefined', () => {
		expect(mapClip({ clip_id: 'a', duration: 'n/a' }).duration).toBeUndefined();
		expect('duration' in mapClip({ clip_id: 'a', duration: 'n/a' })).toBe(false);
	});
});

describe('summarize', () => {
	it('is pending with no units or only pending ones', () => {
		expect(summarize([])).toEqual({ state: 'pending' });
		expect(summarize([{ state: 'pending' }, { state: 'pending' }])).toEqual({ state: 'pending' });
	});

	it('is running while any unit is not terminal', () => {
		expect(summarize([{ state: 'succeeded' }, { state: 'running' }]).state).toBe('running');
		expect(summarize([{ state: 'pending' }, { state: 'streaming' }]).state).toBe('running');
		expect(summarize([{ state: 'failed' }, { state: 'pending' }]).state).toBe('running');
	});

	it('succeeds when at least one unit succeeded, fails only when all failed', () => {
		expect(summarize([{ state: 'succeeded' }, { state: 'failed', error: 'x' }])).toEqual({ state: 'succeeded' });
		expect(summarize([{ state: 'failed' }, { state: 'failed', error: 'why' }])).toEqual({ state: 'failed', error: 'why' });
		expect(summarize([{ state: 'failed' }])).toEqual({ state: 'failed', error: 'Every clip failed' });
	});
});

describe('envelopeVerdict', () => {
	it('is pending for 202, not_ready, transient statuses and non-object bodies', () => {
		expect(envelopeVerdict({ statusCode: 202, body: {} })).toEqual({ state: 'pending' });
		expect(envelopeVerdict({ statusCode: 200, body: { type: 'not_ready' } })).toEqual({ state: 'pending' });
		expect(envelopeVerdict({ statusCode: 429, body: { type: 'rate_limit', error: 'slow down' } })).toEqual({ state: 'pending' });
		expect(envelopeVerdict({ statusCode: 503, body: null })).toEqual({ state: 'pending' });
		expect(envelopeVerdict({ statusCode: 200, body: null })).toEqual({ state: 'pending' });
		expect(envelopeVerdict({ statusCode: 200, body: '' })).toEqual({ state: 'pending' });
		expect(envelopeVerdict({ statusCode: 200, body: 42 })).toEqual({ state: 'pending' });
		expect(envelopeVerdict({ statusCode: 200, body: { code: 102 } })).toEqual({ state: 'pending' });
	});

	it('fails on error bodies and final HTTP errors', () => {
		expect(envelopeVerdict({ statusCode: 200, body: { type: 'api_error', error: 'boom' } })).toEqual({ state: 'failed', error: 'boom' });
		expect(envelopeVerdict({ statusCode: 400, body: { message: 'task not found.' } })).toEqual({ state: 'failed', error: 'task not found.' });
		expect(envelopeVerdict({ statusCode: 504, body: { detail: 'Task failed due to timeout.' } })).toEqual({
			state: 'failed',
			error: 'Task failed due to timeout.',
		});
		expect(envelopeVerdict({ statusCode: 404, body: null })).toEqual({ state: 'failed', error: 'HTTP 404' });
		expect(envelopeVerdict({ statusCode: 200, body: { code: 500, message: 'Internal' } })).toEqual({ state: 'failed', error: 'Internal' });
	});

	it('lets ordinary bodies through', () => {
		expect(envelopeVerdict({ statusCode: 200, body: { code: 200, message: 'success', data: [] } })).toBeUndefined();
		expect(envelopeVerdict({ statusCode: 200, body: { message: 'success', data: [] } })).toBeUndefined();
		expect(envelopeVerdict({ statusCode: 200, body: { code: 'success', data: {} } })).toBeUndefined();
	});
});

describe('errorText / toRaw', () => {
	it('reads detail, error (string or object), then message', () => {
		expect(errorText({ detail: 'd', error: 'e', message: 'm' })).toBe('d');
		expect(errorText({ error: { message: 'nested' } })).toBe('nested');
		expect(errorText({ message: 'm' })).toBe('m');
		expect(errorText({})).toBeUndefined();
	});

	it('keeps non-object bodies usable as raw', () => {
		expect(toRaw(null)).toEqual({});
		expect(toRaw('Bad Gateway')).toEqual({ body: 'Bad Gateway' });
		expect(toRaw([{ a: 1 }, 2])).toEqual({ data: [{ a: 1 }] });
	});
});
