import type { ApiReply } from '../../http/reply';
import { fileUrl } from '../../media/file-urls';
import { type Task, clipPhase, FAILURE_MESSAGE } from '../task';

/**
 * Riffusion lists clips as they appear: none at first, then the first song, the second one only once the
 * first is done — a client must wait for "two clips, both terminal" (contract §3.7, §4).
 */
export function riffusionPoll(task: Task, now: number, base: string): ApiReply {
	const data = task.clips
		.map((seed, index) => ({ seed, index, phase: clipPhase(task, index, now) }))
		.filter(({ index, phase }) => phase !== 'hidden' && (index === 0 || now >= task.clipEnds[index - 1]))
		.map(({ seed, phase }) => {
			const done = phase === 'succeeded';
			const json: Record<string, unknown> = {
				clip_id: seed.clip_id,
				title: seed.title,
				lyrics: seed.lyrics,
				image_url: done ? fileUrl(base, seed.clip_id, 'jpeg') : null,
				audio_url: done ? fileUrl(base, seed.clip_id, 'mp3') : null,
				video_url: null,
				created_at: seed.created_at,
				mv: seed.mv,
				duration: done ? Number(seed.duration) : null,
				timestamp: Date.parse(seed.created_at),
				state: phase === 'streaming' ? 'running' : phase,
			};
			if (phase === 'failed') json.error_message = FAILURE_MESSAGE;
			return json;
		});
	return { status: 200, body: { code: 200, data, message: 'success' } };
}
