import type { IDataObject } from 'n8n-workflow';

import { asString, envelopeVerdict, isRecord, makeTask, mapClip, parseProgress, records } from './clip';
import type { ClipState, NormalizedTask, TaskResponse, TaskState } from './types';

// GET /studio/task/{id}, contract §3.8: `{code:"success", data:{status, fail_reason, progress:"40%",
// data:{songs:[…]}}}`. `code` is a string here, so the numeric-code checks do not apply. The status
// words beyond SUCCESS come from the one-api TaskDto format the shape matches (contract INFERENCE).

const STATUS: Record<string, TaskState> = {
	not_start: 'pending',
	submitted: 'pending',
	queued: 'pending',
	pending: 'pending',
	in_progress: 'running',
	running: 'running',
	success: 'succeeded',
	succeeded: 'succeeded',
	failure: 'failed',
	failed: 'failed',
};

export function normalizeStudio(taskId: string, response: TaskResponse): NormalizedTask {
	const verdict = envelopeVerdict(response);
	if (verdict) return makeTask('studio', taskId, response.body, verdict.state, verdict);

	const body = response.body as IDataObject; // envelopeVerdict answered every non-object body
	// The TaskDto normally sits in `data`; accept it at the top level too.
	const dto = isRecord(body.data) ? body.data : body;
	const code = asString(body.code);
	const failReason = asString(dto.fail_reason);

	if (dto.status === undefined) {
		// `{code:"task_not_exist", message:"…"}`: a string code other than "success" is the error.
		if (code !== undefined && code.toLowerCase() !== 'success' && code !== '200') {
			return makeTask('studio', taskId, body, 'failed', { error: asString(body.message) ?? code });
		}
		return makeTask('studio', taskId, body, 'pending');
	}

	const word = String(dto.status).trim().toLowerCase();
	// A fail_reason on a task that did not succeed is a failure whatever the status word says.
	let state: TaskState = STATUS[word] ?? 'running';
	if (failReason !== undefined && state !== 'succeeded') state = 'failed';

	const songs = isRecord(dto.data) ? records(dto.data.songs) : [];
	const clipState: ClipState = state;
	const clips = songs.map((song) => mapClip(song, { state: clipState }));
	const error = failReason ?? asString(body.message) ?? 'Task failed';
	return makeTask('studio', taskId, body, state, { clips, progress: parseProgress(dto.progress), error });
}
