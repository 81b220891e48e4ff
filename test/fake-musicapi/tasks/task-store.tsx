import type { Charge } from '../credit-ledger';
import type { Outcome } from '../markers';
import type { Scheduler } from '../scheduler';
import type { FakeOptions } from '../types';
import { newId } from './clip-factory';
import { type ClipSeed, type Dialect, type Task, type TaskShape, clipFails, computeTimeline, streamingStart } from './task';

export interface NewTask {
	dialect: Dialect;
	shape?: TaskShape;
	apiKey: string;
	operation: string;
	clips: ClipSeed[];
	fulls?: ClipSeed[];
	pairRole?: 'extended' | 'replaced';
	persona?: { persona_id: string; name: string };
	details?: Record<string, unknown>;
	outcome: Outcome;
	charge: Charge;
	webhook?: { url: string; secret: string };
}

export interface TaskStoreHooks {
	now(): number;
	options(): FakeOptions;
	scheduler: Scheduler;
	/** The first clip started streaming (only for tasks with a webhook and streaming on). */
	onStreaming(task: Task, at: number): void;
	/** The task reached its end: refund failures, deliver the final webhook. Called exactly once per task. */
	onSettle(task: Task): void;
}

/** Retired sonic models run as their successor, and the clips say so in `mv` (contract §3.1.3, 2026-10). */
function ranAs(clips: ClipSeed[], retired: Record<string, string>): ClipSeed[] {
	for (const clip of clips) clip.mv = retired[clip.mv] ?? clip.mv;
	return clips;
}

/**
 * Tasks and their timelines. States are computed from the clock when read, so nothing needs polling to
 * advance; timers only exist for the side effects (webhooks, refunds), and `tick()` also runs them on demand
 * so a poll after the end always sees the refund already made.
 */
export class TaskStore {
	private readonly tasks = new Map<string, Task>();

	constructor(private readonly hooks: TaskStoreHooks) {}

	create(input: NewTask): Task {
		const now = this.hooks.now();
		const options = this.hooks.options();
		const timeline = computeTimeline(now, input.clips.length, options);
		const task: Task = {
			id: newId(),
			dialect: input.dialect,
			shape: input.shape ?? 'clips',
			apiKey: input.apiKey,
			operation: input.operation,
			createdAt: now,
			...timeline,
			streaming: options.streamingCallback && input.dialect === 'sonic',
			audioLagMs: input.dialect === 'sonic' ? Math.max(0, options.audioUrlLagMs * Math.max(0, options.timeScale)) : 0,
			outcome: input.outcome,
			clips: input.dialect === 'sonic' ? ranAs(input.clips, options.retiredModels) : input.clips,
			fulls: input.dialect === 'sonic' && input.fulls ? ranAs(input.fulls, options.retiredModels) : input.fulls,
			pairRole: input.pairRole,
			persona: input.persona,
			details: input.details ?? {},
			charge: input.charge,
			webhook: input.webhook,
			streamingSent: false,
			settled: false,
		};
		this.tasks.set(task.id, task);
		const streamingAt = this.streamingAt(task);
		if (streamingAt !== undefined) this.tickAt(streamingAt);
		this.tickAt(task.completeAt);
		return task;
	}

	/**
	 * Runs tick() once the fake's clock has reached `time`. Node fires timers by its monotonic clock, and
	 * Date.now() can still be a millisecond short then (measured on this kind of machine: 35-41 of 400 timers of
	 * 1,200 ms): an early wake-up is re-armed, or the task would wait for the next API request to settle and its
	 * webhook would not go out until then.
	 */
	private tickAt(time: number): void {
		this.hooks.scheduler.after(time - this.hooks.now(), () => {
			if (this.hooks.now() < time) this.tickAt(time);
			else this.tick();
		});
	}

	/** A task of one of `dialects` owned by `apiKey`; anything else is "task not found." like the real API. */
	find(id: string, apiKey: string, dialects: readonly Dialect[]): Task | undefined {
		const task = this.tasks.get(id);
		return task && task.apiKey === apiKey && dialects.includes(task.dialect) ? task : undefined;
	}

	tick(): void {
		const now = this.hooks.now();
		for (const task of this.tasks.values()) {
			if (task.settled) continue;
			const streamingAt = this.streamingAt(task);
			if (streamingAt !== undefined && !task.streamingSent && now >= streamingAt) {
				task.streamingSent = true;
				this.hooks.onStreaming(task, streamingAt);
			}
			if (now >= task.completeAt) {
				task.settled = true;
				this.hooks.onSettle(task);
			}
		}
	}

	clear(): void {
		this.tasks.clear();
	}

	/** When the streaming webhook is due, or undefined when this task sends none. */
	private streamingAt(task: Task): number | undefined {
		if (!task.streaming || !task.webhook || task.shape !== 'clips') return undefined;
		const times = task.clips.map((_, index) => index).filter((index) => !clipFails(task, index)).map((index) => streamingStart(task, index));
		return times.length > 0 ? Math.min(...times) : undefined;
	}
}
