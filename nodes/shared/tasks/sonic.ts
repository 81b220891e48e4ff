import type { IDataObject } from 'n8n-workflow';

import { asString, envelopeVerdict, isRecord, makeTask, mapClip, records, runningUntilAudio, summarize } from './clip';
import type { Unit } from './clip';
import type { Clip, NormalizedTask, TaskResponse } from './types';

// GET /sonic/task/{id} (also /suno/clip/{id}), contract §3.2 and §4. Phases: 202 or
// `type:"not_ready"` → 200 with clips pending/running/streaming (code 200 already!) → every clip
// succeeded/failed. `data` may also be a create-voice persona object, stems (one clip per stem) or
// auto_concat pairs `{extended|replaced, full}`.

export interface SonicOptions {
	/** The caller submitted a stems job: clips without `stem_type` use their title as the stem name. */
	stems?: boolean;
}

export function normalizeSonic(taskId: string, response: TaskResponse, options: SonicOptions = {}): NormalizedTask {
	const verdict = envelopeVerdict(response);
	if (verdict) return makeTask('sonic', taskId, response.body, verdict.state, verdict);

	const body = response.body as IDataObject; // envelopeVerdict answered every non-object body
	const data = body.data;

	if (isRecord(data)) {
		// create-voice ends with `{persona_id, name}` instead of clips.
		const personaId = asString(data.persona_id);
		if (personaId !== undefined) {
			const name = asString(data.name);
			return makeTask('sonic', taskId, body, 'succeeded', { persona: name ? { personaId, name } : { personaId } });
		}
		// A lone clip object instead of an array: tolerate it; anything else is "not there yet".
		return isClipLike(data) ? fromItems(taskId, body, [data], options) : makeTask('sonic', taskId, body, 'pending');
	}
	return fromItems(taskId, body, records(data), options);
}

function fromItems(taskId: string, body: IDataObject, items: IDataObject[], options: SonicOptions): NormalizedTask {
	// Stems clips normally carry `stem_type`; when one does, the whole answer is a stems answer.
	const stems = options.stems === true || items.some((item) => item.stem_type !== undefined);
	const clips: Clip[] = [];
	const units: Unit[] = [];
	for (const item of items) {
		if (isPair(item)) {
			const pair = fromPair(item);
			clips.push(...pair.clips);
			units.push(pair.unit);
		} else {
			const clip = runningUntilAudio(mapClip(item, { stems }));
			clips.push(clip);
			units.push(clip);
		}
	}
	const { state, error } = summarize(units);
	return makeTask('sonic', taskId, body, state, { clips, error });
}

function isClipLike(item: IDataObject): boolean {
	return item.clip_id !== undefined || item.state !== undefined || item.audio_url !== undefined;
}

function isPair(item: IDataObject): boolean {
	return 'full' in item || isRecord(item.extended) || isRecord(item.replaced);
}

/**
 * An auto_concat pair waits for `full`, the deliverable: `full: null` means concatenation is still
 * running, unless the extended/replaced half already failed (then `full` will never come).
 */
function fromPair(item: IDataObject): { clips: Clip[]; unit: Unit } {
	const clips: Clip[] = [];
	const halfRole = isRecord(item.replaced) ? 'replaced' : 'extended';
	const halfRaw = item[halfRole];
	const half = isRecord(halfRaw) ? runningUntilAudio(mapClip(halfRaw, { role: halfRole })) : undefined;
	if (half) clips.push(half);
	const full = isRecord(item.full) ? runningUntilAudio(mapClip(item.full, { role: 'full' })) : undefined;
	if (full) clips.push(full);

	if (full) return { clips, unit: full };
	if (half?.state === 'failed') return { clips, unit: half };
	return { clips, unit: { state: 'running' } };
}
