import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { AsyncOperation, OperationContext } from '../actions/types';
import { readResultOptions, type CompletionMode } from '../descriptions/completionFields';
import { parkForCallback } from './callback/park';
import type { JobExpectations } from './expectations';
import { outcomesToItems, type FinishedItems } from './items';
import { pendingTasks, waitForTasks } from './poll';

export interface SubmittedJob {
	itemIndex: number;
	taskId: string;
	submitResponse: IDataObject;
	submittedAt: number;
	/** What the request promised about the result (model asked, WAV made). */
	expect?: JobExpectations;
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
	return await outcomesToItems({ ...ctx, continueOnFail: ctx.fn.continueOnFail() }, outcomes, options, expectations);
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

