import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, sleepUnlessCancelled } from '../../shared/transport/nodeError';

import { normalizeTask, type NormalizeOptions } from '../../shared/tasks';
import type { NormalizedTask, TaskDialect } from '../../shared/tasks/types';
import type { MusicApiClient } from '../../shared/transport/MusicApiClient';
import { JobBoard } from './board';

export interface PendingTask {
	itemIndex: number;
	taskId: string;
	dialect: TaskDialect;
	pollPath: string;
	/** When the job was submitted (ms since epoch). */
	submittedAt: number;
	taskOptions?: NormalizeOptions;
	/** Jobs of one family (one endpoint) take about as long as each other: they share what is learned. */
	family?: string;
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
/** How often a task that waits for another execution's scout looks whether it may ask (no request is sent). */
const RECHECKS_PER_INTERVAL = 4;

/**
 * One scheduler for every pending task of an execution. It always polls the task that is due first, so the
 * request spacer (the rate limit) is spent where an answer is most likely; once one job has finished, the
 * observed job duration tells when the others will be ready, so most jobs are polled once or twice.
 *
 * The scout and the job duration are shared with every other execution on the same API key (JobBoard): twenty
 * executions of one song each poll like one execution of twenty songs, instead of twenty scouts crowding the rate
 * budget. Polls wait out 429s until this wait's deadline, since a refused poll is free to repeat.
 */
export async function waitForTasks(
	client: MusicApiClient,
	tasks: PendingTask[],
	options: WaitOptions,
): Promise<TaskOutcome[]> {
	const start = Date.now();
	const deadline = start + options.timeoutMs;
	const boards = new Map<string, JobBoard>();
	const boardOf = (t: PendingTask) => {
		const family = t.family ?? t.dialect;
		let board = boards.get(family);
		if (!board) boards.set(family, (board = new JobBoard(client.budget, family)));
		return board;
	};
	try {
		return await scheduleTasks(client, tasks, options, deadline, boardOf);
	} finally {
		for (const board of boards.values()) board.leave();
	}
}

async function scheduleTasks(
	client: MusicApiClient,
	tasks: PendingTask[],
	options: WaitOptions,
	deadline: number,
	boardOf: (t: PendingTask) => JobBoard,
): Promise<TaskOutcome[]> {
	const outcomes: TaskOutcome[] = [];
	const state = tasks.map((t) => ({
		...t,
		dueAt: t.submittedAt + options.pollIntervalMs,
		interval: options.pollIntervalMs,
		polls: 0,
		lastState: 'submitted',
		/** When this task last answered "not ready" (ms since epoch). */
		lastMissAt: undefined as number | undefined,
		/** "Not ready" answers since the estimate said it would be done (under the current estimate). */
		missesPastEstimate: 0,
	}));
	const pollIntervalMs = options.pollIntervalMs;
	// Items of one execution submitted in the same millisecond still have a scout: the first item.
	for (const t of state) boardOf(t).add(t, t.submittedAt + t.itemIndex / 1000, pollIntervalMs);

	// Until a job time is measured, only the scouts are polled: the others would only repeat their "not ready".
	// Afterwards a job is not worth asking about before the estimate has passed for it too — except the first
	// job of a new wave, which checks the estimate from a quarter of it (a job time that fell shows there).
	const due = (t: (typeof state)[number]) => {
		const board = boardOf(t);
		const expected = board.estimate(pollIntervalMs);
		if (expected === undefined) return board.isScout(t) ? t.dueAt : Number.POSITIVE_INFINITY;
		return Math.max(t.dueAt, t.submittedAt + (board.checksEstimate(t) ? expected / 4 : expected));
	};

	const poll = async (next: (typeof state)[number], atDeadline = false): Promise<NormalizedTask | undefined> => {
		next.polls++;
		// A scout's or a checker's answer is almost always "not ready": it lets submits go first, for at most a poll
		// interval (never at the deadline, which is the last chance).
		const board = boardOf(next);
		const scouting = !atDeadline && (board.estimate(pollIntervalMs) === undefined || board.checksEstimate(next));
		const yieldForMs = scouting ? pollIntervalMs : undefined;
		try {
			const response = await client.request({ method: 'GET', path: next.pollPath, kind: 'read', deadline, yieldForMs }, next.itemIndex);
			const task = normalizeTask(next.dialect, next.taskId, response, next.taskOptions);
			next.lastState = task.progress !== undefined ? `${task.state} ${task.progress}%` : task.state;
			options.log(`MusicAPI task ${next.taskId} (item ${next.itemIndex}): ${next.lastState} after ${next.polls} poll(s)`);
			if (task.state !== 'succeeded' && task.state !== 'failed') return undefined;
			// A poll held back by 429s says only that the job was done by the end of the storm: learn nothing from it.
			if (task.state === 'succeeded' && !response.rateLimited) {
				// It finished between its last "not ready" and now; at its first poll it says only "done by now".
				const doneBy = Date.now() - next.submittedAt;
				if (next.lastMissAt !== undefined) board.learn(next.lastMissAt - next.submittedAt, doneBy);
				else board.learnDoneBy(doneBy, pollIntervalMs);
			}
			outcomes.push({ taskId: next.taskId, itemIndex: next.itemIndex, task });
			return task;
		} catch (error) {
			if (client.cancelSignal?.aborted) throw asNodeError(client.node, error, next.itemIndex);
			options.log(`MusicAPI task ${next.taskId} (item ${next.itemIndex}): poll failed: ${(error as Error).message}`);
			outcomes.push({ taskId: next.taskId, itemIndex: next.itemIndex, error: asNodeError(client.node, error, next.itemIndex) });
			return undefined;
		}
	};
	const settled = (t: (typeof state)[number]) => {
		const done = outcomes.some((o) => o.taskId === t.taskId && o.itemIndex === t.itemIndex);
		if (done) boardOf(t).remove(t);
		return done;
	};

	while (state.length) {
		state.sort((a, b) => due(a) - due(b));
		const next = state[0];
		const at = due(next);
		if (at === Number.POSITIVE_INFINITY && Date.now() < deadline) {
			// Another execution's job is the scout: look again soon whether it has learned the job time or ended.
			const recheck = Math.min(options.pollIntervalMs / RECHECKS_PER_INTERVAL, deadline - Date.now());
			await sleepUnlessCancelled(client.node, recheck, client.cancelSignal);
			continue;
		}
		if (at >= deadline) break;
		if (at > Date.now()) await sleepUnlessCancelled(client.node, at - Date.now(), client.cancelSignal);
		state.shift();
		await poll(next);
		if (settled(next)) continue;
		const board = boardOf(next);
		const expectedBefore = board.estimate(pollIntervalMs);
		const firstMissSinceEstimate = expectedBefore !== undefined && (next.lastMissAt ?? 0) < board.estimatedAt;
		next.lastMissAt = Date.now();
		if (expectedBefore !== undefined && next.lastMissAt - next.submittedAt >= expectedBefore) {
			next.missesPastEstimate = firstMissSinceEstimate ? 1 : next.missesPastEstimate + 1;
			// Unfinished even at the quick second look: the job time rose; the scouts measure it again.
			if (next.missesPastEstimate >= 2) board.forget();
		}
		const expectedDurationMs = board.estimate(pollIntervalMs);
		if (expectedDurationMs === undefined) {
			// The scout measures the job duration every other task will be scheduled by: it is asked twice per
			// interval, unstretched, so the estimate is at most a quarter interval off.
			next.dueAt = Date.now() + options.pollIntervalMs / 2;
		} else if (board.checksEstimate(next)) {
			// Checking the estimate: a look every eighth of it (or half a poll interval) measures a changed job time.
			next.dueAt = Date.now() + Math.max(pollIntervalMs / 2, expectedDurationMs / 8);
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
			await poll(left, true);
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
	operation: { dialect: TaskDialect; pollPath(taskId: string): string; taskOptions?: NormalizeOptions; endpoint?: string },
	jobs: Array<{ itemIndex: number; taskId: string; submittedAt: number }>,
): PendingTask[] {
	return jobs.map((job) => ({
		itemIndex: job.itemIndex,
		taskId: job.taskId,
		dialect: operation.dialect,
		pollPath: operation.pollPath(job.taskId),
		submittedAt: job.submittedAt,
		taskOptions: operation.taskOptions,
		family: operation.endpoint,
	}));
}
