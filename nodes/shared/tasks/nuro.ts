import type { IDataObject } from 'n8n-workflow';

import { asString, envelopeVerdict, errorText, firstString, isRecord, makeTask, mapClip, parseProgress, toClipState } from './clip';
import type { NormalizedTask, TaskResponse, TaskState } from './types';

// GET /nuro/task/{id}, contract §3.9: a flat object (no envelope) `{task_id, status, progress,
// audio_url, lyrics, duration, genre, …}` describing exactly one song. `failed` is presumed.

export function normalizeNuro(taskId: string, response: TaskResponse): NormalizedTask {
	const verdict = envelopeVerdict(response);
	if (verdict) return makeTask('nuro', taskId, response.body, verdict.state, verdict);

	const body = response.body as IDataObject; // envelopeVerdict answered every non-object body
	// Tolerate an envelope around the flat object, in case the API gains one.
	const flat = body.status === undefined && isRecord(body.data) ? body.data : body;
	if (flat.status === undefined) return makeTask('nuro', taskId, body, 'pending');

	const clipState = toClipState(flat.status);
	const audio = firstString(flat, ['audio_url']);
	// Nuro has no streaming callback to wait for; treat a streaming word as running. Done needs the audio too
	// (contract §4: `succeeded` and `audio_url`).
	const state: TaskState = clipState === 'streaming' || (clipState === 'succeeded' && audio === undefined) ? 'running' : clipState;
	const progress = parseProgress(flat.progress);

	// The song becomes a clip once it exists: audio is there, or the task says it succeeded.
	const hasSong = state === 'succeeded' || audio !== undefined;
	const fallbackId = asString(flat.task_id) ?? taskId;
	const clips = hasSong ? [mapClip(flat, { fallbackId })] : [];
	const error = errorText(flat) ?? asString(flat.fail_reason) ?? 'Task failed';
	return makeTask('nuro', taskId, body, state, { clips, progress, error });
}
