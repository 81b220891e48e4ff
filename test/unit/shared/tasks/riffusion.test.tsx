import type { IDataObject } from 'n8n-workflow';

import { normalizeRiffusion } from '../../../../nodes/shared/tasks/riffusion';

// Contract §3.7: `{code:200, data:[{clip_id,title,lyrics,image_url,audio_url,video_url,created_at,mv,duration,timestamp,state}]}`;
// keep polling until both songs are present and terminal.

const clip = (id: string, state: string, extra: IDataObject = {}): IDataObject => ({
	clip_id: id,
	title: 'Fuzz',
	lyrics: '…',
	image_url: `https://x/${id}.jpg`,
	audio_url: `https://x/${id}.mp3`,
	video_url: '',
	created_at: '2025-05-01T00:00:00Z',
	mv: 'FUZZ-1.1 Pro',
	duration: '95.2',
	timestamp: 1746057600,
	state,
	...extra,
});

const poll = (data: unknown) => ({ statusCode: 200, body: { code: 200, data, message: 'success' } });

describe('riffusion', () => {
	it('no clips yet → pending', () => {
		expect(normalizeRiffusion('r1', poll([])).state).toBe('pending');
	});

	it('one clip, even succeeded → running until the second appears', () => {
		const task = normalizeRiffusion('r1', poll([clip('a', 'succeeded')]));
		expect(task.state).toBe('running');
		expect(task.clips).toHaveLength(1);
	});

	it('one clip pending → pending', () => {
		expect(normalizeRiffusion('r1', poll([clip('a', 'pending')])).state).toBe('pending');
	});

	it('one failed clip alone is not final', () => {
		expect(normalizeRiffusion('r1', poll([clip('a', 'failed')])).state).toBe('running');
	});

	it('two clips, one running → running', () => {
		expect(normalizeRiffusion('r1', poll([clip('a', 'succeeded'), clip('b', 'running')])).state).toBe('running');
	});

	it('two clips terminal → succeeded, clips mapped', () => {
		const task = normalizeRiffusion('r1', poll([clip('a', 'succeeded'), clip('b', 'succeeded')]));
		expect(task.state).toBe('succeeded');
		expect(task.clips[0]).toMatchObject({ clipId: 'a', duration: 95.2, model: 'FUZZ-1.1 Pro', audioUrl: 'https://x/a.mp3' });
		expect(task.clips[0].videoUrl).toBeUndefined();
	});

	it('two failed → failed with the reason', () => {
		const task = normalizeRiffusion('r1', poll([clip('a', 'failed', { error_message: 'nope' }), clip('b', 'failed')]));
		expect(task).toMatchObject({ state: 'failed', error: 'nope' });
	});

	it('one succeeded + one failed → succeeded with the failed clip kept', () => {
		const task = normalizeRiffusion('r1', poll([clip('a', 'succeeded'), clip('b', 'failed')]));
		expect(task.state).toBe('succeeded');
		expect(task.clips[1]).toMatchObject({ state: 'failed', error: 'Clip failed' });
	});

	it('robustness: junk body → pending', () => {
		expect(normalizeRiffusion('r1', { statusCode: 200, body: 'oops' }).state).toBe('pending');
	});
});
