import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { normalizeTask, normalizeWebhookDelivery, type WebhookDelivery } from '../../../shared/tasks';
import { CREDENTIAL_NAME, MusicApiClient } from '../../../shared/transport/MusicApiClient';
import { credentialSecrets, redactDeep } from '../../../shared/transport/errors';
import { hashedReplayKeys, resultKey } from '../../../shared/webhooks/dedupe';
import { verifyDelivery } from '../../../shared/webhooks/signature';
import { readResultOptionsWith } from '../../descriptions/completionFields';
import { readRequestSettingsWith } from '../../descriptions/requestOptions';
import { outcomesToItems } from '../items';
import type { TaskOutcome } from '../poll';
import { callbackSecret, executionIdOf, NO_CALLBACK_SECRET } from './address';
import { DEADLINE_EVENT } from './deadline';
import { continuesOnFail, failResumedNode } from './failures';
import { batches, keepBatch, markResumed, recoverBatch, wasResumed, type Batch, type BatchTask } from './store';

/**
 * n8n re-pairs a resumed node's items with its input by position and looks an error item's pair up before moving
 * it to the error output; with more items than inputs (two clips per job) that look-up fails the whole execution
 * ("Paired item data … is unavailable", n8n 2.40.7 WorkflowExecute.handleNodeErrorOutput). So on resume the failed
 * jobs stay on the regular output, as with "Continue", and the log says so.
 */
const ERROR_OUTPUT_ON_RESUME =
	'MusicAPI: "Continue (using error output)" cannot route a resumed node\'s failed jobs in this n8n; they are items with their error on the regular output';

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
 * A MusicAPI callback for a waiting execution. Only a correctly signed, fresh delivery of a result not seen before
 * counts; nothing about it is kept before its signature verified; streaming updates are acknowledged and ignored;
 * the execution resumes once every job of the batch has finished (or at its wait limit).
 */
export async function callbackWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const executionId = executionIdOf(request.originalUrl ?? request.url ?? '', this.getNode().id);
	if (!executionId) {
		this.logger.warn('MusicAPI callback rejected: the URL names no waiting execution of this node');
		return reply(this, 400, { error: 'The callback URL names no waiting execution of this node' });
	}
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const secret = callbackSecret(credentials, executionId);
	if (secret === undefined) {
		this.logger.warn(`MusicAPI callback for execution ${executionId} rejected: ${NO_CALLBACK_SECRET.message}`);
		return reply(this, 401, { error: NO_CALLBACK_SECRET.message });
	}
	// Read once per delivery: verification, the derived secret and, when it resumes, the client all use it.
	const forExecution = { executionId, secret, credentials };
	const rawBody = (request as { rawBody?: Buffer }).rawBody;
	const check = verifyDelivery({ headers: request.headers, rawBody, secret });
	if (!check.ok) {
		this.logger.warn(`MusicAPI callback for execution ${executionId} rejected: ${check.reason}`);
		return reply(this, check.status, { error: check.reason });
	}

	let body: IDataObject;
	let delivery: WebhookDelivery | undefined;
	try {
		// Cleaned where it arrives (a reason or a title may echo a secret), so errors, logs, items and file names
		// built from it are clean too; polled answers are cleaned by the client the same way.
		body = redactDeep(JSON.parse((rawBody ?? '').toString()), [...credentialSecrets(credentials), secret]) as IDataObject;
		if (body?.event !== DEADLINE_EVENT) delivery = normalizeWebhookDelivery(body);
	} catch {
		return reply(this, 400, { error: 'The body is not a MusicAPI delivery (JSON expected)' });
	}
	if (!delivery && body.execution_id !== executionId) {
		// Signed reminders name their execution; one naming another is never taken for this one's.
		this.logger.warn(`MusicAPI callback for execution ${executionId} rejected: a wait-limit reminder for another execution`);
		return reply(this, 401, { error: 'The wait-limit reminder names another execution' });
	}
	if (wasResumed(executionId)) return reply(this, 200, { received: true, resumed: true });

	// Verified: from here on what this process learns is kept for later deliveries (a batch it never saw is
	// recovered from the execution's custom data), instead of asking about every job again.
	const known = batches.get(executionId);
	const batch = known ?? recoverBatch(this);
	if (batch && !known) keepBatch(executionId, batch);
	// Once per delivery (id, signature) and once per result: MusicAPI may resend a result under a new id.
	const keys = hashedReplayKeys(check.replayKeys);
	if (delivery) keys.push(resultKey(delivery.taskId, delivery.dialect, delivery.task.state));
	if (batch?.seen.checkAndRememberAll(keys)) return reply(this, 200, { received: true, duplicate: true });

	if (!delivery) {
		if (!batch || batch.resuming) return reply(this, 200, { received: true, ignored: true });
		return await resume.call(this, forExecution, batch, batch.tasks.filter((t) => !batch.delivered.has(t.taskId)), true);
	}
	const reported = batch?.tasks.find((t) => t.taskId === delivery.taskId);
	if (delivery.task.state !== 'succeeded' && delivery.task.state !== 'failed') {
		// A completion whose clips have no audio yet is not done (contract §4), and MusicAPI will not call again:
		// ask about the job once now; if the audio is still missing, the wait limit's reminder asks again.
		const early = /\.(completed|succeeded)$/.test(delivery.event) && batch && reported && !batch.resuming;
		if (!early) return reply(this, 200, { received: true, waiting: true });
		this.logger.info(`MusicAPI callback: task ${delivery.taskId} reported completed before its audio existed; asking MusicAPI about it (execution ${executionId})`);
		return await resume.call(this, forExecution, batch, [reported], false);
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
	return await resume.call(this, forExecution, batch, toAsk, false);
}

/**
 * Asks once about the given jobs, then resumes the execution if every job has an answer — or, at the wait limit,
 * with what there is. Failed and unfinished jobs are failures the way the node's "On Error" says (failures.ts).
 */
async function resume(
	this: IWebhookFunctions,
	{ executionId, secret, credentials }: { executionId: string; secret: string; credentials: ICredentialDataDecryptedObject },
	batch: Batch,
	toAsk: BatchTask[],
	deadline: boolean,
): Promise<IWebhookResponseData> {
	// Marked before the first await: a callback handled meanwhile must not ask about the same jobs again.
	const now = Date.now();
	for (const task of toAsk) task.polledAt = now;
	const getParameter = (name: string, fallback: unknown) => this.getNodeParameter(name, fallback as never);
	const client = await MusicApiClient.create(this, readRequestSettingsWith(getParameter), credentials);
	client.redactAlso(secret);
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
	markResumed(executionId);
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
	const toItems = async (continueOnFail: boolean) => {
		const finished = await outcomesToItems({ fn: this, client, continueOnFail }, outcomes, options, expectations);
		return [...finished.keys()].sort((a, b) => a - b).flatMap((i) => finished.get(i) ?? []);
	};
	if (continuesOnFail(this.getNode())) {
		if (this.getNode().onError === 'continueErrorOutput' && outcomes.some((o) => !('task' in o) || o.task.state !== 'succeeded')) {
			this.logger.warn(ERROR_OUTPUT_ON_RESUME);
		}
		return resumed(await toItems(true));
	}
	try {
		return resumed(await toItems(false));
	} catch (error) {
		if (failResumedNode(this, error as Error)) {
			this.logger.warn(`MusicAPI: execution ${executionId} resumes with a failure: ${(error as Error).message}`);
			// n8n fails the node before it looks at these items; they only let the execution run on.
			return resumed(batch.tasks.map((t) => ({ json: { taskId: t.taskId }, pairedItem: { item: t.itemIndex } })));
		}
		this.logger.warn(`MusicAPI: execution ${executionId} cannot be failed on resume by this n8n; failed jobs become error items`);
		return resumed(await toItems(true));
	}
}

function resumed(items: INodeExecutionData[]): IWebhookResponseData {
	return { workflowData: [items], webhookResponse: { received: true, resumed: true } };
}
