import { normalizeNuro } from '../../../../nodes/shared/tasks/nuro';

// Contract §3.9: a flat object without envelope, one song per task.

const flat = (status: string, extra: Record<string, unknown> = {}) => ({
	statusCode: 200,
	body: {
		task_id: 'n1',
		status,
		progress: 0,
		audio_url: null,
		lyrics: 'hello',
		duration: null,
		genre: 'Pop',
		mood: 'Happy',
		gender: 'Female',
		timbre: 'Warm',
		...extra,
	},
});

describe('nuro', () => {
	it('pending with progress 0 → pending, no clip yet', () => {
		expect(normalizeNuro('n1', flat('pending'))).toMatchObject({ dialect: 'nuro', state: 'pending', progress: 0, clips: [] });
	});

	it('running with progress 55 → running', () => {
		expect(normalizeNuro('n1', flat('running', { progress: 55 }))).toMatchObject({ state: 'running', progress: 55 });
	});

	it('succeeded → one clip whose id is the task id', () => {
		const task = normalizeNuro('n1', flat('succeeded', { progress: 100, audio_url: 'https://cdn.musicapi.ai/n1.wav', duration: '30.0' }));
		expect(task).toMatchObject({ state: 'succeeded', progress: 100 });
		expect(task.clips).toHaveLength(1);
		expect(task.clips[0]).toMatchObject({
			clipId: 'n1',
			state: 'succeeded',
			audioUrl: 'https://cdn.musicapi.ai/n1.wav',
			lyrics: 'hello',
			duration: 30,
		});
	});

	it('an id in the body wins over the task id', () => {
		const task = normalizeNuro('n1', flat('succeeded', { id: 'song-9', audio_url: 'https://x/a.wav' }));
		expect(task.clips[0].clipId).toBe('song-9');
	});

	it('no task_id in the body → the polled task id', () => {
		const task = normalizeNuro('n7', { statusCode: 200, body: { status: 'succeeded', audio_url: 'https://x/a.wav' } });
		expect(task.clips[0].clipId).toBe('n7');
	});

	it('failed → failed with the reason', () => {
		expect(normalizeNuro('n1', flat('failed', { error: 'lyrics rejected' }))).toMatchObject({ state: 'failed', error: 'lyrics rejected', clips: [] });
		expect(normalizeNuro('n1', flat('failed')).error).toBe('Task failed');
	});

	it('upper-case and unknown status words', () => {
		expect(normalizeNuro('n1', flat('SUCCEEDED', { audio_url: 'https://x' })).state).toBe('succeeded');
		expect(normalizeNuro('n1', flat('mastering')).state).toBe('running');
	});

	it('an envelope around the flat object is tolerated', () => {
		const task = normalizeNuro('n1', { statusCode: 200, body: { code: 200, data: { status: 'running', progress: '20' } } });
		expect(task).toMatchObject({ state: 'running', progress: 20 });
	});

	it('robustness: null/empty → pending; {type, error} → failed', () => {
		expect(normalizeNuro('n1', { statusCode: 200, body: null }).state).toBe('pending');
		expect(normalizeNuro('n1', { statusCode: 200, body: {} }).state).toBe('pending');
		expect(normalizeNuro('n1', { statusCode: 200, body: { type: 'api_error', error: 'Nuro upstream failed' } })).toMatchObject({
			state: 'failed',
			error: 'Nuro upstream failed',
		});
		expect(normalizeNuro('n1', { statusCode: 410, body: { type: 'gone', error: 'Nuro is retired' } }).state).toBe('failed');
	});
});
