import {
	ExpressionError,
	ManualExecutionCancelledError,
	NodeApiError,
	NodeOperationError,
	NodeSslError,
	TimeoutExecutionCancelledError,
	WorkflowOperationError,
} from 'n8n-workflow';

import type { HarnessError } from './types';

const ERROR_CLASSES: Record<string, { prototype: object }> = {
	NodeApiError,
	NodeOperationError,
	NodeSslError,
	ExpressionError,
	WorkflowOperationError,
	ManualExecutionCancelledError,
	TimeoutExecutionCancelledError,
};

/**
 * n8n-core 2.40 stores a node's error in run data as a spread copy
 * (`{ ...error, message, stack }`), which drops the class but keeps every field,
 * `name` included. The harness gives the copy its class' prototype back, so tests can
 * use `toBeInstanceOf(NodeApiError)`; the fields are exactly what the engine stored.
 * `itemIndex` is lifted out of `context`, where NodeOperationError/NodeApiError keep it.
 */
export function reviveError(stored: unknown): HarnessError | undefined {
	if (stored === undefined || stored === null || typeof stored !== 'object') return undefined;
	if (stored instanceof Error) return stored as HarnessError;
	const copy = stored as HarnessError;
	const errorClass = ERROR_CLASSES[String(copy.name)] ?? Error;
	const revived = Object.assign(Object.create(errorClass.prototype) as HarnessError, copy);
	const contextIndex = copy.context?.itemIndex;
	if (revived.itemIndex === undefined && typeof contextIndex === 'number') {
		revived.itemIndex = contextIndex;
	}
	return revived;
}
