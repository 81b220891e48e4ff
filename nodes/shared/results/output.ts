import type { IDataObject } from 'n8n-workflow';

import type { Clip, NormalizedTask } from '../tasks/types';

/** One clip as an n8n item's JSON: the same keys whatever API dialect produced it. */
export function clipJson(task: NormalizedTask, clip: Clip, includeRaw: boolean): IDataObject {
	const json: IDataObject = {
		taskId: task.taskId,
		clipId: clip.clipId,
		state: clip.state,
		title: clip.title,
		duration: clip.duration,
		audioUrl: clip.audioUrl,
		wavUrl: clip.wavUrl,
		imageUrl: clip.imageUrl,
		videoUrl: clip.videoUrl,
		lyrics: clip.lyrics,
		tags: clip.tags,
		model: clip.model,
		stemType: clip.stemType,
		role: clip.role,
		error: clip.error,
	};
	for (const key of Object.keys(json)) if (json[key] === undefined || json[key] === null) delete json[key];
	if (includeRaw) json.raw = clip.raw;
	return json;
}

/** A task that has no clips to show (still running, or a persona) as one item. */
export function taskSummaryJson(task: NormalizedTask): IDataObject {
	const json: IDataObject = { taskId: task.taskId, state: task.state };
	if (task.progress !== undefined) json.progress = task.progress;
	if (task.error) json.error = task.error;
	if (task.persona) {
		json.personaId = task.persona.personaId;
		if (task.persona.name) json.name = task.persona.name;
	}
	if (task.clips.length) json.clips = task.clips.map((clip) => clipJson(task, clip, false));
	return json;
}

/**
 * The task id of a submit answer: top-level `task_id` (documented), under `data` (seen in clients), or `data` itself
 * when it is a text: Studio's submit answer is undocumented and may follow its task envelope,
 * `{"code":"success","data":"<id>"}` (contract §3.8).
 */
export function submittedTaskId(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	const data = record.data as Record<string, unknown> | string | undefined;
	const id = record.task_id ?? (typeof data === 'string' ? data : data?.task_id) ?? record.taskId;
	return typeof id === 'string' && id !== '' ? id : undefined;
}
