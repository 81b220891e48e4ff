import type { IDataObject } from 'n8n-workflow';

import { envelopeVerdict, isRecord, makeTask, mapClip, records, summarize } from './clip';
import type { NormalizedTask, TaskResponse } from './types';

// GET /riffusion/task/{id}, contract §3.7 and §4: clips with `state` like Sonic, but the docs say
// to keep polling "until both songs are present and terminal", so fewer than two clips is never done.

const EXPECTED_CLIPS = 2;

export function normalizeRiffusion(taskId: string, response: TaskResponse): NormalizedTask {
	const verdict = envelopeVerdict(response);
	if (verdict) return makeTask('riffusion', taskId, response.body, verdict.state, verdict);

	const body = response.body as IDataObject; // envelopeVerdict answered every non-object body
	const items = isRecord(body.data) ? [body.data] : records(body.data);
	const clips = items.map((item) => mapClip(item));
	const summary = summarize(clips);

	// Even a lone failed clip is not the end: its sibling may still succeed.
	if (clips.length > 0 && clips.length < EXPECTED_CLIPS) {
		return makeTask('riffusion', taskId, body, summary.state === 'pending' ? 'pending' : 'running', { clips });
	}
	return makeTask('riffusion', taskId, body, summary.state, { clips, error: summary.error });
}
