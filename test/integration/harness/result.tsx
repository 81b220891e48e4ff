import type { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData, IRun, ITaskData } from 'n8n-workflow';

import type { CaptureLogger } from './capture-logger';
import { reviveError } from './errors';
import type { HarnessResult } from './types';

/**
 * Reads every stored binary of the run back through n8n-core's BinaryDataService while
 * its storage still exists: the harness removes its temp dir when run*() returns, and
 * readBinary() must work after that.
 */
export async function readStoredBinaries(
	run: IRun,
	service: BinaryDataService,
): Promise<Map<string, Buffer>> {
	const buffers = new Map<string, Buffer>();
	for (const tasks of Object.values(run.data.resultData.runData)) {
		for (const task of tasks) {
			for (const output of task.data?.main ?? []) {
				for (const item of output ?? []) {
					for (const binary of Object.values(item.binary ?? {})) {
						if (binary.id && !buffers.has(binary.id)) {
							buffers.set(binary.id, await service.getAsBuffer(binary));
						}
					}
				}
			}
		}
	}
	return buffers;
}

export function buildResult(params: {
	run: IRun;
	resultNode: string | undefined;
	logger: CaptureLogger;
	executionOrder: string[];
	binaryDataService: BinaryDataService;
	storedBinaries: Map<string, Buffer>;
}): HarnessResult {
	const { run, resultNode, logger, binaryDataService, storedBinaries } = params;
	const lastTask = (nodeName: string): ITaskData | undefined =>
		run.data.resultData.runData[nodeName]?.at(-1);
	const outputsOf = (nodeName: string) =>
		(lastTask(nodeName)?.data?.main ?? []).map((output) => output ?? []);

	const outputs = resultNode ? outputsOf(resultNode) : [];
	// The node's own error first: resultData.error also holds a cancellation or engine failure.
	const error = reviveError(
		(resultNode ? lastTask(resultNode)?.error : undefined) ?? run.data.resultData.error,
	);

	return {
		items: outputs[0] ?? [],
		outputs,
		error,
		run,
		status: run.status,
		logs: logger.lines(),
		logEntries: logger.entries,
		waitTill: run.waitTill ?? run.data.waitTill ?? undefined,
		executionOrder: params.executionOrder,
		nodeOutputs: (nodeName, outputIndex = 0) => outputsOf(nodeName)[outputIndex] ?? [],
		async readBinary(item: INodeExecutionData, property = 'data') {
			const binary: IBinaryData | undefined = item.binary?.[property];
			if (!binary) {
				const present = Object.keys(item.binary ?? {}).join(', ') || 'none';
				throw new Error(`Harness: item has no binary property "${property}" (has: ${present})`);
			}
			if (binary.id) {
				const stored = storedBinaries.get(binary.id);
				if (!stored) throw new Error(`Harness: binary ${binary.id} is not from this run`);
				return Buffer.from(stored);
			}
			// Inline (default mode) data needs no storage: the service decodes it from the item.
			return await binaryDataService.getAsBuffer(binary);
		},
	};
}
