import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callbackSecret, callbackUrl, NO_CALLBACK_SECRET } from '../jobs/callback/address';
import { asNodeError } from '../../shared/transport/nodeError';

import { completionProperties, readResultOptions } from '../descriptions/completionFields';
import { submittedTaskId } from '../../shared/results/output';
import { readRequestSettings, requestOptionsProperty } from '../descriptions/requestOptions';
import { durationReason } from '../descriptions/durationLimits';
import { batchSubmitter } from '../jobs/batch';
import { expectationsOf } from '../jobs/expectations';
import { completionModeFor, finishJobs } from '../jobs/finish';
import type { SubmittedJob } from '../jobs/submitted';
import { MusicApiClient, type ApiRequest } from '../../shared/transport/MusicApiClient';
import { CREDENTIAL_NAME } from '../../shared/constants';
import { hintRunCost } from './costHint';
import { checkNotPlaceholder } from '../input/webhookUrl';
import { findOperation } from './registry';
import type { AsyncOperation, OperationContext, SyncOperation } from '../base/operation';

/**
 * The node's only item loop. Resolves resource:operation, runs every item, pairs every output item with its
 * input, and turns failures into error items when "Continue On Fail" is set.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}: ${operationName}"`, {
			description: 'Pick a resource and an operation from the lists; this package may be older than the workflow.',
		});
	}
	checkNumberOptions(this);
	const ctx: OperationContext = {
		fn: this,
		client: await MusicApiClient.create(this, readRequestSettings(this)),
	};
	const out =
		operation.mode === 'sync' ? await runSync(ctx, operation) : await runAsync(ctx, operation);
	hintRunCost(this, operation);
	return [out];
}

/** The node-wide number options, by collection. */
const NUMBER_OPTIONS = [
	{ collection: 'requestOptions', label: 'Request Options', options: requestOptionsProperty.options },
	{ collection: 'resultOptions', label: 'Result Options', options: completionProperties.find((p) => p.name === 'resultOptions')?.options },
].map(({ options, ...rest }) => ({ ...rest, options: ((options ?? []) as INodeProperties[]).filter((o) => o.type === 'number') }));

/**
 * Request and Result Options are read as numbers everywhere; an expression giving anything else would silently
 * switch off request spacing (rate limit), retries or the wait timeout (polling forever). Checked once, before
 * anything is sent.
 */
function checkNumberOptions(fn: IExecuteFunctions): void {
	for (const { collection, label, options } of NUMBER_OPTIONS) {
		const given = fn.getNodeParameter(collection, 0, {}) as IDataObject;
		if (!given || typeof given !== 'object') continue;
		for (const option of options) {
			if (!(option.name in given)) continue;
			const value = given[option.name];
			const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			const min = (option.typeOptions?.minValue as number | undefined) ?? Number.NEGATIVE_INFINITY;
			const max = (option.typeOptions?.maxValue as number | undefined) ?? Number.POSITIVE_INFINITY;
			if (typeof number === 'number' && Number.isFinite(number) && number >= min && number <= max) continue;
			const range = Number.isFinite(max) ? ` from ${min} to ${max}` : Number.isFinite(min) ? ` of at least ${min}` : '';
			const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value === 'object' ? 'an object' : String(value);
			// Read for item 0, they hold for the whole run; a duration says why its range ends where it does.
			const why = durationReason(option.displayName);
			throw new NodeOperationError(fn.getNode(), `[item 0] ${label} → ${option.displayName}: must be a number${range}, got ${shown}`, {
				itemIndex: 0,
				description: `Fix "${option.displayName}" in ${label} (an expression there must give a number)${why ? `: ${why}` : ''}. Nothing was sent to MusicAPI.`,
			});
		}
	}
}

async function runSync(ctx: OperationContext, operation: SyncOperation): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const items = ctx.fn.getInputData();
	if (operation.once) {
		// An account-level read answers the same for every input item: one request, one item paired with them all.
		const results = await operation.run(ctx, 0);
		const pairedItem = items.map((_, item) => ({ item }));
		return results.map((result) => ({ ...asItem(result, 0), pairedItem }));
	}
	for (let i = 0; i < items.length; i++) {
		try {
			const results = await operation.run(ctx, i);
			out.push(...results.map((result) => asItem(result, i)));
		} catch (error) {
			if (!ctx.fn.continueOnFail()) throw withEarlierItems(asNodeError(ctx.fn.getNode(), error, i), i, operation);
			out.push(errorItem(error, i));
		}
	}
	return out;
}

/**
 * Sync items are sent one by one, so when item i fails the items before it have already been answered (and
 * possibly charged) by MusicAPI; their results are lost with the error unless the user is told.
 */
function withEarlierItems<E extends Error & { description?: string | null }>(error: E, itemIndex: number, operation: SyncOperation): E {
	if (itemIndex === 0) return error;
	const earlier = itemIndex === 1 ? 'Item 0 was' : `Items 0–${itemIndex - 1} were`;
	const cost = operation.credits === '0' ? '' : ' and may have used credits';
	error.description = `${error.description ?? ''} ${earlier} already sent to MusicAPI${cost}; ${itemIndex === 1 ? 'its result is' : 'their results are'} not in the output because the node stopped at item ${itemIndex}. Turn on "Continue On Fail" to keep the items that worked.`.trim();
	return error;
}

/**
 * Async jobs go in two passes so that bad input never costs money: every item's request is checked and built
 * first, then every job is submitted, then all of them are finished together by the completion mode.
 */
async function runAsync(ctx: OperationContext, operation: AsyncOperation): Promise<INodeExecutionData[]> {
	const items = ctx.fn.getInputData();
	const mode = completionModeFor(ctx.fn);
	const failed = new Map<number, INodeExecutionData>();
	const requests: Array<{ itemIndex: number; request: ApiRequest; webhook?: IDataObject }> = [];
	const webhookOf = await webhooksFor(ctx, mode);
	for (let i = 0; i < items.length; i++) {
		try {
			const request = operation.buildRequest(ctx, i);
			requests.push({ itemIndex: i, request, webhook: webhookOf(i) });
		} catch (error) {
			if (!ctx.fn.continueOnFail()) throw asNodeError(ctx.fn.getNode(), error, i);
			failed.set(i, errorItem(error, i));
		}
	}

	// While waiting for results, a create refused with 429 is retried until the wait's own Timeout.
	const deadline = mode === 'wait' ? Date.now() + readResultOptions(ctx.fn).timeoutMs : undefined;
	const jobs: SubmittedJob[] = [];
	const fail = (error: unknown, itemIndex: number) => {
		if (!ctx.fn.continueOnFail()) throw withSubmittedJobs(asNodeError(ctx.fn.getNode(), error, itemIndex), jobs);
		failed.set(itemIndex, errorItem(error as Error, itemIndex));
	};
	const batch = batchSubmitter(ctx, operation, mode);
	for (const group of groupsOf(requests.map((r) => ({ ...r, request: { ...r.request, deadline } })), batch?.size ?? 1)) {
		// A batch request carries one webhook: items whose URLs differ (an expression) are sent one by one.
		const webhook = group[0]?.webhook;
		if (batch && group.length > 1 && group.every((r) => sameWebhook(r.webhook, webhook))) {
			try {
				const sent = await batch.submit(group, webhook);
				if (sent) {
					jobs.push(...sent);
					continue;
				}
			} catch (error) {
				for (const { itemIndex } of group) fail(error, itemIndex);
				continue;
			}
		}
		for (const { itemIndex, request, webhook: own } of group) {
			try {
				jobs.push(await submit(ctx, operation, itemIndex, request, own));
			} catch (error) {
				fail(error, itemIndex);
			}
		}
	}

	const finished = await finishJobs(ctx, operation, jobs, mode);
	const sources = sourceClipIds(operation, requests);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const failure = failed.get(i);
		if (failure) out.push(failure);
		const source = sources.get(i);
		out.push(...(finished.get(i) ?? []).map((item) => (source ? { ...item, json: { ...item.json, sourceClipId: source } } : item)));
	}
	return out;
}

function sameWebhook(a: IDataObject | undefined, b: IDataObject | undefined): boolean {
	return a?.webhook_url === b?.webhook_url && a?.webhook_secret === b?.webhook_secret;
}

function groupsOf<T>(list: T[], size: number): T[][] {
	const groups: T[][] = [];
	for (let i = 0; i < list.length; i += size) groups.push(list.slice(i, i + size));
	return groups;
}

/**
 * The clip each item's job worked on (extend, cover, remaster…), so that a step-by-step build can follow a song
 * through its versions: `{{ $json.sourceClipId }}` next to `clipId`.
 */
function sourceClipIds(operation: AsyncOperation, requests: Array<{ itemIndex: number; request: ApiRequest }>): Map<number, string> {
	const sources = new Map<number, string>();
	if (!operation.sourceClipField) return sources;
	for (const { itemIndex, request } of requests) {
		const source = request.body?.[operation.sourceClipField];
		if (typeof source === 'string' && source !== '') sources.set(itemIndex, source);
	}
	return sources;
}

async function submit(
	ctx: OperationContext,
	operation: AsyncOperation,
	itemIndex: number,
	request: ApiRequest,
	webhook: IDataObject | undefined,
): Promise<SubmittedJob> {
	const body = { ...(request.body ?? {}) };
	if (webhook) Object.assign(body, webhook);
	const response = await ctx.client.request({ ...request, body }, itemIndex);
	// The job's clock starts when MusicAPI accepted it; the scheduler learns job durations from it.
	const submittedAt = Date.now();
	operation.checkSubmitAnswer?.(ctx, itemIndex, response.body);
	const taskId = submittedTaskId(response.body);
	if (!taskId) {
		throw ctx.client.error(
			{
				kind: 'bad_response',
				message: `MusicAPI accepted ${request.method} ${request.path} but sent no task ID`,
				description:
					'The job may have started. It was not resubmitted; check the MusicAPI dashboard before running this item again.',
				details: { request: `${request.method} ${request.path}` },
			},
			itemIndex,
		);
	}
	ctx.fn.logger.info(`MusicAPI ${operation.endpoint}: item ${itemIndex} submitted as task ${taskId}`);
	const expect = expectationsOf(request.body, operation.makesWav?.(request.body ?? {}) ?? false);
	return { itemIndex, taskId, submitResponse: (response.body ?? {}) as IDataObject, submittedAt, ...(expect ? { expect } : {}) };
}

/**
 * The webhook fields each item's submit carries: the user's URL in submit-only mode (read per item: it may be an
 * expression), this execution's in callback mode (the same for every item, derived once).
 */
async function webhooksFor(ctx: OperationContext, mode: string): Promise<(itemIndex: number) => IDataObject | undefined> {
	if (mode !== 'callback' && mode !== 'submit') return () => undefined;
	const credentials = await ctx.fn.getCredentials(CREDENTIAL_NAME);
	if (mode === 'callback') {
		const secret = callbackSecret(credentials, ctx.fn.getExecutionId());
		if (secret === undefined) {
			return (itemIndex) => {
				throw new NodeOperationError(ctx.fn.getNode(), NO_CALLBACK_SECRET.message, { description: NO_CALLBACK_SECRET.description, itemIndex });
			};
		}
		// MusicAPI may echo the secret back in its answer: it is masked like the credential's own.
		ctx.client.redactAlso(secret);
		const webhook = { webhook_url: callbackUrl(ctx.fn), webhook_secret: secret };
		return () => webhook;
	}
	const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
	return (itemIndex) => {
		const url = ctx.fn.getNodeParameter('webhookUrl', itemIndex, '');
		if (typeof url !== 'string' || url === '') return undefined;
		checkNotPlaceholder(ctx.fn, url, itemIndex);
		return { webhook_url: url, ...(secret ? { webhook_secret: secret } : {}) };
	};
}

function asItem(result: IDataObject | INodeExecutionData, itemIndex: number): INodeExecutionData {
	const isItem = typeof result.json === 'object' && result.json !== null && !Array.isArray(result.json);
	const item = isItem ? (result as INodeExecutionData) : { json: result as IDataObject };
	return { ...item, pairedItem: { item: itemIndex } };
}

function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/** A batch that fails half-way must still tell the user which paid jobs already started. */
function withSubmittedJobs<E extends Error & { description?: string | null }>(error: E, jobs: SubmittedJob[]): E {
	if (jobs.length === 0) return error;
	const list = jobs.map((job) => `item ${job.itemIndex} → task ${job.taskId}`).join(', ');
	error.description = `${error.description ?? ''} Already submitted before this failure (finish them with Get Task): ${list}.`.trim();
	return error;
}
