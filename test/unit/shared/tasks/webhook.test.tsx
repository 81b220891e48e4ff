import type { IDataObject } from 'n8n-workflow';

import { normalizeWebhookDelivery } from '../../../../nodes/shared/tasks';

// Contract §5.1: `{code, message, task_id, platform, event, data}`; platform `suno` (docs) or `sonic`
// (a production receiver), `producer`, `nuro`; failure = event ending in `.failed` or code != 200.

const sonicClip = (id: string, state = 'succeeded', extra: IDataObject = {}): IDataObject => ({
	clip_id: id,
	state,
	title: 'Night Drive',
	tags: 'synthwave',
	lyrics: '[Verse]…',
	audio_url: `https://cdn1.suno.ai/${id}.mp3`,
	image_url: `https://cdn2.suno.ai/${id}.jpeg`,
	video_url: null,
	duration: '104.88',
	mv: 'chirp-v5',
	...extra,
});

const delivery = (platform: string | undefined, event: string | undefined, data: unknown, extra: IDataObject = {}) => ({
	code: 200,
	message: 'success',
	task_id: 'task-1',
	platform,
	event,
	data,
	...extra,
});

describe('normalizeWebhookDelivery', () => {
	it.each(['suno', 'sonic', 'SUNO'])('platform %p → sonic dialect, completed', (platform) => {
		const body = delivery(platform, 'song.completed', [sonicClip('a'), sonicClip('b')]);
		const result = normalizeWebhookDelivery(body);
		expect(result).toMatchObject({ taskId: 'task-1', event: 'song.completed', platform: platform.toLowerCase(), dialect: 'sonic' });
		expect(result.task).toMatchObject({ taskId: 'task-1', dialect: 'sonic', state: 'succeeded' });
		expect(result.task.clips.map((c) => [c.clipId, c.duration, c.model])).toEqual([
			['a', 104.88, 'chirp-v5'],
			['b', 104.88, 'chirp-v5'],
		]);
		expect(result.task.raw).toBe(body);
	});

	it('sonic clips without a state are taken as done on a completed event', () => {
		const clip = sonicClip('a');
		delete clip.state;
		expect(normalizeWebhookDelivery(delivery('suno', 'song.completed', [clip])).task.clips[0].state).toBe('succeeded');
	});

	it('sonic song.streaming → running, never terminal', () => {
		const result = normalizeWebhookDelivery(delivery('sonic', 'song.streaming', [sonicClip('a', 'streaming'), sonicClip('b', 'streaming')]));
		expect(result.event).toBe('song.streaming');
		expect(result.task.state).toBe('running');
		expect(result.task.clips.map((c) => c.state)).toEqual(['streaming', 'streaming']);
	});

	it('song.streaming even with succeeded-looking clips stays running', () => {
		expect(normalizeWebhookDelivery(delivery('suno', 'song.streaming', [sonicClip('a')])).task.state).toBe('running');
	});

	it('sonic song.failed → failed with message as the reason, clips kept', () => {
		const result = normalizeWebhookDelivery(
			delivery('suno', 'song.failed', [sonicClip('a', 'failed', { error_message: 'moderated' })], { code: 400, message: 'Lyrics contain copyrighted content' }),
		);
		expect(result.task).toMatchObject({ state: 'failed', error: 'Lyrics contain copyrighted content' });
		expect(result.task.clips[0]).toMatchObject({ clipId: 'a', state: 'failed', error: 'moderated' });
	});

	it('code != 200 alone means failure', () => {
		const result = normalizeWebhookDelivery(delivery('sonic', 'song.completed', [], { code: 500, message: 'Generation error' }));
		expect(result.task).toMatchObject({ state: 'failed', error: 'Generation error' });
	});

	it('.failed event with code 200 and message "success" → failed with a generic reason', () => {
		const result = normalizeWebhookDelivery(delivery('nuro', 'song.failed', {}));
		expect(result.task).toMatchObject({ state: 'failed', error: 'Task failed' });
	});

	it('create-voice completion → persona', () => {
		const result = normalizeWebhookDelivery(delivery('suno', 'song.completed', { persona_id: 'p-1', name: 'Voice' }));
		expect(result.task).toMatchObject({ state: 'succeeded', persona: { personaId: 'p-1', name: 'Voice' } });
	});

	it('producer completion → succeeded; clips (with `lyric`) mapped', () => {
		const data = [
			{ clip_id: 'p1', audio_url: 'https://x/p1.m4a', image_url: 'https://x/p1.jpg', wav_url: 'https://x/p1.wav', lyric: 'words', title: 'T', tags: 'lofi', duration: 60 },
		];
		const result = normalizeWebhookDelivery(delivery('producer', 'song.completed', data));
		expect(result.dialect).toBe('producer');
		expect(result.task.state).toBe('succeeded');
		expect(result.task.clips[0]).toMatchObject({ clipId: 'p1', state: 'succeeded', lyrics: 'words', wavUrl: 'https://x/p1.wav', duration: 60 });
	});

	it('producer failure', () => {
		const result = normalizeWebhookDelivery(delivery('producer', 'song.failed', [], { message: 'Tags not allowed' }));
		expect(result.task).toMatchObject({ dialect: 'producer', state: 'failed', error: 'Tags not allowed' });
	});

	it('nuro completion → one clip named after the task', () => {
		const data = { audio_url: 'https://cdn.musicapi.ai/n.wav', lyrics: 'hi', duration: '45.5', genre: 'Pop', mood: 'Happy', gender: 'Male', timbre: 'Bright' };
		const result = normalizeWebhookDelivery(delivery('nuro', 'song.completed', data));
		expect(result.dialect).toBe('nuro');
		expect(result.task.state).toBe('succeeded');
		expect(result.task.clips).toEqual([expect.objectContaining({ clipId: 'task-1', audioUrl: 'https://cdn.musicapi.ai/n.wav', duration: 45.5 })]);
	});

	it('nuro failure with code', () => {
		const result = normalizeWebhookDelivery(delivery('nuro', 'song.failed', null, { code: 500, message: 'api_error' }));
		expect(result.task).toMatchObject({ dialect: 'nuro', state: 'failed', error: 'api_error', clips: [] });
	});

	it("the docs' bare example (no task_id, platform or event) is still understood", () => {
		const result = normalizeWebhookDelivery({ code: 200, data: [sonicClip('a'), sonicClip('b')] });
		expect(result).toMatchObject({ taskId: '', platform: '', event: 'song.completed', dialect: 'sonic' });
		expect(result.task.state).toBe('succeeded');
	});

	it('without a platform, a flat object is guessed as nuro', () => {
		expect(normalizeWebhookDelivery({ code: 200, task_id: 'n', data: { audio_url: 'https://x' } }).dialect).toBe('nuro');
	});

	it('without an event, a failing code yields song.failed', () => {
		expect(normalizeWebhookDelivery({ code: 400, message: 'bad', task_id: 't', platform: 'suno' }).event).toBe('song.failed');
	});

	it.each([[null], ['text'], [[1, 2]], [42]])('throws on a non-object body %p', (body) => {
		expect(() => normalizeWebhookDelivery(body)).toThrow('not a JSON object');
	});
});
