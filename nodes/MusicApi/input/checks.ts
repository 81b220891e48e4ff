import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../base/inputError';

/**
 * Cross-field checks shared by the Suno (legacy), Producer, Riffusion, Studio and Nuro operations. Every check
 * throws `inputError` (field, limit, item) before anything is sent.
 */

/** What a cross-field check needs to name a field: where it sits in the body and what the user sees. */
export interface FieldRef {
	apiName: string;
	label: string;
}

/** Optional fields that only some task types accept: a field given for another type is rejected by name. */
export function checkOnlyFor(
	fn: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	typeKey: string,
	rules: Record<string, { label: string; types: string[] }>,
): void {
	const type = String(body[typeKey]);
	for (const [apiName, rule] of Object.entries(rules)) {
		if (body[apiName] !== undefined && !rule.types.includes(type)) {
			throw inputError(
				fn,
				itemIndex,
				rule.label,
				`is not used by ${typeKey} ${type} (only by ${rule.types.join(', ')})`,
				`Remove "${rule.label}" from Additional Fields, or pick a type that uses it. Nothing was sent to MusicAPI for this item.`,
			);
		}
	}
}

/** At least one of several optional text fields must be filled. */
export function requireOneOf(
	fn: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	fields: FieldRef[],
	context: string,
): void {
	if (fields.some((f) => typeof body[f.apiName] === 'string' && (body[f.apiName] as string).trim() !== '')) return;
	const labels = fields.map((f) => f.label);
	throw inputError(
		fn,
		itemIndex,
		labels.join(' / '),
		`at least one is required ${context}; all are empty`,
		`Fill "${labels.join('" or "')}" on input item ${itemIndex} and run again. Nothing was sent to MusicAPI for this item.`,
	);
}

/** A range given as two numbers: when both are there, the end must come after the start. */
export function checkRange(
	fn: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	start: FieldRef,
	end: FieldRef,
): void {
	const from = body[start.apiName];
	const to = body[end.apiName];
	if (typeof from === 'number' && typeof to === 'number' && to <= from) {
		throw inputError(fn, itemIndex, end.label, `${to} must be greater than ${start.label} (${from})`);
	}
}

/**
 * Where an extension starts, when it is 0: the field and what is wrong (from second 0 the extension would
 * regenerate the whole clip, and be paid for), else undefined.
 */
export function continuesFromZero(body: IDataObject, start: FieldRef): { field: string; problem: string } | undefined {
	if (body[start.apiName] !== 0) return undefined;
	return { field: start.label, problem: 'is 0; give the second of the source clip where the new part starts (e.g. 30)' };
}

/**
 * Resources MusicAPI documents no webhook deliveries for (contract §5.1 lists only suno/sonic, producer and nuro):
 * waiting for a callback would wait until the wait limit for nothing, so the choice is refused before submitting.
 */
export function checkNoWebhooks(fn: IExecuteFunctions, itemIndex: number, resourceName: string): void {
	const completion = fn.getNodeParameter('completion', 0, 'wait');
	const remedy = `MusicAPI sends no webhooks for ${resourceName} jobs. Choose "Wait for Completion (Poll)", or "Submit Only" without a webhook URL and finish with Get Task. Nothing was sent to MusicAPI.`;
	if (completion === 'callback') {
		throw inputError(fn, itemIndex, 'Completion', `"Wait for Callback" is not available for ${resourceName}`, remedy);
	}
	if (completion === 'submit' && String(fn.getNodeParameter('webhookUrl', 0, '') ?? '').trim() !== '') {
		throw inputError(fn, itemIndex, 'Send Result to Webhook URL', `is not available for ${resourceName}`, remedy);
	}
}

/** The fixedCollection value → `[{name, duration}]`; empty rows are refused by name and row number. */
export function readSegments(fn: IExecuteFunctions, itemIndex: number, value: unknown, label: string): IDataObject[] {
	const rows = (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject).segment : value) ?? [];
	if (!Array.isArray(rows)) throw inputError(fn, itemIndex, label, 'must be a list of segments');
	return rows.map((row, index) => {
		const { name, duration } = (row ?? {}) as IDataObject;
		if (typeof name !== 'string' || name.trim() === '') {
			throw inputError(fn, itemIndex, label, `segment ${index + 1} has no name`);
		}
		if (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0) {
			throw inputError(fn, itemIndex, label, `segment ${index + 1} ("${name}") needs a duration above 0 seconds`);
		}
		return { name: name.trim(), duration };
	});
}
