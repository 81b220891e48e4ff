import type { Charge } from '../credit-ledger';
import type { Outcome } from '../markers';

/** Which poll endpoint answers for a task, and in which shape (contract §4). */
export type Dialect = 'sonic' | 'producer' | 'riffusion' | 'studio' | 'nuro' | 'suno-lyrics';

/**
 * Sonic result shapes: plain clips; one persona object (create-voice); `{extended|replaced, full}` pairs
 * (auto_concat). Other dialects always use `clips`.
 */
export type TaskShape = 'clips' | 'persona' | 'pairs';

/** Everything a clip will ever show, fixed at submit; the state is derived from the clock at read time. */
export interface ClipSeed {
	clip_id: string;
	title: string;
	tags: string;
	negative_tags: string;
	lyrics: string;
	gpt_description_prompt: string | null;
	mv: string;
	/** Seconds, with two decimals, as the API sends it. */
	duration: string;
	created_at: string;
	style_weight?: number;
	weirdness_constraint?: number;
	audio_weight?: number;
	stem_type?: string;
	/** Producer's style text. */
	sound?: string;
}

export interface Task {
	id: string;
	dialect: Dialect;
	shape: TaskShape;
	/** Tasks belong to the key that created them, as accounts do on the real API. */
	apiKey: string;
	/** The endpoint that created it (for producer: `producer/create:extend_music` etc.). */
	operation: string;
	createdAt: number;
	/** Until then: not_ready / PENDING / pending. */
	readyAt: number;
	/** When each clip becomes terminal; the last one is `completeAt`. */
	clipEnds: number[];
	completeAt: number;
	/** Clips pass through `streaming` (and a streaming webhook goes out) — snapshot of the option at submit. */
	streaming: boolean;
	/** A succeeded clip shows no `audio_url` for this long after its end (scaled `audioUrlLagMs` at submit). */
	audioLagMs: number;
	outcome: Outcome;
	clips: ClipSeed[];
	/** auto_concat: the concatenated full song per pair. */
	fulls?: ClipSeed[];
	pairRole?: 'extended' | 'replaced';
	persona?: { persona_id: string; name: string };
	/** Dialect-specific details (producer kind, nuro fields, studio prompt, lyrics text…). */
	details: Record<string, unknown>;
	charge: Charge;
	webhook?: { url: string; secret: string };
	streamingSent: boolean;
	settled: boolean;
}

export type ClipPhase = 'hidden' | 'pending' | 'running' | 'streaming' | 'succeeded' | 'failed';

export const FAILURE_MESSAGE = 'Song generation failed. Credits have been refunded.';
export const TIMEOUT_MESSAGE = 'Task failed due to timeout. Credits were previously refunded.';

/** Does this clip end in failure? `fail` fails all, `fail-one` only the second clip. */
export function clipFails(task: Task, index: number): boolean {
	return task.outcome === 'fail' || (task.outcome === 'fail-one' && index === 1);
}

/**
 * The state of clip `index` at `now`: hidden before readyAt, then pending for the first fifth of its run,
 * running, streaming for the last 40 % when streaming is on, and terminal at its end. A timed-out task never
 * reaches a terminal state (its polls turn into 504 instead).
 */
export function clipPhase(task: Task, index: number, now: number, end = task.clipEnds[index]): ClipPhase {
	if (now < task.readyAt) return 'hidden';
	if (now >= end && task.outcome !== 'timeout') return clipFails(task, index) ? 'failed' : 'succeeded';
	const progress = end > task.readyAt ? (now - task.readyAt) / (end - task.readyAt) : 1;
	if (progress < 0.2) return 'pending';
	if (task.streaming && progress >= 0.6 && !clipFails(task, index)) return 'streaming';
	return 'running';
}

/** When clip `index` starts streaming (used to time the streaming webhook). */
export function streamingStart(task: Task, index: number): number {
	return task.readyAt + (task.clipEnds[index] - task.readyAt) * 0.6;
}

/** auto_concat: the extended/replaced half finishes at 70 % of the pair's time, the full song at its end. */
export function pairHalfEnd(task: Task, index: number): number {
	return task.readyAt + (task.clipEnds[index] - task.readyAt) * 0.7;
}

/** Whether clip `index`, succeeded at `end`, still has no audio URL at `now` (the `audioUrlLagMs` window). */
export function audioPending(task: Task, now: number, end: number): boolean {
	return now < end + task.audioLagMs;
}

export function isTimedOut(task: Task, now: number): boolean {
	return task.outcome === 'timeout' && now >= task.completeAt;
}

/** Percent done, for the dialects that report progress. */
export function progressPercent(task: Task, now: number): number {
	if (now >= task.completeAt) return 100;
	if (now <= task.createdAt) return 0;
	return Math.min(99, Math.floor(((now - task.createdAt) / (task.completeAt - task.createdAt)) * 100));
}

/**
 * Absolute times of a new task: ready after the not_ready phase, the last clip at the job latency, the first
 * clip `stagger` earlier and the others spread evenly in between.
 */
export function computeTimeline(
	now: number,
	clipCount: number,
	timing: { notReadyMs: number; jobLatencyMs: number; clipStaggerMs: number; timeScale: number },
): { readyAt: number; clipEnds: number[]; completeAt: number } {
	const scale = Math.max(0, timing.timeScale);
	const readyAt = now + Math.max(0, timing.notReadyMs) * scale;
	const completeAt = Math.max(readyAt, now + Math.max(0, timing.jobLatencyMs) * scale);
	const firstEnd = Math.max(readyAt, completeAt - Math.max(0, timing.clipStaggerMs) * scale);
	const count = Math.max(1, clipCount);
	const clipEnds = Array.from({ length: count }, (_, index) =>
		count === 1 ? completeAt : firstEnd + ((completeAt - firstEnd) * index) / (count - 1),
	);
	return { readyAt, clipEnds, completeAt };
}
