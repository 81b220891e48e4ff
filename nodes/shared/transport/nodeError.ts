import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { sleepLong } from './timers';

/**
 * Every error that leaves the node is an n8n node error with the item it belongs to; errors the code already
 * mapped pass through unchanged.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const aborted = (error as { name?: string })?.name === 'AbortError' || /abort/i.test(String((error as Error)?.message));
	return new NodeOperationError(node, error as Error, {
		itemIndex,
		...(aborted ? { message: 'The execution was cancelled', description: 'Jobs already submitted keep running at MusicAPI; fetch them later with Get Task.' } : {}),
	});
}

/** Waits (any length: see sleepLong), unless the execution is cancelled first; then fails with a node error saying so. */
export async function sleepUnlessCancelled(node: INode, ms: number, signal?: AbortSignal): Promise<void> {
	try {
		await sleepLong(ms, signal);
	} catch (error) {
		throw asNodeError(node, signal?.aborted ? cancelled() : error);
	}
}

function cancelled(): Error {
	return Object.assign(new Error('aborted'), { name: 'AbortError' });
}
