import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AsyncOperation, OperationContext } from '../base/operation';
import { readCompletionMode, readResultOptions, type CompletionMode } from '../descriptions/completionFields';
import { parkForCallback } from './callback/park';
import type { SubmittedJob } from './submitted';
import { outcomesToItems, type FinishedItems } from './items';
import { pendingTasks, waitForTasks } from './poll';

/**
 * The completion mode this run uses. "Wait for Callback" parks the execution, but an AI agent's tool call needs
 * its answer within the agent's run: parking there would park the agent's whole execution and hand MusicAPI a
 * resume URL for it. So a tool call waits by polling instead, and says so in the log (no error: the user chose
 * to wait for the result, and polling delivers the same items).
 */
export function completionModeFor(fn: IExecuteFunctions): CompletionMode {
	const mode = readCompletionMode(fn);
	if (mode !== 'callback') return mode;
	const reason = inToolCall(fn) ? "runs as an AI agent's tool" : cannotPark(fn) ? 'runs on an n8n without execution custom data (1.x)' : undefined;
	if (!reason) return mode;
	fn.logger.warn(`MusicAPI: "${fn.getNode().name}" ${reason}, so "Wait for Callback" waits by polling instead`);
	return 'wait';
}

/**
 * A parked batch is kept in the execution's custom data so that any process can resume it. n8n 1.x gives nodes no
 * `customData`, and there a parked node resumed at once with its jobs still running (measured on 1.123.81), so the
 * node polls instead of parking.
 */
function cannotPark(fn: IExecuteFunctions): boolean {
	return (fn as Partial<Pick<IExecuteFunctions, 'customData'>>).customData === undefined;
}

/** A usable-as-tool node runs as `<type>Tool` under an agent (n8n's converted node type), or in a supply-data context. */
function inToolCall(fn: IExecuteFunctions): boolean {
	const isTool = (fn as Partial<Pick<IExecuteFunctions, 'isToolExecution'>>).isToolExecution;
	return (typeof isTool === 'function' && isTool.call(fn) === true) || fn.getNode().type.endsWith('Tool');
}

/** Turns submitted jobs into output items the way the chosen completion mode says. */
export async function finishJobs(
	ctx: OperationContext,
	operation: AsyncOperation,
	jobs: SubmittedJob[],
	mode: CompletionMode,
): Promise<FinishedItems> {
	const finished: FinishedItems = new Map();
	if (jobs.length === 0) return finished;
	if (mode === 'submit') {
		for (const job of jobs) finished.set(job.itemIndex, [submittedItem(operation, job)]);
		return finished;
	}
	const options = readResultOptions(ctx.fn);
	if (mode === 'callback') return await parkForCallback(ctx, operation, jobs, options);
	const outcomes = await waitForTasks(ctx.client, pendingTasks(operation, jobs), {
		...options,
		log: (message) => ctx.fn.logger.info(message),
	});
	const expectations = new Map(jobs.map((job) => [job.taskId, job.expect]));
	const errorOutput = ctx.fn.getNode().onError === 'continueErrorOutput';
	return await outcomesToItems({ ...ctx, continueOnFail: ctx.fn.continueOnFail(), errorOutput }, outcomes, options, expectations);
}

function submittedItem(operation: AsyncOperation, job: SubmittedJob): INodeExecutionData {
	// The submit answer's own envelope (task_id, message, code) is said by the fields above; keep the rest (steps…).
	const extras = Object.fromEntries(
		Object.entries(job.submitResponse).filter(([key]) => !['task_id', 'message', 'code'].includes(key)),
	);
	return {
		json: { taskId: job.taskId, state: 'submitted', pollPath: operation.pollPath(job.taskId), ...extras },
		pairedItem: { item: job.itemIndex },
	};
}

