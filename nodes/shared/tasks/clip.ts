import type { IDataObject } from 'n8n-workflow';

import type { Clip, ClipState, NormalizedTask, TaskDialect, TaskResponse, TaskState } from './types';

// Helpers shared by the five dialect normalizers. Everything here is pure and takes `unknown`,
// because the API drifts (contract §0.3) and a poll body is only trusted after narrowing.

// ---------------------------------------------------------------------------------------------
// Narrowing

export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, or undefined. Numbers are accepted too, since ids sometimes arrive numeric. */
export function asString(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** The first key of `raw` holding a usable string: the API names the same thing differently per dialect. */
export function firstString(raw: IDataObject, keys: readonly string[]): string | undefined {
	for (const key of keys) {
		const value = asString(raw[key]);
		if (value !== undefined) return value;
	}
	return undefined;
}

/** Records out of an array, skipping junk entries instead of crashing on them. */
export function records(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The body as an IDataObject for `raw`; a non-object body is kept under `body` when it says anything. */
export function toRaw(body: unknown): IDataObject {
	if (isRecord(body)) return body;
	if (Array.isArray(body)) return { data: records(body) };
	const text = asString(body);
	return text === undefined ? {} : { body: text };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Seconds. Sonic sends `"104.88"`; anything unparseable becomes undefined, never NaN. */
export function parseDuration(value: unknown): number | undefined {
	const n = toNumber(value);
	return n !== undefined && n >= 0 ? n : undefined;
}

/** 0–100. Studio sends `"40%"`, Nuro a number; out-of-range values are clamped. */
export function parseProgress(value: unknown): number | undefined {
	const text = typeof value === 'string' ? value.replace('%', '') : value;
	const n = toNumber(text);
	return n === undefined ? undefined : Math.min(100, Math.max(0, n));
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	// Number() rather than parseFloat(): "12abc" is garbage, not 12.
	const n = Number(value.trim());
	return Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// States

const CLIP_STATES: Record<string, ClipState> = {
	pending: 'pending',
	queued: 'pending',
	submitted: 'pending',
	not_start: 'pending',
	not_ready: 'pending',
	running: 'running',
	processing: 'running',
	in_progress: 'running',
	streaming: 'streaming',
	succeeded: 'succeeded',
	success: 'succeeded',
	complete: 'succeeded',
	completed: 'succeeded',
	failed: 'failed',
	failure: 'failed',
	error: 'failed',
};

/**
 * Any dialect's state word → a ClipState, case-insensitively. Unknown or missing words mean "not
 * done yet": guessing "running" costs one more poll, guessing "succeeded" would hand out no audio.
 */
export function toClipState(value: unknown, fallback: ClipState = 'running'): ClipState {
	const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
	return CLIP_STATES[word] ?? fallback;
}

export function isTerminalClipState(state: ClipState): boolean {
	return state === 'succeeded' || state === 'failed';
}

/** One thing whose completion the task waits for: a clip, or an auto_concat pair. */
export interface Unit {
	state: ClipState;
	error?: string;
}

/**
 * The task's state from its units: done only when every unit is terminal; succeeded when at least
 * one unit succeeded (failed clips stay in the list for the caller to report); failed when all did.
 */
export function summarize(units: readonly Unit[]): { state: TaskState; error?: string } {
	if (units.length === 0) return { state: 'pending' };
	if (units.every((u) => u.state === 'pending')) return { state: 'pending' };
	if (!units.every((u) => isTerminalClipState(u.state))) return { state: 'running' };
	if (units.some((u) => u.state === 'succeeded')) return { state: 'succeeded' };
	const reason = units.find((u) => u.error !== undefined)?.error;
	return { state: 'failed', error: reason ?? 'Every clip failed' };
}

// ---------------------------------------------------------------------------------------------
// Clips

const AUDIO_KEYS = ['audio_url', 'song_path', 'audio_path', 'song_url', 'audio'] as const;
const WAV_KEYS = ['wav_url', 'wav_path'] as const;
const IMAGE_KEYS = ['image_url', 'image_path', 'image_large_url', 'cover_url'] as const;
const VIDEO_KEYS = ['video_url', 'video_path'] as const;
const ERROR_KEYS = ['error_message', 'error', 'fail_reason', 'failure_reason'] as const;

export interface ClipOptions {
	/** The state when the clip does not carry one (producer/studio clips inherit the task's). */
	state?: ClipState;
	/** The id when the clip has none (Nuro: the task id). */
	fallbackId?: string;
	role?: Clip['role'];
	/** A stems task: a clip without `stem_type` takes its title as the stem name. */
	stems?: boolean;
}

/** One API clip (any dialect) → Clip. Only fields that are present are set, so outputs stay tidy. */
export function mapClip(raw: IDataObject, options: ClipOptions = {}): Clip {
	const state = raw.state !== undefined || raw.status !== undefined
		? toClipState(raw.state ?? raw.status)
		: options.state ?? 'running';
	const clip: Clip = {
		clipId: firstString(raw, ['clip_id', 'id']) ?? options.fallbackId ?? '',
		state,
		raw,
	};
	const title = asString(raw.title);
	const fields: Partial<Clip> = {
		title,
		audioUrl: firstString(raw, AUDIO_KEYS),
		wavUrl: firstString(raw, WAV_KEYS),
		imageUrl: firstString(raw, IMAGE_KEYS),
		videoUrl: firstString(raw, VIDEO_KEYS),
		duration: parseDuration(raw.duration),
		lyrics: firstString(raw, ['lyrics', 'lyric']),
		tags: joinTags(raw.tags),
		model: firstString(raw, ['mv', 'model', 'model_name']),
		stemType: asString(raw.stem_type) ?? (options.stems ? title : undefined),
		role: options.role,
		// Error text only matters on a failed clip; elsewhere `error: ""` or stale text is noise.
		error: state === 'failed' ? (firstString(raw, ERROR_KEYS) ?? 'Clip failed') : undefined,
	};
	for (const [key, value] of Object.entries(fields)) {
		if (value !== undefined) Object.assign(clip, { [key]: value });
	}
	return clip;
}

/**
 * Contract §4: a clip is done when it says `succeeded` *and* has its audio URL; clients saw the state come first.
 * Until the URL exists such a clip is still running: one more poll rather than a "finished" clip without audio.
 * Polls, Get Task, callbacks and trigger deliveries all come through here, so they all read it the same way.
 */
export function runningUntilAudio(clip: Clip): Clip {
	return clip.state === 'succeeded' && clip.audioUrl === undefined ? { ...clip, state: 'running' } : clip;
}

/** Sonic sends tags as a comma-separated string, Studio as an array. */
function joinTags(value: unknown): string | undefined {
	if (Array.isArray(value)) {
		const words = value.map(asString).filter((t): t is string => t !== undefined);
		return words.length > 0 ? words.join(', ') : undefined;
	}
	return asString(value);
}

// ---------------------------------------------------------------------------------------------
// Envelopes and errors

/** The API's human message from an error body: clients in the wild read `detail || error || message`. */
export function errorText(body: IDataObject): string | undefined {
	const error = isRecord(body.error) ? asString(body.error.message) : asString(body.error);
	return asString(body.detail) ?? error ?? asString(body.message);
}

/** HTTP statuses the transport retries; seeing one here says nothing about the task itself. */
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503]);
/** `type` values of the error envelope that mean "ask again", not "the task failed". */
const WAIT_TYPES = new Set(['not_ready', 'rate_limit']);

/**
 * The verdict every dialect shares before looking at its own fields, or undefined to go on:
 * - 202, a `not_ready`/`rate_limit` type, a transient HTTP status, or a non-object body → pending;
 * - a `{type, error}` body (even in a 200), another HTTP ≥ 400 (504 is the API's "task timed out"),
 *   or a body `code` ≥ 400 → failed with the API's reason.
 */
export function envelopeVerdict(response: TaskResponse): { state: TaskState; error?: string } | undefined {
	const { statusCode, body } = response;
	if (TRANSIENT_STATUS.has(statusCode)) return { state: 'pending' };
	if (!isRecord(body)) {
		return statusCode >= 400 ? { state: 'failed', error: `HTTP ${statusCode}` } : { state: 'pending' };
	}
	if (typeof body.type === 'string' && WAIT_TYPES.has(body.type)) return { state: 'pending' };
	if (statusCode === 202) return { state: 'pending' };
	const isErrorBody = body.data === undefined && body.status === undefined
		&& (asString(body.type) !== undefined || asString(body.error) !== undefined || isRecord(body.error));
	if (statusCode >= 400 || isErrorBody) {
		return { state: 'failed', error: errorText(body) ?? asString(body.type) ?? `HTTP ${statusCode}` };
	}
	const code = typeof body.code === 'string' && /^\d+$/.test(body.code) ? Number(body.code) : body.code;
	if (typeof code === 'number') {
		if (code === 102 || code === 202) return { state: 'pending' };
		if (code >= 400) return { state: 'failed', error: errorText(body) ?? `API code ${code}` };
	}
	return undefined;
}

/** Assembles a NormalizedTask, leaving out optional fields that are undefined. */
export function makeTask(
	dialect: TaskDialect,
	taskId: string,
	body: unknown,
	state: TaskState,
	extra: Partial<Pick<NormalizedTask, 'clips' | 'progress' | 'error' | 'persona'>> = {},
): NormalizedTask {
	const task: NormalizedTask = { taskId, dialect, state, clips: extra.clips ?? [], raw: toRaw(body) };
	if (extra.progress !== undefined) task.progress = extra.progress;
	if (extra.error !== undefined && state === 'failed') task.error = extra.error;
	if (extra.persona !== undefined) task.persona = extra.persona;
	return task;
}
