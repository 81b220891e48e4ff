import type { IDataObject } from 'n8n-workflow';

import type { OperationContext } from '../base/operation';
import type { BodyField } from '../descriptions/fields';
import { MAX_VOCAL_SPAN_S } from '../descriptions/sonicUtilityFields';
import { inputError } from '../base/inputError';
import { readBody } from './readBody';

// Reading and checking what the Sonic utility operations take beyond plain fields.

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
