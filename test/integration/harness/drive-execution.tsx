import type { WorkflowExecute } from 'n8n-core';
import type { IRun } from 'n8n-workflow';

import type { CommonRunOptions } from './types';

type Execution = ReturnType<WorkflowExecute['processRunExecutionData']>;

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_CANCEL_GRACE_MS = 5_000;

/**
 * Awaits an execution, cancelling it when asked (cancelAfterMs) or when it overruns
 * (timeoutMs). Cancel goes through the PCancelable n8n-core returns, exactly what the
 * server's stop button does: WorkflowExecute aborts the AbortSignal behind every
 * node's getExecutionCancelSignal(), then lets the running node return and finishes the
 * run as 'canceled'. A node that ignores the signal fails the run after the grace period,
 * rather than hanging the test.
 */
export async function driveExecution(
	start: () => Execution,
	options: Pick<CommonRunOptions, 'timeoutMs' | 'cancelAfterMs' | 'cancelGraceMs'>,
): Promise<IRun> {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const graceMs = options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
	const timers = new Set<NodeJS.Timeout>();
	const after = async <T,>(ms: number, value: T) =>
		await new Promise<T>((resolve) => timers.add(setTimeout(() => resolve(value), ms)));

	const execution = start();
	try {
		const outcome = await Promise.race([
			execution,
			after(timeoutMs, 'timeout' as const),
			...(options.cancelAfterMs === undefined ? [] : [after(options.cancelAfterMs, 'cancel' as const)]),
		]);
		if (typeof outcome === 'object') return outcome;

		execution.cancel();
		const unwound = await Promise.race([execution, after(graceMs, undefined)]);
		if (outcome === 'timeout') {
			const stuck = unwound ? '' : `, and it did not stop within ${graceMs} ms of being cancelled`;
			throw new Error(`Harness: the run did not finish within ${timeoutMs} ms${stuck}`);
		}
		if (!unwound) {
			throw new Error(
				`Harness: the run did not stop within ${graceMs} ms of being cancelled — ` +
					'does the node watch getExecutionCancelSignal()?',
			);
		}
		return unwound;
	} finally {
		for (const timer of timers) clearTimeout(timer);
	}
}
