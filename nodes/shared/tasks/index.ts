import type { IDataObject } from 'n8n-workflow';

import { asString, isRecord, records } from './clip';
import { normalizeNuro } from './nuro';
import { normalizeProducer } from './producer';
import { normalizeRiffusion } from './riffusion';
import { normalizeSonic } from './sonic';
import type { SonicOptions } from './sonic';
import { normalizeStudio } from './studio';
import type { NormalizedTask, TaskDialect, TaskResponse } from './types';

export * from './types';
export type { SonicOptions } from './sonic';

// The only door into tasks/: callers name a dialect and get a NormalizedTask back; nothing outside
// this folder needs to know what the five poll answers (or the webhook deliveries) look like.

/** Hints only the caller knows (what it submitted); the poll answer alone cannot tell. */
export type NormalizeOptions = SonicOptions;

const NORMALIZERS: Record<TaskDialect, (taskId: string, response: TaskResponse, options: NormalizeOptions) => NormalizedTask> = {
	sonic: normalizeSonic,
	producer: normalizeProducer,
	riffusion: normalizeRiffusion,
	studio: normalizeStudio,
	nuro: normalizeNuro,
};

/** A task poll response (HTTP status + parsed JSON body) → the one shape the rest of the node uses. */
export function normalizeTask(
	dialect: TaskDialect,
	taskId: string,
	response: TaskResponse,
	options: NormalizeOptions = {},
): NormalizedTask {
	return NORMALIZERS[dialect](taskId, response, options);
}

// ---------------------------------------------------------------------------------------------
// Webhook deliveries (contract §5.1): `{code, message, task_id, platform, event, data}`.

export interface WebhookDelivery {
	taskId: string;
	event: string;
	platform: string;
	dialect: TaskDialect;
	task: NormalizedTask;
}

/** The docs call the Sonic platform `suno`, a production receiver sees `sonic`: accept both. */
const PLATFORMS: Record<string, TaskDialect> = {
	suno: 'sonic',
	sonic: 'sonic',
	producer: 'producer',
	nuro: 'nuro',
	riffusion: 'riffusion',
	studio: 'studio',
};

/**
 * A parsed webhook body → which task it is about and its NormalizedTask. Throws only when the body
 * is not a JSON object (the trigger answers 400 then); missing fields fall back sensibly, since the
 * docs' own example delivery has neither `task_id` nor `platform`.
 */
export function normalizeWebhookDelivery(body: unknown): WebhookDelivery {
	if (!isRecord(body)) throw new Error('MusicAPI webhook body is not a JSON object');

	const taskId = asString(body.task_id) ?? '';
	const platform = asString(body.platform)?.toLowerCase() ?? '';
	const dialect = PLATFORMS[platform] ?? guessDialect(body.data);
	const code = body.code === undefined ? 200 : Number(body.code);
	const failed = (asString(body.event)?.endsWith('.failed') ?? false) || code !== 200;
	// Only the body is signed (X-Webhook-Event is not): without an `event` in it, its clips tell a preview apart.
	const event = asString(body.event) ?? (failed ? 'song.failed' : streamingData(body.data) ? 'song.streaming' : 'song.completed');

	const task = normalizeTask(dialect, taskId, { statusCode: 200, body: asPollBody(dialect, taskId, body, event, failed) });
	// Keep the whole delivery as `raw`, not the poll-shaped body built for the normalizer.
	task.raw = body;
	if (failed) {
		// The delivery's verdict wins; its clips (if any) stay in the task for the report.
		task.state = 'failed';
		const message = asString(body.message);
		task.error = (message?.toLowerCase() === 'success' ? undefined : message) ?? task.error ?? 'Task failed';
	} else if (event === 'song.streaming' && task.state !== 'failed') {
		// A preview URL is not the song: streaming is never terminal.
		task.state = 'running';
	}
	return { taskId, event, platform, dialect, task };
}

/** Whether a delivery's clips (or song) say `streaming`: a preview, which a body without `event` must not pass off as done. */
function streamingData(data: unknown): boolean {
	const entries = isRecord(data) ? [data] : records(data);
	return entries.some((entry) => entry.state === 'streaming' || entry.status === 'streaming');
}

/** Without a platform: an array of clips is Sonic's shape, a flat song object is Nuro's. */
function guessDialect(data: unknown): TaskDialect {
	return isRecord(data) && data.persona_id === undefined && data.clip_id === undefined ? 'nuro' : 'sonic';
}

/**
 * Rewrites a delivery into the dialect's poll shape. A delivery is sent on a final (or streaming)
 * state, so where the poll shape needs a state the delivery leaves out, the event supplies it.
 */
function asPollBody(dialect: TaskDialect, taskId: string, body: IDataObject, event: string, failed: boolean): IDataObject {
	const done = !failed && (event.endsWith('.completed') || event.endsWith('.succeeded'));
	const state = failed ? 'failed' : done ? 'succeeded' : event.endsWith('.streaming') ? 'streaming' : 'running';
	switch (dialect) {
		case 'producer':
			return { status: body.status ?? state, data: body.data ?? [] };
		case 'nuro': {
			const song = isRecord(body.data) ? body.data : {};
			return { task_id: taskId, ...song, status: song.status ?? state };
		}
		case 'sonic':
		case 'riffusion': {
			if (isRecord(body.data)) return { data: body.data };
			// Pairs (`{extended, full}`) are left alone: their halves carry their own states.
			const clips = records(body.data).map((clip) => (clip.state === undefined && !('full' in clip) ? { ...clip, state } : clip));
			return { data: clips };
		}
		case 'studio':
			return { code: 'success', data: isRecord(body.data) ? body.data : {} };
	}
}
