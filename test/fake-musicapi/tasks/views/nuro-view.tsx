import type { ApiReply } from '../../http/reply';
import { fileUrl } from '../../media/file-urls';
import { type Task, FAILURE_MESSAGE, progressPercent } from '../task';

export type NuroStatus = 'pending' | 'running' | 'succeeded' | 'failed';

export function nuroStatus(task: Task, now: number): NuroStatus {
	if (now < task.readyAt) return 'pending';
	if (now < task.completeAt || task.outcome === 'timeout') return 'running';
	return task.outcome === 'fail' ? 'failed' : 'succeeded';
}

/** The song fields Nuro reports; also the webhook's `data` object. Nuro delivers WAV (cdn …/x.wav). */
export function nuroSong(task: Task, now: number, base: string): Record<string, unknown> {
	const seed = task.clips[0];
	const done = nuroStatus(task, now) === 'succeeded';
	return {
		audio_url: done ? fileUrl(base, seed.clip_id, 'wav') : null,
		lyrics: seed.lyrics,
		duration: done ? Number(seed.duration) : null,
		genre: task.details.genre ?? null,
		mood: task.details.mood ?? null,
		gender: task.details.gender ?? null,
		timbre: task.details.timbre ?? null,
	};
}

/** Nuro's poll is flat: no envelope, `status` + numeric `progress` + one audio (contract §3.9). */
export function nuroPoll(task: Task, now: number, base: string): ApiReply {
	const status = nuroStatus(task, now);
	const body: Record<string, unknown> = {
		task_id: task.id,
		type: task.details.type,
		status,
		progress: status === 'succeeded' || status === 'failed' ? 100 : status === 'pending' ? 0 : progressPercent(task, now),
		...nuroSong(task, now, base),
	};
	if (status === 'failed') body.error_message = FAILURE_MESSAGE;
	return { status: 200, body };
}
