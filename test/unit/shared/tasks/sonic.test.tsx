import type { IDataObject } from 'n8n-workflow';

import { normalizeSonic } from '../../../../nodes/shared/tasks/sonic';
import { isTerminal } from '../../../../nodes/shared/tasks/types';

// Payloads follow contract §3.2 (docs/webhook example values, live phase sequence).

function clip(id: string, state: string, extra: IDataObject = {}): IDataObject {
	return {
		clip_id: id,
		state,
		title: 'Night Drive',
		tags: 'synthwave, retro',
		negative_tags: '',
		lyrics: '[Verse]…',
		gpt_description_prompt: null,
		audio_url: state === 'succeeded' ? `https://cdn1.suno.ai/${id}.mp3` : null,
		image_url: `https://cdn2.suno.ai/${id}.jpeg`,
		video_url: null,
		created_at: '2026-07-15T10:00:00.000Z',
		duration: state === 'succeeded' ? '104.88' : null,
		mv: 'sonic-v5',
		style_weight: 0.8,
		weirdness_constraint: 0.25,
		...extra,
	};
}

const ok = (data: unknown, code = true) => ({
	statusCode: 200,
	body: code ? { code: 200, message: 'success', data } : { message: 'success', data },
});

describe('sonic: not ready', () => {
	it.each([
		['202 with not_ready body', 202, { type: 'not_ready', message: 'Task is not ready' }],
		['200 with not_ready body', 200, { type: 'not_ready' }],
		['202 with an empty object', 202, {}],
		['202 with no body', 202, null],
	])('%s → pending', (_name, statusCode, body) => {
		const task = normalizeSonic('t1', { statusCode, body });
		expect(task).toMatchObject({ taskId: 't1', dialect: 'sonic', state: 'pending', clips: [] });
		expect(task.error).toBeUndefined();
		expect(isTerminal(task)).toBe(false);
	});

	it('200 with code 200 but no data yet → pending', () => {
		expect(normalizeSonic('t1', { statusCode: 200, body: { code: 200, message: 'success' } }).state).toBe('pending');
		expect(normalizeSonic('t1', ok([])).state).toBe('pending');
	});
});

describe('sonic: running phase (code 200 is not terminal)', () => {
	it.each(['pending', 'running', 'streaming'])('two clips %s → not terminal', (state) => {
		const task = normalizeSonic('t1', ok([clip('a', state), clip('b', state)]));
		expect(task.state).toBe(state === 'pending' ? 'pending' : 'running');
		expect(task.clips.map((c) => c.state)).toEqual([state, state]);
		expect(isTerminal(task)).toBe(false);
	});

	it('staggered: one succeeded + one running → running', () => {
		const task = normalizeSonic('t1', ok([clip('a', 'succeeded'), clip('b', 'running')]));
		expect(task.state).toBe('running');
		expect(task.clips[0]).toMatchObject({ clipId: 'a', state: 'succeeded', duration: 104.88 });
	});

	it('unknown clip states count as running', () => {
		expect(normalizeSonic('t1', ok([clip('a', 'succeeded'), clip('b', 'uploading')])).state).toBe('running');
		expect(normalizeSonic('t1', ok([clip('a', 'succeeded'), { clip_id: 'b' }])).state).toBe('running');
	});
});

describe('sonic: terminal', () => {
	it.each([
		['with code', true],
		['without code (live shape)', false],
	])('all succeeded %s → succeeded with mapped clips', (_name, withCode) => {
		const task = normalizeSonic('t1', ok([clip('a', 'succeeded'), clip('b', 'succeeded')], withCode));
		expect(task.state).toBe('succeeded');
		expect(task.error).toBeUndefined();
		expect(task.clips).toHaveLength(2);
		expect(task.clips[1]).toMatchObject({
			clipId: 'b',
			state: 'succeeded',
			title: 'Night Drive',
			tags: 'synthwave, retro',
			audioUrl: 'https://cdn1.suno.ai/b.mp3',
			imageUrl: 'https://cdn2.suno.ai/b.jpeg',
			duration: 104.88,
			model: 'sonic-v5',
		});
		expect(task.clips[1].videoUrl).toBeUndefined();
		expect(task.clips[1].raw.style_weight).toBe(0.8);
	});

	it.each(['chirp-v5', 'sonic-v5', 'sonic-v5-5'])('echoes mv %p as the model, unchanged', (mv) => {
		const task = normalizeSonic('t1', ok([clip('a', 'succeeded', { mv }), clip('b', 'succeeded', { mv })]));
		expect(task.clips.map((c) => c.model)).toEqual([mv, mv]);
	});

	it('one failed clip → succeeded, the failed clip kept with its error', () => {
		const task = normalizeSonic('t1', ok([clip('a', 'succeeded'), clip('b', 'failed', { error_message: 'Content moderated' })]));
		expect(task.state).toBe('succeeded');
		expect(task.error).toBeUndefined();
		expect(task.clips[1]).toMatchObject({ clipId: 'b', state: 'failed', error: 'Content moderated' });
	});

	it('all failed → failed with the reason', () => {
		const task = normalizeSonic(
			't1',
			ok([clip('a', 'failed', { error_message: 'Lyrics flagged' }), clip('b', 'failed', { error_message: 'Lyrics flagged' })]),
		);
		expect(task).toMatchObject({ state: 'failed', error: 'Lyrics flagged' });
		expect(isTerminal(task)).toBe(true);
	});

	it('missing or garbage duration → undefined, never NaN', () => {
		const task = normalizeSonic('t1', ok([clip('a', 'succeeded', { duration: undefined }), clip('b', 'succeeded', { duration: 'soon' })]));
		for (const c of task.clips) {
			expect(c.duration).toBeUndefined();
			expect(Number.isNaN(c.duration)).toBe(false);
		}
	});

	it('keeps the body as raw', () => {
		const response = ok([clip('a', 'succeeded')]);
		expect(normalizeSonic('t1', response).raw).toBe(response.body);
	});
});

describe('sonic: special data shapes', () => {
	it('create-voice persona object → succeeded with persona', () => {
		const task = normalizeSonic('v1', { statusCode: 200, body: { code: 200, data: { persona_id: 'p-123', name: 'My voice' } } });
		expect(task).toMatchObject({ state: 'succeeded', clips: [], persona: { personaId: 'p-123', name: 'My voice' } });
	});

	it('create-voice without a name still yields the persona', () => {
		const task = normalizeSonic('v1', { statusCode: 200, body: { code: 200, data: { persona_id: 'p-1' } } });
		expect(task.persona).toEqual({ personaId: 'p-1' });
	});

	it('a data object that is neither persona nor clip → pending', () => {
		expect(normalizeSonic('v1', { statusCode: 200, body: { code: 200, data: {} } }).state).toBe('pending');
	});

	it('stems: one clip per stem with stem_type, title as fallback', () => {
		const task = normalizeSonic(
			's1',
			ok([
				clip('v', 'succeeded', { stem_type: 'vocals', title: 'Night Drive (Vocals)' }),
				clip('i', 'succeeded', { stem_type: 'instrumental' }),
				clip('d', 'succeeded', { title: 'Drums' }),
				clip('b', 'running', { title: 'Bass' }),
			]),
		);
		expect(task.state).toBe('running');
		expect(task.clips.map((c) => c.stemType)).toEqual(['vocals', 'instrumental', 'Drums', 'Bass']);
	});

	it('stems hint: title fallback even when no clip carries stem_type', () => {
		const task = normalizeSonic('s1', ok([clip('v', 'succeeded', { title: 'Vocals' }), clip('i', 'succeeded', { title: 'Instrumental' })]), {
			stems: true,
		});
		expect(task.clips.map((c) => c.stemType)).toEqual(['Vocals', 'Instrumental']);
	});

	it('ordinary clips get no stem type', () => {
		const task = normalizeSonic('t1', ok([clip('a', 'succeeded'), clip('b', 'succeeded')]));
		expect(task.clips.every((c) => c.stemType === undefined)).toBe(true);
	});

	it('concat: a single full clip → succeeded', () => {
		const task = normalizeSonic('c1', ok([clip('full-1', 'succeeded', { duration: '208.5' })]));
		expect(task.state).toBe('succeeded');
		expect(task.clips).toHaveLength(1);
		expect(task.clips[0]).toMatchObject({ clipId: 'full-1', duration: 208.5 });
	});

	it('a single clip object instead of an array is tolerated', () => {
		const task = normalizeSonic('c1', { statusCode: 200, body: { code: 200, data: clip('x', 'succeeded') } });
		expect(task).toMatchObject({ state: 'succeeded', clips: [{ clipId: 'x' }] });
	});
});

describe('sonic: auto_concat pairs', () => {
	it('full null → running, extended half kept with its role', () => {
		const task = normalizeSonic('u1', ok([{ extended: clip('e1', 'succeeded'), full: null }, { extended: clip('e2', 'succeeded'), full: null }]));
		expect(task.state).toBe('running');
		expect(task.clips.map((c) => [c.clipId, c.role])).toEqual([
			['e1', 'extended'],
			['e2', 'extended'],
		]);
	});

	it('full terminal → done, roles set on both halves', () => {
		const task = normalizeSonic(
			'u1',
			ok([
				{ extended: clip('e1', 'succeeded'), full: clip('f1', 'succeeded', { duration: '200.1' }) },
				{ extended: clip('e2', 'succeeded'), full: clip('f2', 'succeeded') },
			]),
		);
		expect(task.state).toBe('succeeded');
		expect(task.clips.map((c) => [c.clipId, c.role])).toEqual([
			['e1', 'extended'],
			['f1', 'full'],
			['e2', 'extended'],
			['f2', 'full'],
		]);
		expect(task.clips[1].duration).toBe(200.1);
	});

	it('replaced pairs: one done, one still concatenating → running', () => {
		const task = normalizeSonic(
			'r1',
			ok([
				{ replaced: clip('r1', 'succeeded'), full: clip('f1', 'succeeded') },
				{ replaced: clip('r2', 'succeeded'), full: null },
			]),
		);
		expect(task.state).toBe('running');
		expect(task.clips.map((c) => c.role)).toEqual(['replaced', 'full', 'replaced']);
	});

	it('full clip failed on every pair → failed with its reason', () => {
		const task = normalizeSonic('u1', ok([{ extended: clip('e1', 'succeeded'), full: clip('f1', 'failed', { error_message: 'concat failed' }) }]));
		expect(task).toMatchObject({ state: 'failed', error: 'concat failed' });
	});

	it('extended half failed and full null → that pair is failed, not waiting forever', () => {
		const task = normalizeSonic('u1', ok([{ extended: clip('e1', 'failed', { error_message: 'bad upload' }), full: null }]));
		expect(task).toMatchObject({ state: 'failed', error: 'bad upload' });
	});
});

describe('sonic: robustness', () => {
	it.each([
		['null', null],
		['undefined', undefined],
		['empty string', ''],
		['a number', 7],
		['an array of junk', [1, 'x']],
		['an empty object', {}],
		['data of the wrong type', { code: 200, data: 'soon' }],
		['data with junk items', { code: 200, data: [null, 3, 'x'] }],
	])('%s body → pending, no crash', (_name, body) => {
		const task = normalizeSonic('t1', { statusCode: 200, body });
		expect(task.state).toBe('pending');
		expect(task.taskId).toBe('t1');
	});

	it('{type, error} in a 200 → failed with that error', () => {
		const task = normalizeSonic('t1', { statusCode: 200, body: { type: 'server_error', error: 'Internal Server Error.' } });
		expect(task).toMatchObject({ state: 'failed', error: 'Internal Server Error.', clips: [] });
	});

	it('504 timeout → failed with the API message', () => {
		const message = 'Task failed due to timeout. Credits were previously refunded.';
		const task = normalizeSonic('t1', { statusCode: 504, body: { type: 'timeout', error: message } });
		expect(task).toMatchObject({ state: 'failed', error: message });
	});

	it('400 task not found → failed', () => {
		expect(normalizeSonic('t1', { statusCode: 400, body: { message: 'task not found.' } })).toMatchObject({
			state: 'failed',
			error: 'task not found.',
		});
	});

	it('429 / 502 are transient → pending, not failed', () => {
		expect(normalizeSonic('t1', { statusCode: 429, body: { type: 'rate_limit', error: 'Too many' } }).state).toBe('pending');
		expect(normalizeSonic('t1', { statusCode: 502, body: '<html>Bad Gateway</html>' }).state).toBe('pending');
	});

	it('body code 102 → pending', () => {
		expect(normalizeSonic('t1', { statusCode: 200, body: { code: 102, message: 'processing' } }).state).toBe('pending');
	});
});
