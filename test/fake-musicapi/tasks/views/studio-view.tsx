import type { ApiReply } from '../../http/reply';
import { fileUrl } from '../../media/file-urls';
import { type Task, clipFails, FAILURE_MESSAGE, progressPercent } from '../task';

const seconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * Studio answers in the one-api "TaskDto" format: `code` is the string "success", the state lives in
 * `data.status` and `data.progress` is a percentage string (contract §3.8).
 */
export function studioPoll(task: Task, now: number, base: string): ApiReply {
	const finished = now >= task.completeAt && task.outcome !== 'timeout';
	const failed = finished && task.outcome === 'fail';
	const status = !finished ? 'IN_PROGRESS' : failed ? 'FAILURE' : 'SUCCESS';
	const songs = status !== 'SUCCESS'
		? []
		: task.clips
				.filter((_, index) => !clipFails(task, index))
				.map((seed) => ({
					id: seed.clip_id,
					tags: seed.tags.split(',').map((tag) => tag.trim()).filter(Boolean),
					title: seed.title,
					artist: 'MusicAPI Studio',
					lyrics: seed.lyrics,
					audio_url: fileUrl(base, seed.clip_id, 'mp3'),
					image_url: fileUrl(base, seed.clip_id, 'jpeg'),
					duration: Number(seed.duration),
				}));
	return {
		status: 200,
		body: {
			code: 'success',
			message: '',
			data: {
				task_id: task.id,
				notify_hook: '',
				action: 'studio-generate',
				status,
				fail_reason: failed ? FAILURE_MESSAGE : '',
				submit_time: seconds(task.createdAt),
				start_time: now >= task.readyAt ? seconds(task.readyAt) : 0,
				finish_time: finished ? seconds(task.completeAt) : 0,
				progress: `${finished ? 100 : progressPercent(task, now)}%`,
				data: { songs },
			},
		},
	};
}
