import { createHmac } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { AsyncOperation, OperationContext } from '../actions/types';
import { normalizeTask, normalizeWebhookDelivery, type NormalizeOptions } from '../tasks';
import type { NormalizedTask, TaskDialect } from '../tasks/types';
import { CREDENTIAL_NAME, MusicApiClient } from '../transport/MusicApiClient';
import { readResultOptionsWith, type ResultOptions } from './completionFields';
import type { FinishedItems, SubmittedJob } from './finishJobs';
import { outcomesToItems } from './finishJobs';
import { readRequestSettingsWith } from './requestOptions';
import { ReplayCache, verifyDelivery } from './signature';
import type { TaskOutcome } from './waitForTasks';

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
}

interface Batch {
	tasks: BatchTask[];
	delivered: Map<string, NormalizedTask>;
	seen: ReplayCache;
	expiresAt: number;
}

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
	ctx.fn.logger.info(`MusicAPI: execution ${executionId} waits for the callbacks of tasks ${ids}`);
	await ctx.fn.putExecutionToWait(new Date(Date.now() + options.timeoutMs));
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

/** The jobs of a waiting execution, when this process did not submit them: read from the node's parked output. */
function recoverBatch(fn: IWebhookFunctions): Batch | undefined {
	try {
		const name = fn.getNode().name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
		const items = fn.evaluateExpression(`{{ $('${name}').all() }}`) as INodeExecutionData[];
		const tasks: BatchTask[] = items
			.filter((item) => typeof item.json?.taskId === 'string' && item.json.state === 'waiting')
			.map((item) => ({
				itemIndex: typeof item.pairedItem === 'object' && !Array.isArray(item.pairedItem) ? item.pairedItem.item : 0,
				taskId: String(item.json.taskId),
				dialect: (item.json.dialect as TaskDialect) ?? 'sonic',
				pollPath: String(item.json.pollPath),
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
 * A MusicAPI callback for a waiting execution. Only a correctly signed, fresh, first delivery counts; streaming
 * updates are acknowledged and ignored; the execution resumes once every job of the batch has finished.
 */
export async function callbackWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const executionId = executionIdOf(request.originalUrl ?? request.url ?? '') ?? this.getExecutionId();
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const known = batches.get(executionId);
	const batch = known ?? recoverBatch(this);
	const check = verifyDelivery({
		headers: request.headers,
		rawBody: (request as { rawBody?: Buffer }).rawBody,
		secret: callbackSecret(credentials, executionId),
		seen: batch?.seen,
	});
	if (!check.ok) {
		this.logger.warn(`MusicAPI callback for execution ${executionId} rejected: ${check.reason}`);
		return reply(this, check.status, { error: check.reason });
	}
	if (check.duplicate) return reply(this, 200, { received: true, duplicate: true });

	let delivery;
	try {
		delivery = normalizeWebhookDelivery(JSON.parse(((request as { rawBody?: Buffer }).rawBody ?? '').toString()));
	} catch {
		return reply(this, 400, { error: 'The body is not a MusicAPI delivery (JSON expected)' });
	}
	if (delivery.task.state !== 'succeeded' && delivery.task.state !== 'failed') {
		return reply(this, 200, { received: true, waiting: true });
	}
	const tasks = batch?.tasks ?? [];
	const target = batch ?? { tasks, delivered: new Map(), seen: new ReplayCache(), expiresAt: 0 };
	if (!tasks.some((t) => t.taskId === delivery.taskId)) {
		// A delivery for a job this execution did not start: acknowledge it, change nothing.
		return reply(this, 200, { received: true, ignored: true });
	}
	target.delivered.set(delivery.taskId, { ...delivery.task, taskId: delivery.taskId });
	this.logger.info(`MusicAPI callback: task ${delivery.taskId} ${delivery.task.state} (execution ${executionId})`);

	const missing = tasks.filter((t) => !target.delivered.has(t.taskId));
	const getParameter = (name: string, fallback: unknown) => this.getNodeParameter(name, fallback as never);
	const client = await MusicApiClient.create(this, readRequestSettingsWith(getParameter));
	if (missing.length && known) return reply(this, 200, { received: true, remaining: missing.length });
	// Jobs this process never heard of: one status poll each, the fallback for restarts and other processes.
	for (const task of missing) {
		const response = await client.request({ method: 'GET', path: task.pollPath, kind: 'read' }, task.itemIndex);
		const polled = normalizeTask(task.dialect, task.taskId, response, task.taskOptions);
		if (polled.state !== 'succeeded' && polled.state !== 'failed') {
			return reply(this, 200, { received: true, remaining: missing.length });
		}
		target.delivered.set(task.taskId, polled);
	}

	batches.delete(executionId);
	const outcomes: TaskOutcome[] = tasks.map((t) => ({
		taskId: t.taskId,
		itemIndex: t.itemIndex,
		task: target.delivered.get(t.taskId) as NormalizedTask,
	}));
	const options = readResultOptionsWith(getParameter, false);
	const finished = await outcomesToItems({ fn: this, client, continueOnFail: true }, outcomes, options);
	const items = [...finished.keys()].sort((a, b) => a - b).flatMap((i) => finished.get(i) ?? []);
	this.logger.info(`DEBUG pairedItems ${JSON.stringify(items.map((i) => i.pairedItem))}`);
	return { workflowData: [items], webhookResponse: { received: true, resumed: true } };
}
