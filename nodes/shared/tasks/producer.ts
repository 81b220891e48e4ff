import type { IDataObject } from 'n8n-workflow';

import { asString, envelopeVerdict, errorText, isRecord, makeTask, mapClip, records, summarize } from './clip';
import type { ClipState, NormalizedTask, TaskResponse, TaskState } from './types';

// GET /producer/task/{id}, contract §3.6: the top-level `status` (PENDING/RUNNING/SUCCESS/FAILED)
// decides; clips in `data` carry no state of their own and inherit the task's.

const STATUS: Record<string, TaskState> = {
	pending: 'pending',
	queued: 'pending',
	running: 'running',
	processing: 'running',
	in_progress: 'running',
	success: 'succeeded',
	succeeded: 'succeeded',
	failed: 'failed',
	failure: 'failed',
};

export function normalizeProducer(taskId: string, response: TaskResponse): NormalizedTask {
	const verdict = envelopeVerdict(response);
	if (verdict) return makeTask('producer', taskId, response.body, verdict.state, verdict);

	const body = response.body as IDataObject; // envelopeVerdict answered every non-object body
	const items = isRecord(body.data) ? [body.data] : records(body.data);
	const word = typeof body.status === 'string' ? body.status.trim().toLowerCase() : undefined;

	if (word === undefined) {
		// No status at all (a drifted shape): fall back to whatever the clips say.
		const clips = items.map((item) => mapClip(item));
		const { state, error } = summarize(clips);
		return makeTask('producer', taskId, body, state, { clips, error });
	}

	// An unknown status word is treated as "still working": one more poll is cheap.
	const state = STATUS[word] ?? 'running';
	const clipState: ClipState = state;
	const clips = items.map((item) => mapClip(item, { state: clipState }));
	return makeTask('producer', taskId, body, state, { clips, error: state === 'failed' ? failure(body, items) : undefined });
}

/** The reason for a FAILED task; `message` is only a reason when it is not the envelope's "success". */
function failure(body: IDataObject, items: IDataObject[]): string {
	const message = errorText(body);
	if (message !== undefined && message.toLowerCase() !== 'success') return message;
	return asString(body.fail_reason) ?? asString(items[0]?.error_message) ?? 'Task failed';
}
