import type { AsyncOperation, OperationContext } from '../actions/types';
import type { ResultOptions } from './completionFields';
import type { SubmittedJob } from './finishJobs';
import type { TaskOutcome } from './waitForTasks';
import { pendingTasks, waitForTasks } from './waitForTasks';

/**
 * Callback mode (issue 4, step 3). Until the webhook resume path lands, jobs are finished by polling so the
 * mode never loses a job.
 */
export async function parkForCallback(
	ctx: OperationContext,
	operation: AsyncOperation,
	jobs: SubmittedJob[],
	options: ResultOptions,
): Promise<TaskOutcome[]> {
	return await waitForTasks(
		ctx.client,
		pendingTasks(operation, jobs),
		{ ...options, log: (message) => ctx.fn.logger.info(message) },
	);
}
