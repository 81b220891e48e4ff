import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { normalizeTask, normalizeWebhookDelivery } from '../../../shared/tasks';
import { CREDENTIAL_NAME, MusicApiClient } from '../../../shared/transport/MusicApiClient';
import { verifyDelivery } from '../../../shared/webhooks/signature';
import { readResultOptionsWith } from '../../descriptions/completionFields';
import { readRequestSettingsWith } from '../../descriptions/requestOptions';
import { outcomesToItems } from '../items';
import type { TaskOutcome } from '../poll';
import { callbackSecret, executionIdOf } from './address';
import { DEADLINE_EVENT } from './deadline';
import { batches, recoverBatch, type Batch, type BatchTask } from './store';

/** A job whose callback may have been lost is asked about at most once in this long. */
const REPOLL_AFTER_MS = 10_000;

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
	const reported = batch?.tasks.find((t) => t.taskId === delivery.taskId);
	if (delivery.task.state !== 'succeeded' && delivery.task.state !== 'failed') {
		// A completion whose clips have no audio yet is not done (contract §4), and MusicAPI will not call again:
		// ask about the job once now; if the audio is still missing, the wait limit's reminder asks again.
		const early = /\.(completed|succeeded)$/.test(delivery.event) && batch && reported && !batch.resuming;
		if (!early) return reply(this, 200, { received: true, waiting: true });
		this.logger.info(`MusicAPI callback: task ${delivery.taskId} reported completed before its audio existed; asking MusicAPI about it (execution ${executionId})`);
		return await resume.call(this, executionId, batch, [reported], false);
	}
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
	const expectations = new Map(batch.tasks.map((t) => [t.taskId, t.expect]));
	const finished = await outcomesToItems({ fn: this, client, continueOnFail: true }, outcomes, options, expectations);
	const items = [...finished.keys()].sort((a, b) => a - b).flatMap((i) => finished.get(i) ?? []);
	return { workflowData: [items], webhookResponse: { received: true, resumed: true } };
}
