import { createHmac } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { AsyncOperation, OperationContext } from '../actions/types';
import { normalizeTask, normalizeWebhookDelivery, type NormalizeOptions } from '../../shared/tasks';
import type { NormalizedTask, TaskDialect } from '../../shared/tasks/types';
import { CREDENTIAL_NAME, MusicApiClient } from '../../shared/transport/MusicApiClient';
import { readResultOptionsWith, type ResultOptions } from '../descriptions/completionFields';
import type { FinishedItems, SubmittedJob } from './finish';
import { outcomesToItems } from './finish';
import { readRequestSettingsWith } from '../descriptions/requestOptions';
import { ReplayCache, signPayload, verifyDelivery } from '../../shared/webhooks/signature';
import type { TaskOutcome } from './poll';

/**
 * The action node's resume webhook for "Wait for Callback": n8n serves it at this execution's resume URL plus the
 * node id while the execution waits, and only then (restartWebhook). Shared constant, as n8n's own send-and-wait
 * nodes do, so the node description stays declarative.
 */
export const CALLBACK_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

/** The URL MusicAPI calls back: n8n's resume URL (which carries its own signature token) plus the node id. */
export function callbackUrl(fn: IExecuteFunctions): string {
	const url = new URL(String(fn.evaluateExpression('{{ $execution.resumeUrl }}', 0)));
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${fn.getNode().id}`;
	return url.toString();
}

/**
 * The secret MusicAPI signs callbacks with. The credential's webhook secret when set; otherwise one derived from
 * the API key and the execution id, so both the submitting execution and the resuming webhook (possibly another
 * process) know it without storing anything, and no other execution's callbacks verify.
 */
export function callbackSecret(credentials: IDataObject, executionId: string): string {
	if (typeof credentials.webhookSecret === 'string' && credentials.webhookSecret) return credentials.webhookSecret;
	return createHmac('sha256', String(credentials.apiKey ?? '')).update(`musicapi-callback:${executionId}`).digest('hex');
}

interface BatchTask {
	itemIndex: number;
	taskId: string;
	dialect: TaskDialect;
	pollPath: string;
	taskOptions?: NormalizeOptions;
	/** When this process last asked MusicAPI about the job (ms since epoch), so it is not asked again at once. */
	polledAt?: number;
}

interface Batch {
	tasks: BatchTask[];
	delivered: Map<string, NormalizedTask>;
	seen: ReplayCache;
	expiresAt: number;
	/** Set by the call that resumes the execution: any other call arriving meanwhile changes nothing. */
	resuming?: boolean;
	/** Cancels the wait-limit reminder once the execution resumes in this process. */
	reminder?: AbortController;
}

/** n8n's own wait limit comes this long after ours: its waiting-tracker looks only once a minute. */
const BACKSTOP_MS = 120_000;

/** The event of the reminder a parked execution gets at its wait limit. */
const DEADLINE_EVENT = 'musicapi.deadline';

/**
 * At the wait limit, the submitting process delivers a reminder to the execution's own resume URL, signed with the
 * execution's callback secret like a MusicAPI delivery: the webhook then asks once about every job still missing
 * and resumes with the finished ones and an error item naming each task id still running. If the execution has
 * resumed already, n8n answers 409 and nothing happens.
 */
async function remindAtDeadline(
	fn: IExecuteFunctions,
	url: string,
	secret: string,
	executionId: string,
	afterMs: number,
	signal: AbortSignal,
) {
	try {
		await sleep(afterMs, signal);
		const body = JSON.stringify({ event: DEADLINE_EVENT, task_id: '', code: 408, message: 'wait limit reached' });
		const timestamp = Math.floor(Date.now() / 1000);
		await fn.helpers.httpRequest({
			method: 'POST',
			url,
			body,
			json: false,
			ignoreHttpStatusErrors: true,
			headers: {
				'content-type': 'application/json',
				'x-webhook-id': `${DEADLINE_EVENT}:${executionId}`,
				'x-webhook-event': DEADLINE_EVENT,
				'x-webhook-timestamp': String(timestamp),
				'x-webhook-signature': signPayload(secret, timestamp, body),
			},
		});
	} catch (error) {
		// Aborted: the execution resumed in this process before its limit, nothing to remind.
		if (!signal.aborted) {
			fn.logger.warn(`MusicAPI: could not remind execution ${executionId} of its wait limit: ${(error as Error).message}`);
		}
	}
}

/** Stops every pending reminder and forgets every parked batch of this process (tests; a process shutting down). */
export function releaseParkedExecutions(): void {
	for (const batch of batches.values()) batch.reminder?.abort();
	batches.clear();
}

/** A job whose callback may have been lost is asked about at most once in this long. */
const REPOLL_AFTER_MS = 10_000;

/**
 * Deliveries received while an execution waits. MusicAPI calls back once per job, but the execution can resume
 * only once: earlier deliveries are kept here until the last job reports. Memory of this process only: after a
 * restart, or when the callback reaches another n8n process, the jobs it has not seen are asked once instead.
 */
const batches = new Map<string, Batch>();

function pruneBatches(now = Date.now()) {
	for (const [key, batch] of batches) if (batch.expiresAt < now) batches.delete(key);
}

/** Submitted jobs park the execution: no polling and no busy worker until MusicAPI reports back. */
export async function parkForCallback(
	ctx: OperationContext,
	operation: AsyncOperation,
	jobs: SubmittedJob[],
	options: ResultOptions,
): Promise<FinishedItems> {
	pruneBatches();
	const executionId = ctx.fn.getExecutionId();
	batches.set(executionId, {
		tasks: jobs.map((job) => ({
			itemIndex: job.itemIndex,
			taskId: job.taskId,
			dialect: operation.dialect,
			pollPath: operation.pollPath(job.taskId),
			taskOptions: operation.taskOptions,
		})),
		delivered: new Map(),
		seen: new ReplayCache({ maxEntries: 10_000 }),
		expiresAt: Date.now() + options.timeoutMs + 3_600_000,
	});
	const ids = jobs.map((job) => job.taskId).join(', ');
	if (!saveJobsInExecution(ctx.fn, operation, jobs)) {
		ctx.fn.logger.warn(
			`MusicAPI: execution ${executionId} could not record its ${jobs.length} jobs in the execution's custom data (n8n keeps 10 keys of 512 characters): only this n8n process can resume it`,
		);
	}
	ctx.fn.logger.info(`MusicAPI: execution ${executionId} waits for the callbacks of tasks ${ids}`);
	// n8n resumes a node whose wait limit passed as if it were disabled: its input goes on and nobody asks
	// MusicAPI. So this process reminds the execution itself at the limit (see remindAtDeadline); n8n's own limit,
	// a little later (it checks once a minute), stays as the backstop should this process be gone by then.
	await ctx.fn.putExecutionToWait(new Date(Date.now() + options.timeoutMs + BACKSTOP_MS));
	const credentials = await ctx.fn.getCredentials(CREDENTIAL_NAME);
	const reminder = new AbortController();
	const batch = batches.get(executionId);
	if (batch) batch.reminder = reminder;
	void remindAtDeadline(ctx.fn, callbackUrl(ctx.fn), callbackSecret(credentials, executionId), executionId, options.timeoutMs, reminder.signal);
	const finished: FinishedItems = new Map();
	for (const job of jobs) {
		finished.set(job.itemIndex, [
			{
				json: { taskId: job.taskId, state: 'waiting', pollPath: operation.pollPath(job.taskId), dialect: operation.dialect },
				pairedItem: { item: job.itemIndex },
			},
		]);
	}
	return finished;
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
	/** [item index, task id] per job. */
	j: Array<[number, string]>;
}

function saveJobsInExecution(fn: IExecuteFunctions, operation: AsyncOperation, jobs: SubmittedJob[]): boolean {
	try {
		const first = jobs[0]?.taskId ?? '';
		const saved: SavedJobs = {
			n: fn.getNode().id,
			d: operation.dialect,
			p: operation.pollPath(first).slice(0, -encodeURIComponent(first).length || undefined),
			o: operation.taskOptions,
			j: jobs.map((job) => [job.itemIndex, job.taskId]),
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
function recoverBatch(fn: IWebhookFunctions): Batch | undefined {
	try {
		const data = fn.customData.getAll();
		const keys = Object.keys(data)
			.filter((key) => key.startsWith(JOBS_KEY))
			.sort((a, b) => Number(a.slice(JOBS_KEY.length)) - Number(b.slice(JOBS_KEY.length)));
		const saved = JSON.parse(keys.map((key) => data[key]).join('')) as SavedJobs;
		if (saved.n !== fn.getNode().id) return undefined;
		const tasks: BatchTask[] = saved.j.map(([itemIndex, taskId]) => ({
			itemIndex,
			taskId,
			dialect: saved.d,
			pollPath: `${saved.p}${encodeURIComponent(taskId)}`,
			taskOptions: saved.o,
		}));
		return tasks.length ? { tasks, delivered: new Map(), seen: new ReplayCache(), expiresAt: Date.now() + 3_600_000 } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The waiting execution's id, from the URL we handed MusicAPI (`…/<execution id>/<node id>?signature=…`): a resumed
 * webhook call does not always carry it in its context.
 */
export function executionIdOf(requestUrl: string): string | undefined {
	const segments = new URL(requestUrl, 'http://localhost').pathname.split('/').filter(Boolean);
	return segments.length >= 2 ? decodeURIComponent(segments[segments.length - 2]) : undefined;
}

function reply(fn: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	fn.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Jobs whose callback this execution still waits for, but which may have reported already: MusicAPI calls back
 * as soon as a job ends, and n8n refuses (409) a callback for an execution that is still running, i.e. still
 * submitting the rest of the batch. Jobs end roughly in the order they were submitted, so when a later job
 * reports, the earlier ones still missing are asked once (not again within REPOLL_AFTER_MS).
 */
function overdue(batch: Batch, reported: BatchTask | undefined, now: number): BatchTask[] {
	if (!reported) return [];
	const order = batch.tasks.indexOf(reported);
	return batch.tasks.filter(
		(t, i) => i < order && !batch.delivered.has(t.taskId) && (t.polledAt === undefined || now - t.polledAt >= REPOLL_AFTER_MS),
	);
}

/**
 * A MusicAPI callback for a waiting execution. Only a correctly signed, fresh, first delivery counts; streaming
 * updates are acknowledged and ignored; the execution resumes once every job of the batch has finished.
 */
export async function callbackWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const executionId = executionIdOf(request.originalUrl ?? request.url ?? '') ?? this.getExecutionId();
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const known = batches.get(executionId);
	const batch = known ?? recoverBatch(this);
	// Later deliveries to this process find what this one learnt, instead of asking about every job again.
	if (batch && !known) batches.set(executionId, batch);
	const rawBody = (request as { rawBody?: Buffer }).rawBody;
	const check = verifyDelivery({
		headers: request.headers,
		rawBody,
		secret: callbackSecret(credentials, executionId),
		seen: batch?.seen,
	});
	if (!check.ok) {
		this.logger.warn(`MusicAPI callback for execution ${executionId} rejected: ${check.reason}`);
		return reply(this, check.status, { error: check.reason });
	}
	if (check.duplicate) return reply(this, 200, { received: true, duplicate: true });

	let body: unknown;
	let delivery;
	try {
		body = JSON.parse((rawBody ?? '').toString());
		if ((body as IDataObject)?.event !== DEADLINE_EVENT) delivery = normalizeWebhookDelivery(body);
	} catch {
		return reply(this, 400, { error: 'The body is not a MusicAPI delivery (JSON expected)' });
	}
	if (!delivery) {
		if (!batch || batch.resuming) return reply(this, 200, { received: true, ignored: true });
		return await resume.call(this, executionId, batch, batch.tasks.filter((t) => !batch.delivered.has(t.taskId)), true);
	}
	if (delivery.task.state !== 'succeeded' && delivery.task.state !== 'failed') {
		return reply(this, 200, { received: true, waiting: true });
	}
	const reported = batch?.tasks.find((t) => t.taskId === delivery.taskId);
	if (!batch || !reported) {
		// A delivery for a job this execution did not start: acknowledge it, change nothing.
		return reply(this, 200, { received: true, ignored: true });
	}
	if (batch.resuming) return reply(this, 200, { received: true, resumed: true });
	batch.delivered.set(delivery.taskId, { ...delivery.task, taskId: delivery.taskId });
	this.logger.info(`MusicAPI callback: task ${delivery.taskId} ${delivery.task.state} (execution ${executionId})`);

	// Known batch: ask only about jobs that should have reported already. A batch this process never saw
	// (restart, another process): every job it has no delivery for is asked once.
	const toAsk = known ? overdue(batch, reported, Date.now()) : batch.tasks.filter((t) => !batch.delivered.has(t.taskId));
	return await resume.call(this, executionId, batch, toAsk, false);
}

/**
 * Asks once about the given jobs, then resumes the execution if every job has an answer — or, at the wait limit,
 * with what there is: jobs still running become error items naming their task ids, so nothing paid for is lost.
 */
async function resume(
	this: IWebhookFunctions,
	executionId: string,
	batch: Batch,
	toAsk: BatchTask[],
	deadline: boolean,
): Promise<IWebhookResponseData> {
	// Marked before the first await: a callback handled meanwhile must not ask about the same jobs again.
	const now = Date.now();
	for (const task of toAsk) task.polledAt = now;
	const getParameter = (name: string, fallback: unknown) => this.getNodeParameter(name, fallback as never);
	const client = await MusicApiClient.create(this, readRequestSettingsWith(getParameter));
	const lastState = new Map<string, string>();
	for (const task of toAsk) {
		try {
			const response = await client.request({ method: 'GET', path: task.pollPath, kind: 'read' }, task.itemIndex);
			const polled = normalizeTask(task.dialect, task.taskId, response, task.taskOptions);
			lastState.set(task.taskId, polled.state);
			if (polled.state === 'succeeded' || polled.state === 'failed') {
				this.logger.info(`MusicAPI callback: task ${task.taskId} had ${polled.state} without a callback reaching execution ${executionId}`);
				batch.delivered.set(task.taskId, polled);
			}
		} catch (error) {
			// A failed look-up must not end the waiting execution (an error thrown here would): the job stays
			// missing, to be reported by its own callback or asked about again later.
			this.logger.warn(`MusicAPI callback: could not check task ${task.taskId} of execution ${executionId}: ${(error as Error).message}`);
		}
	}

	const missing = batch.tasks.filter((t) => !batch.delivered.has(t.taskId));
	if ((missing.length && !deadline) || batch.resuming) return reply(this, 200, { received: true, remaining: missing.length });
	// From here on this call owns the resume (checked and set without an await in between).
	batch.resuming = true;
	batch.reminder?.abort();
	batches.delete(executionId);
	if (missing.length) {
		this.logger.warn(`MusicAPI: execution ${executionId} reached its wait limit; still running: ${missing.map((t) => t.taskId).join(', ')}`);
	}
	const outcomes: TaskOutcome[] = batch.tasks.map((t) => {
		const task = batch.delivered.get(t.taskId);
		return task
			? { taskId: t.taskId, itemIndex: t.itemIndex, task }
			: { taskId: t.taskId, itemIndex: t.itemIndex, timedOut: true, lastState: lastState.get(t.taskId) ?? 'waiting' };
	});
	const options = readResultOptionsWith(getParameter, false);
	const finished = await outcomesToItems({ fn: this, client, continueOnFail: true }, outcomes, options);
	const items = [...finished.keys()].sort((a, b) => a - b).flatMap((i) => finished.get(i) ?? []);
	return { workflowData: [items], webhookResponse: { received: true, resumed: true } };
}
