import type { ApiReply } from '../../http/reply';
import { fileUrl } from '../../media/file-urls';
import { type ClipPhase, type ClipSeed, type Task, audioPending, clipFails, clipPhase, FAILURE_MESSAGE, pairHalfEnd } from '../task';

export const NOT_READY_MESSAGE = 'The task is not ready yet. Please try again later.';

/**
 * A clip as the sonic poll shows it: URLs only once there is audio (a stream URL while streaming), the
 * duration as a decimal string only when done, `video_url` always null (as live), echoes of the request.
 * `noAudioYet`: the clip already says succeeded, but its audio URL does not exist yet (`audioUrlLagMs`).
 */
export function sonicClipJson(seed: ClipSeed, phase: ClipPhase, base: string, error = FAILURE_MESSAGE, noAudioYet = false): Record<string, unknown> {
	const done = phase === 'succeeded' && !noAudioYet;
	const json: Record<string, unknown> = {
		clip_id: seed.clip_id,
		state: phase,
		title: seed.title,
		tags: seed.tags,
		negative_tags: seed.negative_tags,
		lyrics: seed.lyrics,
		gpt_description_prompt: seed.gpt_description_prompt,
		audio_url: done ? fileUrl(base, seed.clip_id, 'mp3') : phase === 'streaming' ? fileUrl(base, `${seed.clip_id}-stream`, 'mp3') : null,
		image_url: done || phase === 'streaming' ? fileUrl(base, seed.clip_id, 'jpeg') : null,
		video_url: null,
		created_at: seed.created_at,
		duration: phase === 'succeeded' ? seed.duration : null,
		mv: seed.mv,
	};
	if (seed.style_weight !== undefined) json.style_weight = seed.style_weight;
	if (seed.weirdness_constraint !== undefined) json.weirdness_constraint = seed.weirdness_constraint;
	if (seed.audio_weight !== undefined) json.audio_weight = seed.audio_weight;
	if (seed.stem_type !== undefined) json.stem_type = seed.stem_type;
	if (phase === 'failed') json.error_message = error;
	return json;
}

/** The `data` member of a sonic poll (also the webhook's `data`); undefined while the task is not ready. */
export function sonicData(task: Task, now: number, base: string): unknown {
	if (now < task.readyAt) return undefined;
	if (task.shape === 'persona') {
		if (now < task.completeAt || !task.persona) return undefined;
		if (task.outcome === 'fail') {
			return { persona_id: null, name: task.persona.name, state: 'failed', error_message: FAILURE_MESSAGE };
		}
		return { ...task.persona };
	}
	if (task.shape === 'pairs') {
		const role = task.pairRole ?? 'extended';
		return task.clips.map((seed, index) => {
			const full = task.fulls?.[index];
			const fullReady = full && now >= task.clipEnds[index] && !clipFails(task, index) && task.outcome !== 'timeout';
			return {
				[role]: sonicClipJson(seed, clipPhase(task, index, now, pairHalfEnd(task, index)), base, FAILURE_MESSAGE, audioPending(task, now, pairHalfEnd(task, index))),
				full: fullReady ? sonicClipJson(full, 'succeeded', base, FAILURE_MESSAGE, audioPending(task, now, task.clipEnds[index])) : null,
			};
		});
	}
	return task.clips.map((seed, index) => sonicClipJson(seed, clipPhase(task, index, now), base, FAILURE_MESSAGE, audioPending(task, now, task.clipEnds[index])));
}

export function sonicPoll(task: Task, now: number, base: string, notReadyStatus: number): ApiReply {
	const data = sonicData(task, now, base);
	if (data === undefined) return { status: notReadyStatus, body: { type: 'not_ready', message: NOT_READY_MESSAGE } };
	return { status: 200, body: { code: 200, message: 'success', data } };
}

/** One word for the whole task, used by the batch endpoint. */
export function sonicTaskState(task: Task, now: number): 'not_ready' | 'running' | 'succeeded' | 'failed' {
	if (now < task.readyAt) return 'not_ready';
	if (now < task.completeAt) return 'running';
	if (task.outcome === 'fail' || task.outcome === 'timeout') return 'failed';
	return 'succeeded';
}
