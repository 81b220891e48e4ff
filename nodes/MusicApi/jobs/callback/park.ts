import type { ResultOptions } from '../../descriptions/completionFields';
import { CREDENTIAL_NAME } from '../../../shared/transport/MusicApiClient';
import type { AsyncOperation, OperationContext } from '../../base/operation';
import type { SubmittedJob } from '../submitted';
import type { FinishedItems } from '../items';
import { callbackSecret, callbackUrl } from './address';
import { BACKSTOP_MS, remindAtDeadline } from './deadline';
import { batches, keepBatch, newBatchCache, saveJobsInExecution } from './store';

/** Submitted jobs park the execution: no polling and no busy worker until MusicAPI reports back. */
export async function parkForCallback(
	ctx: OperationContext,
	operation: AsyncOperation,
	jobs: SubmittedJob[],
	options: ResultOptions,
): Promise<FinishedItems> {
	const executionId = ctx.fn.getExecutionId();
	keepBatch(executionId, {
		tasks: jobs.map((job) => ({
			itemIndex: job.itemIndex,
			taskId: job.taskId,
			dialect: operation.dialect,
			pollPath: operation.pollPath(job.taskId),
			taskOptions: operation.taskOptions,
			expect: job.expect,
		})),
		delivered: new Map(),
		seen: newBatchCache(),
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
	// Always set here: the router refused callback mode before submitting when the credential gives no secret.
	const secret = callbackSecret(credentials, executionId);
	if (secret) void remindAtDeadline(ctx.fn, callbackUrl(ctx.fn), secret, executionId, options.timeoutMs, reminder.signal);
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
