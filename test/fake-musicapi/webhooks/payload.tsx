import { producerData } from '../tasks/views/producer-view';
import { nuroSong } from '../tasks/views/nuro-view';
import { sonicClipJson, sonicData } from '../tasks/views/sonic-view';
import { type Task, FAILURE_MESSAGE, TIMEOUT_MESSAGE } from '../tasks/task';

export interface WebhookPayload {
	code: number;
	message: string;
	task_id: string;
	platform: string;
	event: string;
	data: unknown;
}

/** Platforms of the webhook guide: sonic tasks use the configured name (`suno` or `sonic`). */
function platformOf(task: Task, sonicPlatform: string): string | undefined {
	if (task.dialect === 'sonic') return sonicPlatform;
	if (task.dialect === 'producer' || task.dialect === 'nuro') return task.dialect;
	return undefined; // riffusion, studio and the legacy lyric job have no webhooks
}

/** The final delivery of a task: `song.completed` (code 200) or `song.failed` (5xx code, reason in `message`). */
export function completionPayload(task: Task, base: string, sonicPlatform: string): WebhookPayload | undefined {
	const platform = platformOf(task, sonicPlatform);
	if (!platform) return undefined;
	const at = task.completeAt;
	const timedOut = task.outcome === 'timeout';
	const failed = task.outcome === 'fail' || timedOut;
	let data: unknown;
	if (task.dialect === 'producer') data = timedOut ? [] : producerData(task, at, base);
	else if (task.dialect === 'nuro') data = nuroSong(task, at, base);
	else if (!timedOut) data = sonicData(task, at, base);
	else if (task.shape === 'persona') data = { persona_id: null, name: task.persona?.name, state: 'failed', error_message: TIMEOUT_MESSAGE };
	else data = task.clips.map((seed) => sonicClipJson(seed, 'failed', base, TIMEOUT_MESSAGE));
	return {
		code: timedOut ? 504 : failed ? 500 : 200,
		message: timedOut ? TIMEOUT_MESSAGE : failed ? FAILURE_MESSAGE : 'success',
		task_id: task.id,
		platform,
		event: failed ? 'song.failed' : 'song.completed',
		data,
	};
}

/** The optional early delivery while the clips stream (sonic only, when streamingCallback is on). */
export function streamingPayload(task: Task, at: number, base: string, sonicPlatform: string): WebhookPayload | undefined {
	if (task.dialect !== 'sonic' || task.shape !== 'clips') return undefined;
	return {
		code: 200,
		message: 'success',
		task_id: task.id,
		platform: sonicPlatform,
		event: 'song.streaming',
		data: sonicData(task, at, base),
	};
}
