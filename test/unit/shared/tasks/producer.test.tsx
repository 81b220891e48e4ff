import type { IDataObject } from 'n8n-workflow';

import { normalizeProducer } from '../../../../nodes/shared/tasks/producer';

// Contract §3.6: `{code:200, status, message, data:[{clip_id, title, sound, lyrics, audio_url (.m4a), wav_url, image_url}]}`.

const song = (id: string): IDataObject => ({
	clip_id: id,
	title: 'Lyria Song',
	sound: 'warm lo-fi',
	lyrics: '[Verse] …',
	audio_url: `https://cdn.musicapi.ai/${id}.m4a`,
	wav_url: `https://cdn.musicapi.ai/${id}.wav`,
	image_url: `https://cdn.musicapi.ai/${id}.jpg`,
	duration: 62.4,
});

const poll = (status: unknown, data: unknown = [], extra: IDataObject = {}) => ({
	statusCode: 200,
	body: { code: 200, status, message: 'success', data, ...extra },
});

describe('producer', () => {
	it.each([
		['PENDING', 'pending'],
		['RUNNING', 'running'],
		['SUCCESS', 'succeeded'],
		['FAILED', 'failed'],
		['pending', 'pending'],
		['running', 'running'],
		['success', 'succeeded'],
		['failed', 'failed'],
	])('status %p → %p', (status, expected) => {
		expect(normalizeProducer('p1', poll(status)).state).toBe(expected);
	});

	it('SUCCESS maps clips, which inherit the task state', () => {
		const task = normalizeProducer('p1', poll('SUCCESS', [song('a'), song('b')]));
		expect(task.state).toBe('succeeded');
		expect(task.clips).toHaveLength(2);
		expect(task.clips[0]).toEqual({
			clipId: 'a',
			state: 'succeeded',
			title: 'Lyria Song',
			lyrics: '[Verse] …',
			audioUrl: 'https://cdn.musicapi.ai/a.m4a',
			wavUrl: 'https://cdn.musicapi.ai/a.wav',
			imageUrl: 'https://cdn.musicapi.ai/a.jpg',
			duration: 62.4,
			raw: song('a'),
		});
	});

	it('RUNNING with clips already listed is still running', () => {
		const task = normalizeProducer('p1', poll('RUNNING', [song('a')]));
		expect(task.state).toBe('running');
		expect(task.clips[0].state).toBe('running');
	});

	it('FAILED takes the reason from error / fail_reason / message, never "success"', () => {
		expect(normalizeProducer('p1', poll('FAILED', [], { error: 'Generation failed' })).error).toBe('Generation failed');
		expect(normalizeProducer('p1', poll('FAILED', [], { fail_reason: 'Tags not allowed' })).error).toBe('Tags not allowed');
		expect(normalizeProducer('p1', poll('FAILED', [], { message: 'Provider error' })).error).toBe('Provider error');
		expect(normalizeProducer('p1', poll('FAILED')).error).toBe('Task failed');
	});

	it('an unknown status word → running', () => {
		expect(normalizeProducer('p1', poll('WARMING_UP')).state).toBe('running');
	});

	it('no status at all falls back to clip states', () => {
		const body = { code: 200, data: [{ ...song('a'), state: 'succeeded' }] };
		expect(normalizeProducer('p1', { statusCode: 200, body }).state).toBe('succeeded');
		expect(normalizeProducer('p1', { statusCode: 200, body: { code: 200, data: [] } }).state).toBe('pending');
	});

	it('a single data object (download task) is one clip', () => {
		const task = normalizeProducer('p1', poll('SUCCESS', { clip_id: 'a', wav_url: 'https://x/a.wav' }));
		expect(task.clips).toEqual([expect.objectContaining({ clipId: 'a', wavUrl: 'https://x/a.wav', state: 'succeeded' })]);
	});

	it('robustness: null body → pending; {type, error} → failed', () => {
		expect(normalizeProducer('p1', { statusCode: 200, body: null }).state).toBe('pending');
		expect(normalizeProducer('p1', { statusCode: 200, body: { type: 'api_error', error: 'upstream down' } })).toMatchObject({
			state: 'failed',
			error: 'upstream down',
		});
	});
});
