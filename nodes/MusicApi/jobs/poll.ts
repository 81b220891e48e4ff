import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, sleepUnlessCancelled } from '../../shared/transport/nodeError';

import { normalizeTask, type NormalizeOptions } from '../../shared/tasks';
import type { NormalizedTask, TaskDialect } from '../../shared/tasks/types';
import type { MusicApiClient } from '../../shared/transport/MusicApiClient';

export interface PendingTask {
	itemIndex: number;
	taskId: string;
	dialect: TaskDialect;
	pollPath: string;
	/** When the job was submitted (ms since epoch). */
	submittedAt: number;
	taskOptions?: NormalizeOptions;
}

export interface WaitOptions {
	pollIntervalMs: number;
	timeoutMs: number;
	/** Progress lines for the user (task ids and states). */
	log: (message: string) => void;
}

export type TaskOutcome =
	| { taskId: string; itemIndex: number; task: NormalizedTask }
	| { taskId: string; itemIndex: number; error: NodeApiError | NodeOperationError }
	| { taskId: string; itemIndex: number; timedOut: true; lastState: string };

/** Each unanswered poll stretches that task's interval by this much, up to MAX_STRETCH × the poll interval. */
const STRETCH = 1.25;
const MAX_STRETCH = 2;

/**
 * One scheduler for every pending task of an execution. It always polls the task that is due first, so the
 * request spacer (the rate limit) is spent where an answer is most likely; once one job has finished, the
 * observed job duration tells when the others will be ready, so most jobs are polled once or twice.
 */
export async function waitForTasks(
	client: MusicApiClient,
	tasks: PendingTask[],
	options: WaitOptions,
): Promise<TaskOutcome[]> {
	const start = Date.now();
	const deadline = start + options.timeoutMs;
	const outcomes: TaskOutcome[] = [];
	const state = tasks.map((t) => ({
		...t,
		dueAt: t.submittedAt + options.pollIntervalMs,
		interval: options.pollIntervalMs,
		polls: 0,
		lastState: 'submitted',
		/** When this task last answered "not ready" (ms since epoch). */
		lastMissAt: undefined as number | undefined,
	}));
	let expectedDurationMs: number | undefined;
	/** When the first duration estimate was made (0: not yet). */
	let estimatedAt = 0;

	// Until one job has finished, only the oldest pending job (the scout) is polled: the others would only
	// repeat its "not ready". Afterwards a job is not worth asking about before the fastest finished job's
	// duration has passed for it too.
	const older = (a: (typeof state)[number], b: (typeof state)[number]) =>
		a.submittedAt - b.submittedAt || a.itemIndex - b.itemIndex;
	const scout = () => state.reduce((a, b) => (older(b, a) < 0 ? b : a));
	const due = (t: (typeof state)[number]) =>
		expectedDurationMs !== undefined
			? Math.max(t.dueAt, t.submittedAt + expectedDurationMs)
			: t === scout()
				? t.dueAt
				: Number.POSITIVE_INFINITY;

	const poll = async (next: (typeof state)[number]): Promise<NormalizedTask | undefined> => {
		next.polls++;
		try {
			const response = await client.request({ method: 'GET', path: next.pollPath, kind: 'read' }, next.itemIndex);
			const task = normalizeTask(next.dialect, next.taskId, response, next.taskOptions);
			next.lastState = task.progress !== undefined ? `${task.state} ${task.progress}%` : task.state;
			options.log(`MusicAPI task ${next.taskId} (item ${next.itemIndex}): ${next.lastState} after ${next.polls} poll(s)`);
			if (task.state !== 'succeeded' && task.state !== 'failed') return undefined;
			if (task.state === 'succeeded') {
				// It finished between its last "not ready" and now: the midpoint is the best guess of its duration.
				const finishedBy = next.lastMissAt !== undefined ? (next.lastMissAt + Date.now()) / 2 : Date.now();
				const took = finishedBy - next.submittedAt;
				expectedDurationMs = expectedDurationMs === undefined ? took : Math.min(expectedDurationMs, took);
			}
			outcomes.push({ taskId: next.taskId, itemIndex: next.itemIndex, task });
			if (estimatedAt === 0 && expectedDurationMs !== undefined) estimatedAt = Date.now();
			return task;
		} catch (error) {
			if (client.cancelSignal?.aborted) throw asNodeError(client.node, error, next.itemIndex);
			options.log(`MusicAPI task ${next.taskId} (item ${next.itemIndex}): poll failed: ${(error as Error).message}`);
			outcomes.push({ taskId: next.taskId, itemIndex: next.itemIndex, error: asNodeError(client.node, error, next.itemIndex) });
			return undefined;
		}
	};
	const settled = (t: (typeof state)[number]) => outcomes.some((o) => o.taskId === t.taskId && o.itemIndex === t.itemIndex);

	while (state.length) {
		state.sort((a, b) => due(a) - due(b));
		const next = state[0];
		const at = due(next);
		if (at >= deadline) break;
		if (at > Date.now()) await sleepUnlessCancelled(client.node, at - Date.now(), client.cancelSignal);
		state.shift();
		await poll(next);
		if (settled(next)) continue;
		const firstMissSinceEstimate = expectedDurationMs !== undefined && (next.lastMissAt ?? 0) < estimatedAt;
		next.lastMissAt = Date.now();
		if (expectedDurationMs === undefined) {
			// The scout measures the job duration every other task will be scheduled by: it is asked twice per
			// interval, unstretched, so the estimate is at most a quarter interval off.
			next.dueAt = Date.now() + options.pollIntervalMs / 2;
		} else if (firstMissSinceEstimate) {
			// Asked when the estimate said it would be ready, and nearly is: look again soon.
			next.interval = options.pollIntervalMs / 4;
			next.dueAt = Date.now() + next.interval;
		} else {
			next.interval = Math.min(next.interval * STRETCH, options.pollIntervalMs * MAX_STRETCH);
			next.dueAt = Date.now() + next.interval;
		}
		state.push(next);
	}

	// At the deadline every job still open is asked once more: one may have finished unseen behind the scout.
	if (state.length) {
		const untilDeadline = deadline - Date.now();
		if (untilDeadline > 0) await sleepUnlessCancelled(client.node, untilDeadline, client.cancelSignal);
		for (const left of [...state]) {
			await poll(left);
			if (settled(left)) state.splice(state.indexOf(left), 1);
		}
	}

	for (const left of state) {
		outcomes.push({ taskId: left.taskId, itemIndex: left.itemIndex, timedOut: true, lastState: left.lastState });
	}
	return outcomes;
}

/** The scheduler's view of submitted jobs. */
export function pendingTasks(
	operation: { dialect: TaskDialect; pollPath(taskId: string): string; taskOptions?: NormalizeOptions },
	jobs: Array<{ itemIndex: number; taskId: string; submittedAt: number }>,
): PendingTask[] {
	return jobs.map((job) => ({
		itemIndex: job.itemIndex,
		taskId: job.taskId,
		dialect: operation.dialect,
		pollPath: operation.pollPath(job.taskId),
		submittedAt: job.submittedAt,
		taskOptions: operation.taskOptions,
	}));
}
