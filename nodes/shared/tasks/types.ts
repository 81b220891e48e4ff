import type { IDataObject } from 'n8n-workflow';

/** The five response shapes MusicAPI uses to answer "is my job done?" (contract §4). */
export type TaskDialect = 'sonic' | 'producer' | 'riffusion' | 'studio' | 'nuro';

/** One state for the whole task, whatever the dialect. */
export type TaskState = 'pending' | 'running' | 'succeeded' | 'failed';

export type ClipState = 'pending' | 'running' | 'streaming' | 'succeeded' | 'failed';

/** One generated piece of audio (a song, a stem, an extension, a full concatenation). */
export interface Clip {
	clipId: string;
	state: ClipState;
	title?: string;
	audioUrl?: string;
	wavUrl?: string;
	imageUrl?: string;
	videoUrl?: string;
	/** Seconds; MusicAPI sends it as a decimal string, we always hand out a number. */
	duration?: number;
	lyrics?: string;
	tags?: string;
	model?: string;
	/** Stems tasks: the stem's name (vocals, drums, …). */
	stemType?: string;
	/** auto_concat tasks answer `{extended|replaced, full}` pairs; this says which half a clip was. */
	role?: 'extended' | 'replaced' | 'full';
	/** The API's reason when the clip failed. */
	error?: string;
	/** The clip exactly as the API sent it. */
	raw: IDataObject;
}

/** What every normalizer returns: the one shape the rest of the code uses. */
export interface NormalizedTask {
	taskId: string;
	dialect: TaskDialect;
	/**
	 * `succeeded` once every clip is terminal and at least one succeeded (failed clips stay in `clips`,
	 * with `state: 'failed'`, so callers can report them); `failed` when the task or every clip failed.
	 */
	state: TaskState;
	clips: Clip[];
	/** 0–100 where the API reports it. */
	progress?: number;
	/** The API's reason for a failed task. */
	error?: string;
	/** create-voice tasks end with a persona instead of clips. */
	persona?: { personaId: string; name?: string };
	/** The response body as received. */
	raw: IDataObject;
}

/** A task poll response before normalization. */
export interface TaskResponse {
	statusCode: number;
	body: unknown;
}

export const TERMINAL_TASK_STATES: readonly TaskState[] = ['succeeded', 'failed'];

export function isTerminal(task: NormalizedTask): boolean {
	return TERMINAL_TASK_STATES.includes(task.state);
}
