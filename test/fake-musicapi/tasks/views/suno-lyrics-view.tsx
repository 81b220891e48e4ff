import type { ApiReply } from '../../http/reply';
import { type Task, FAILURE_MESSAGE } from '../task';

/** /suno/get-lyrics/{id}: the legacy lyric job; `status: "complete"` with title and text when done. */
export function sunoLyricsPoll(task: Task, now: number): ApiReply {
	const seed = task.clips[0];
	const finished = now >= task.completeAt && task.outcome !== 'timeout';
	const status = !finished ? (now < task.readyAt ? 'pending' : 'running') : task.outcome === 'fail' ? 'failed' : 'complete';
	const data: Record<string, unknown> = {
		status,
		title: status === 'complete' ? seed.title : '',
		text: status === 'complete' ? seed.lyrics : '',
	};
	if (status === 'failed') data.error_message = FAILURE_MESSAGE;
	return { status: 200, body: { code: 200, message: 'success', data } };
}
