import type { IDataObject } from 'n8n-workflow';

import type { AsyncOperation, OperationContext } from '../base/operation';
import { readBatchSubmit } from '../descriptions/batchSubmit';
import type { ApiRequest } from '../../shared/transport/MusicApiClient';
import { readBatchAnswer } from './batchAnswer';
import type { SubmittedJob } from './submitted';

export interface PreparedSubmit {
	itemIndex: number;
	request: ApiRequest;
}

export interface BatchSubmitter {
	/** Items per request. */
	size: number;
	/**
	 * Submits a group in one request. Resolves with one job per item, or undefined when the host has no batch
	 * endpoint (then send the group item by item); throws when the group failed as a whole.
	 */
	submit(group: PreparedSubmit[], extra: IDataObject | undefined): Promise<SubmittedJob[] | undefined>;
}

/**
 * Credentials (API key hash and host: the client's budget) whose batch request was answered 404/405: nothing was
 * created, and single submits follow from then on, for as long as this n8n process runs. Per credential, not per
 * host: a host may offer the endpoint to one plan and not another, and one key's answer must not switch it off for
 * every other workflow on the host.
 */
const credentialsWithoutBatch = new Set<string>();

/** The batch submitter when the user turned Batch Submit on and the operation and mode allow it. */
export function batchSubmitter(ctx: OperationContext, operation: AsyncOperation, mode: string): BatchSubmitter | undefined {
	const batch = operation.batch;
	if (!batch || (mode !== 'wait' && mode !== 'submit')) return undefined;
	if (!readBatchSubmit((name, fallback) => ctx.fn.getNodeParameter(name, 0, fallback as never))) return undefined;
	return { size: batch.maxItems, submit: async (group, extra) => await submitGroup(ctx, operation, batch.path, group, extra) };
}

async function submitGroup(
	ctx: OperationContext,
	operation: AsyncOperation,
	path: string,
	group: PreparedSubmit[],
	extra: IDataObject | undefined,
): Promise<SubmittedJob[] | undefined> {
	const { client } = ctx;
	if (credentialsWithoutBatch.has(client.budget)) return undefined;
	const items = group.map(({ request }) => ({ ...(request.body ?? {}), ...(extra ?? {}) }));
	const listed = describeItems(group);
	const first = group[0];
	let response;
	try {
		const { deadline, fieldNames } = first.request;
		response = await client.request({ method: 'POST', path, body: { items }, kind: 'submit', deadline, fieldNames, manyItems: true }, first.itemIndex);
	} catch (error) {
		const status = (error as { httpCode?: string | null }).httpCode;
		if (status === '404' || status === '405') {
			credentialsWithoutBatch.add(client.budget);
			ctx.fn.logger.info(`MusicAPI has no POST ${path} here (HTTP ${status}); submitting one by one on this credential from now on`);
			return undefined;
		}
		const failed = error as Error & { description?: string | null };
		failed.description = `${failed.description ?? ''} Batch Submit: ${listed} were in this one request; none of them was sent again.`.trim();
		throw failed;
	}
	const submittedAt = Date.now();
	const { batchId, taskIds } = readBatchAnswer(response.body, group.length);
	if (!taskIds) {
		const recover = batchId
			? `Run Sonic → Get Batch with batch ID ${batchId} to find their task IDs`
			: 'Check the MusicAPI dashboard';
		throw client.error(
			{
				kind: 'bad_response',
				message: `MusicAPI accepted a batch of ${group.length} songs${batchId ? ` (batch ${batchId})` : ''} but named no task ID for each`,
				description: `The jobs of ${listed} may have started. They were not resubmitted, so nothing is charged twice. ${recover} before running these items again.`,
				details: { request: `POST ${path}`, ...(batchId ? { batchId } : {}), items: listed },
			},
			first.itemIndex,
		);
	}
	return group.map(({ itemIndex }, position) => {
		ctx.fn.logger.info(`MusicAPI ${operation.endpoint}: item ${itemIndex} submitted as task ${taskIds[position]} (batch ${batchId ?? 'without id'})`);
		return { itemIndex, taskId: taskIds[position], submitResponse: batchId ? { batchId } : {}, submittedAt };
	});
}

function describeItems(group: PreparedSubmit[]): string {
	return `items ${group.map((entry) => entry.itemIndex).join(', ')}`;
}
