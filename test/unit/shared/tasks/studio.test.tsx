import type { IDataObject } from 'n8n-workflow';

import { normalizeStudio } from '../../../../nodes/shared/tasks/studio';

// Contract §3.8: code is the string "success"; the task is `data`, songs are in `data.data.songs`.

function poll(status: string, progress: string, songs: IDataObject[] = [], extra: IDataObject = {}) {
	return {
		statusCode: 200,
		body: {
			code: 'success',
			message: '',
			data: {
				task_id: 'st1',
				notify_hook: '',
				action: 'studio-generate',
				status,
				fail_reason: '',
				submit_time: 0,
				start_time: 0,
				finish_time: 0,
				progress,
				data: { songs },
				...extra,
			},
		},
	};
}

const song: IDataObject = {
	id: 'song-1',
	tags: ['jazz', 'smooth'],
	title: 'Blue Hour',
	artist: 'Studio',
	lyrics: 'la la',
	song_path: 'https://cdn.musicapi.ai/song-1.mp3',
	image_path: 'https://cdn.musicapi.ai/song-1.jpg',
	duration: '131.5',
};

describe('studio', () => {
	it('SUCCESS → succeeded, songs become clips', () => {
		const task = normalizeStudio('st1', poll('SUCCESS', '100%', [song, { id: 'song-2', audio_url: 'https://x/2.mp3', tags: [] }]));
		expect(task).toMatchObject({ dialect: 'studio', state: 'succeeded', progress: 100 });
		expect(task.clips[0]).toEqual({
			clipId: 'song-1',
			state: 'succeeded',
			title: 'Blue Hour',
			tags: 'jazz, smooth',
			lyrics: 'la la',
			audioUrl: 'https://cdn.musicapi.ai/song-1.mp3',
			imageUrl: 'https://cdn.musicapi.ai/song-1.jpg',
			duration: 131.5,
			raw: song,
		});
		expect(task.clips[1]).toMatchObject({ clipId: 'song-2', audioUrl: 'https://x/2.mp3' });
		expect(task.clips[1].tags).toBeUndefined();
	});

	it("IN_PROGRESS with progress '40%' → running, progress 40", () => {
		const task = normalizeStudio('st1', poll('IN_PROGRESS', '40%'));
		expect(task).toMatchObject({ state: 'running', progress: 40, clips: [] });
	});

	it.each(['NOT_START', 'SUBMITTED', 'QUEUED'])('%s → pending', (status) => {
		expect(normalizeStudio('st1', poll(status, '0%')).state).toBe('pending');
	});

	it('FAILURE → failed with fail_reason', () => {
		const task = normalizeStudio('st1', poll('FAILURE', '100%', [], { fail_reason: 'prompt rejected' }));
		expect(task).toMatchObject({ state: 'failed', error: 'prompt rejected' });
	});

	it('FAILURE without a reason still fails', () => {
		expect(normalizeStudio('st1', poll('FAILURE', '')).error).toBe('Task failed');
	});

	it('a non-empty fail_reason on an unfinished task → failed', () => {
		expect(normalizeStudio('st1', poll('IN_PROGRESS', '60%', [], { fail_reason: 'GPU lost' }))).toMatchObject({
			state: 'failed',
			error: 'GPU lost',
		});
	});

	it('an unknown status → running', () => {
		expect(normalizeStudio('st1', poll('MIXING', '80%')).state).toBe('running');
	});

	it('a string error code without a task → failed with the message', () => {
		const task = normalizeStudio('st1', { statusCode: 200, body: { code: 'task_not_exist', message: 'task not found', data: null } });
		expect(task).toMatchObject({ state: 'failed', error: 'task not found' });
	});

	it('robustness: empty or partial bodies → pending', () => {
		expect(normalizeStudio('st1', { statusCode: 200, body: null }).state).toBe('pending');
		expect(normalizeStudio('st1', { statusCode: 200, body: { code: 'success', data: {} } }).state).toBe('pending');
	});

	it('{type, error} in a 200 → failed', () => {
		expect(normalizeStudio('st1', { statusCode: 200, body: { type: 'not_found', error: 'Studio is unavailable' } })).toMatchObject({
			state: 'failed',
			error: 'Studio is unavailable',
		});
	});
});
