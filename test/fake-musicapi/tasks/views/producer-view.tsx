import type { ApiReply } from '../../http/reply';
import { fileUrl, wavUrlFor } from '../../media/file-urls';
import { type ClipSeed, type Task, clipFails, FAILURE_MESSAGE } from '../task';

/** What a producer task makes: songs, lyrics only (make_lyrics), an import, a download, or a video. */
export type ProducerKind = 'music' | 'lyrics' | 'upload' | 'download' | 'video';

export type ProducerStatus = 'PENDING' | 'RUNNING' | 'SUCCESS' | 'FAILED';

export function producerStatus(task: Task, now: number): ProducerStatus {
	if (now < task.readyAt) return 'PENDING';
	if (now < task.completeAt || task.outcome === 'timeout') return 'RUNNING';
	return task.outcome === 'fail' ? 'FAILED' : 'SUCCESS';
}

/**
 * A finished producer clip: .m4a audio plus a WAV and cover art (contract §3.6). Running clips are listed
 * without URLs. A download task fills the URL of the requested format.
 */
function producerClipJson(task: Task, seed: ClipSeed, done: boolean, base: string): Record<string, unknown> {
	const kind = task.details.kind as ProducerKind;
	if (kind === 'lyrics') return { clip_id: seed.clip_id, title: seed.title, lyrics: seed.lyrics };
	const source = typeof task.details.sourceClipId === 'string' ? task.details.sourceClipId : seed.clip_id;
	const format = task.details.format;
	const json: Record<string, unknown> = {
		clip_id: seed.clip_id,
		title: seed.title,
		sound: seed.sound ?? seed.tags,
		tags: seed.tags,
		lyrics: seed.lyrics,
		audio_url: done ? (kind === 'download' && format === 'mp3' ? fileUrl(base, source, 'mp3') : fileUrl(base, seed.clip_id, 'm4a')) : null,
		wav_url: done ? (kind === 'download' ? (format === 'wav' ? wavUrlFor(base, source) : null) : fileUrl(base, seed.clip_id, 'wav')) : null,
		image_url: done ? fileUrl(base, seed.clip_id, 'jpeg') : null,
		duration: done ? Number(seed.duration) : null,
		mv: seed.mv,
		created_at: seed.created_at,
	};
	if (kind === 'video') json.video_url = done ? fileUrl(base, seed.clip_id, 'mp4') : null;
	return json;
}

/** `data` of a producer poll/webhook: empty while pending or failed; `fail-one` drops the second clip. */
export function producerData(task: Task, now: number, base: string): Array<Record<string, unknown>> {
	const status = producerStatus(task, now);
	if (status === 'PENDING' || status === 'FAILED') return [];
	const done = status === 'SUCCESS';
	return task.clips
		.filter((_, index) => !done || !clipFails(task, index))
		.map((seed) => producerClipJson(task, seed, done, base));
}

export function producerPoll(task: Task, now: number, base: string): ApiReply {
	const status = producerStatus(task, now);
	const body: Record<string, unknown> = {
		code: 200,
		status,
		message: status === 'FAILED' ? FAILURE_MESSAGE : 'success',
		data: producerData(task, now, base),
	};
	if (status === 'FAILED') body.error = FAILURE_MESSAGE;
	return { status: 200, body };
}
