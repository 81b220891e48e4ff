import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationContext } from '../actions/types';
import { baseFileName, downloadBinary, downloadSettingsOf } from '../../shared/results/download';
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
	const file = await downloadBinary(ctx.fn, url, baseFileName(undefined, clipId), downloadSettingsOf(ctx.client), itemIndex);
	return { json, binary: { [binaryProperty]: file } };
}
