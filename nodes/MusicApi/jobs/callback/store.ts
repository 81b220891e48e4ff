import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { NormalizeOptions } from '../../../shared/tasks';
import type { NormalizedTask, TaskDialect } from '../../../shared/tasks/types';
import { hashKey } from '../../../shared/webhooks/dedupe';
import { ReplayCache, SIGNATURE_WINDOW_SECONDS } from '../../../shared/webhooks/signature';
import type { AsyncOperation } from '../../base/operation';
import type { JobExpectations } from '../expectations';
import type { SubmittedJob } from '../submitted';

// The parked batches: in this process's memory, and in the execution's custom data for any other process.

export interface BatchTask {
	itemIndex: number;
	taskId: string;
	dialect: TaskDialect;
	pollPath: string;
	taskOptions?: NormalizeOptions;
	/** What the job's request promised (model asked, WAV made), for the results as in poll mode. */
	expect?: JobExpectations;
	/** When this process last asked MusicAPI about the job (ms since epoch), so it is not asked again at once. */
	polledAt?: number;
}

export interface Batch {
	tasks: BatchTask[];
	delivered: Map<string, NormalizedTask>;
	seen: ReplayCache;
	expiresAt: number;
	/** Set by the call that resumes the execution: any other call arriving meanwhile changes nothing. */
	resuming?: boolean;
	/** Cancels the wait-limit reminder once the execution resumes in this process. */
	reminder?: AbortController;
}

/**
 * Deliveries received while an execution waits. MusicAPI calls back once per job, but the execution can resume
 * only once: earlier deliveries are kept here until the last job reports. Memory of this process only: after a
 * restart, or when the callback reaches another n8n process, the jobs it has not seen are asked once instead.
 */
export const batches = new Map<string, Batch>();

/**
 * Executions this process has resumed, hashed, for an hour: a copy of the last callback arriving after the batch
 * was dropped must not recover it from the execution's custom data and resume a second time.
 */
const resumedExecutions = new ReplayCache({ ttlSeconds: 3600, maxEntries: 10_000 });

export function markResumed(executionId: string): void {
	resumedExecutions.remember(hashKey('execution', executionId));
}

export function wasResumed(executionId: string): boolean {
	return resumedExecutions.has(hashKey('execution', executionId));
}

/** A parked batch's replay cache: hashed keys only (see dedupe.ts), bounded by count beyond the signature window. */
export function newBatchCache(): ReplayCache {
	return new ReplayCache({ maxEntries: BATCH_CACHE_ENTRIES, ttlSeconds: 24 * 3600, keepWithinSeconds: SIGNATURE_WINDOW_SECONDS });
}

const BATCH_CACHE_ENTRIES = 3000;

/**
 * Keeps a batch, parked here or recovered from its execution, after dropping every expired one. Both ways in prune:
 * a process that only receives callbacks (queue mode's main or webhook process) never parks anything, and would
 * otherwise keep every batch it recovered for as long as it runs.
 */
export function keepBatch(executionId: string, batch: Batch, now = Date.now()): void {
	for (const [key, kept] of batches) if (kept.expiresAt < now) batches.delete(key);
	batches.set(executionId, batch);
}

/** Stops every pending reminder and forgets every parked batch of this process (tests; a process shutting down). */
export function releaseParkedExecutions(): void {
	for (const batch of batches.values()) batch.reminder?.abort();
	batches.clear();
	resumedExecutions.clear();
}

/**
 * The jobs of a waiting execution also live in the execution itself, for the process that receives the callbacks
 * when it is not the one that submitted (queue mode: a worker parks, the main receives; or a restart). Not in the
 * node's parked output: n8n removes the waiting node's last run before it calls the resume webhook. The execution's
 * custom data is saved and loaded with it: at most 10 keys per execution, values cut at 512 characters, so the
 * jobs are written as one JSON text in chunks under `musicapi_jobs_<n>` (about 110 jobs fit beside no other keys).
 */
const JOBS_KEY = 'musicapi_jobs_';
const CUSTOM_DATA_KEYS = 10;
const CUSTOM_DATA_CHARS = 512;

interface SavedJobs {
	/** Node id, so another node's leftovers are never taken for this node's jobs. */
	n: string;
	d: TaskDialect;
	/** Poll path without the (URL-encoded) task id. */
	p: string;
	o?: NormalizeOptions;
	/** [item index, task id, expectations if any] per job. */
	j: Array<[number, string] | [number, string, JobExpectations]>;
}

export function saveJobsInExecution(fn: IExecuteFunctions, operation: AsyncOperation, jobs: SubmittedJob[]): boolean {
	try {
		const first = jobs[0]?.taskId ?? '';
		const saved: SavedJobs = {
			n: fn.getNode().id,
			d: operation.dialect,
			p: operation.pollPath(first).slice(0, -encodeURIComponent(first).length || undefined),
			o: operation.taskOptions,
			j: jobs.map((job) => (job.expect ? [job.itemIndex, job.taskId, job.expect] : [job.itemIndex, job.taskId])),
		};
		const text = JSON.stringify(saved);
		const chunks: string[] = [];
		for (let at = 0; at < text.length; at += CUSTOM_DATA_CHARS) chunks.push(text.slice(at, at + CUSTOM_DATA_CHARS));
		const existing = Object.keys(fn.customData.getAll());
		const ours = existing.filter((key) => key.startsWith(JOBS_KEY));
		if (existing.length - ours.length + Math.max(chunks.length, ours.length) > CUSTOM_DATA_KEYS) return false;
		// An earlier, longer batch of this execution leaves keys behind: emptied, they add nothing when joined.
		fn.customData.setAll(Object.fromEntries([...ours.map((key) => [key, '']), ...chunks.map((chunk, i) => [`${JOBS_KEY}${i}`, chunk])]));
		return true;
	} catch {
		// No execution data to write to (e.g. a bare node test): only this process's memory knows the batch.
		return false;
	}
}

/** The jobs of a waiting execution, when this process did not submit them: read from the execution's custom data. */
export function recoverBatch(fn: IWebhookFunctions): Batch | undefined {
	try {
		const data = fn.customData.getAll();
		const keys = Object.keys(data)
			.filter((key) => key.startsWith(JOBS_KEY))
			.sort((a, b) => Number(a.slice(JOBS_KEY.length)) - Number(b.slice(JOBS_KEY.length)));
		const saved = JSON.parse(keys.map((key) => data[key]).join('')) as SavedJobs;
		if (saved.n !== fn.getNode().id) return undefined;
		const tasks: BatchTask[] = saved.j.map(([itemIndex, taskId, expect]) => ({
			itemIndex,
			taskId,
			dialect: saved.d,
			pollPath: `${saved.p}${encodeURIComponent(taskId)}`,
			taskOptions: saved.o,
			expect,
		}));
		return tasks.length ? { tasks, delivered: new Map(), seen: newBatchCache(), expiresAt: Date.now() + 3_600_000 } : undefined;
	} catch {
		return undefined;
	}
}
