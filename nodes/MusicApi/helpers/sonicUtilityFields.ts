import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationContext, SyncOperation } from '../actions/types';
import type { ApiRequest, ApiResponse } from '../transport/MusicApiClient';
import { baseFileName, downloadBinary } from './download';
import { sleepUnlessCancelled } from './nodeError';
import {
	additionalFields,
	booleanField,
	inputError,
	numberField,
	readBody,
	textField,
	type BodyField,
} from './fields';

/**
 * Fields and pieces the Sonic utility operations (lyrics, aligned lyrics, BPM, persona, VOX, MIDI, WAV, upload)
 * share, declared once.
 */

/** The clip an operation works on. */
export const clipIdField = (description: string) =>
	textField('clipId', 'clip_id', { displayName: 'Clip ID', required: true, description });

/** "Simplify": a compact item of our own instead of the API's data. Read with `readSettings`. */
export const simplifyField = booleanField('simplify', 'simplify', {
	displayName: 'Simplify',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
});

/** Attaching a result file (WAV, MIDI) to the item. */
export const downloadFileField = (what: string) =>
	booleanField('downloadFile', 'downloadFile', {
		displayName: 'Download File',
		default: false,
		description: `Whether to attach the ${what} file to the item as binary data (the URL is always in the item)`,
	});

export const binaryPropertyField = textField('binaryProperty', 'binaryProperty', {
	displayName: 'Binary Property',
	default: 'data',
	description: 'Name of the binary property that receives the file when Download File is on',
});

/** Start and end of a vocal segment (VOX, and Create Persona where they must match the VOX range). */
export const MAX_VOCAL_SPAN_S = 30;

export const vocalStartField = (description: string) =>
	numberField('vocalStart', 'vocal_start_s', {
		displayName: 'Vocal Start (Seconds)',
		min: 0,
		default: 0,
		description,
	});

export const vocalEndField = (description: string) =>
	numberField('vocalEnd', 'vocal_end_s', {
		displayName: 'Vocal End (Seconds)',
		min: 0,
		default: MAX_VOCAL_SPAN_S,
		description,
	});

/**
 * The vocal segment must end after it starts and span at most 30 s. Without a start the API starts at 0, so an
 * end alone is checked from 0.
 */
export function checkVocalRange(ctx: OperationContext, itemIndex: number, body: IDataObject): IDataObject {
	const end = body.vocal_end_s;
	if (typeof end !== 'number') return body;
	const start = typeof body.vocal_start_s === 'number' ? body.vocal_start_s : 0;
	if (end <= start) {
		throw inputError(ctx.fn, itemIndex, 'Vocal End (Seconds)', `(${end} s) must be after Vocal Start (Seconds) (${start} s)`);
	}
	if (end - start > MAX_VOCAL_SPAN_S) {
		throw inputError(
			ctx.fn,
			itemIndex,
			'Vocal End (Seconds)',
			`the segment ${start}–${end} s is ${roundSeconds(end - start)} s long; the limit is ${MAX_VOCAL_SPAN_S} s`,
			`Keep Vocal End (Seconds) − Vocal Start (Seconds) at ${MAX_VOCAL_SPAN_S} s or less on input item ${itemIndex}. Nothing was sent to MusicAPI for this item.`,
		);
	}
	return body;
}

function roundSeconds(value: number): number {
	return Math.round(value * 1000) / 1000;
}

/** The "Options" collection: settings of the node itself, never sent to MusicAPI. */
export function optionsCollection(fields: BodyField[]): INodeProperties {
	return { ...additionalFields(fields, 'options'), placeholder: 'Add Option' };
}

/**
 * Reads node settings (top-level ones such as Simplify, and the "Options" collection) with the same checks as
 * request fields; keys are the settings' names.
 */
export function readSettings(
	ctx: OperationContext,
	itemIndex: number,
	topLevel: BodyField[],
	options: BodyField[] = [],
): IDataObject {
	return readBody(ctx.fn, itemIndex, topLevel, options, 'options');
}

/** The answer did not hold what the endpoint documents: an error naming the request, never an empty output. */
export function unexpectedAnswer(ctx: OperationContext, itemIndex: number, request: string, missing: string) {
	return ctx.client.error(
		{
			kind: 'bad_response',
			message: `MusicAPI answered ${request} without ${missing}`,
			description:
				'The answer did not have the documented shape. Run again later; if it persists, MusicAPI may have changed this endpoint.',
			details: { request },
		},
		itemIndex,
	);
}

/** `data` of the usual `{code, message, data}` envelope, when it is an object. */
export function dataOf(body: unknown): IDataObject | undefined {
	const data = (body as { data?: unknown } | undefined)?.data;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : undefined;
}

/** The item with the file at `url` attached under `binaryProperty`. */
export async function withFile(
	ctx: OperationContext,
	itemIndex: number,
	json: IDataObject,
	url: string,
	clipId: string,
	binaryProperty: string,
): Promise<INodeExecutionData> {
	const settings = {
		maxRetries: ctx.client.settings.maxRetries,
		retryDelayMs: ctx.client.settings.retryDelayMs,
		timeoutMs: Math.max(ctx.client.settings.timeoutMs, 600_000),
		signal: ctx.client.cancelSignal,
	};
	const file = await downloadBinary(ctx.fn, url, baseFileName(undefined, clipId), settings, itemIndex);
	return { json, binary: { [binaryProperty]: file } };
}

/**
 * Sends a request and asks again while MusicAPI answers 202 "still building" (MIDI); like defineSync's
 * `repeatWhileAccepted`, but with the delay read per item.
 */
export async function requestWhileAccepted(
	ctx: OperationContext,
	itemIndex: number,
	request: ApiRequest,
	repeat: { attempts: number; delayMs: number },
): Promise<ApiResponse> {
	let response = await ctx.client.request(request, itemIndex);
	for (let i = 0; response.statusCode === 202 && i < repeat.attempts; i++) {
		ctx.fn.logger.info(`MusicAPI ${request.path}: still building (202); asking again in ${repeat.delayMs} ms`);
		await sleepUnlessCancelled(ctx.fn.getNode(), repeat.delayMs, ctx.client.cancelSignal);
		response = await ctx.client.request(request, itemIndex);
	}
	if (response.statusCode === 202) {
		throw ctx.client.error(
			{
				kind: 'not_ready',
				message: `MusicAPI is still preparing the answer to ${request.method} ${request.path}`,
				description: `MusicAPI answered "not ready" (202) ${repeat.attempts + 1} times. Run the node again in a minute (repeats are free), or raise "Retry Delay (Seconds)".`,
				details: { request: `${request.method} ${request.path}`, httpCode: '202' },
			},
			itemIndex,
		);
	}
	return response;
}

interface SyncCallSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	credits: string;
	path: string;
	/** Request fields (top level). */
	fields: BodyField[];
	/** Optional request fields ("Additional Fields"). */
	optional?: BodyField[];
	/** Node settings shown after the request fields (Simplify, the Options collection); never sent. */
	settings?: INodeProperties[];
	/** Cross-field checks once the fields are read; throw `inputError` before anything is sent. */
	refine?(ctx: OperationContext, itemIndex: number, body: IDataObject): IDataObject;
	/** Sends the checked body and turns the answer into items. */
	send(ctx: OperationContext, itemIndex: number, body: IDataObject): Promise<Array<IDataObject | INodeExecutionData>>;
}

/**
 * A sync POST whose run needs more than defineSync offers (per-item retry delay, a longer timeout, file
 * downloads): the same fields → body → checks path, with the request made by the operation.
 */
export function defineSyncCall(spec: SyncCallSpec): SyncOperation {
	const optional = spec.optional ?? [];
	return {
		mode: 'sync',
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		credits: spec.credits,
		endpoint: `POST ${spec.path}`,
		properties: [
			...spec.fields.map((f) => f.property),
			...(optional.length ? [additionalFields(optional)] : []),
			...(spec.settings ?? []),
		],
		async run(ctx, itemIndex) {
			const read = readBody(ctx.fn, itemIndex, spec.fields, optional);
			const body = spec.refine ? spec.refine(ctx, itemIndex, read) : read;
			return await spec.send(ctx, itemIndex, body);
		},
	};
}
