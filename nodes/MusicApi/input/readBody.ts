import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../base/inputError';
import type { BodyField } from '../descriptions/fields';

/** Checks one value against its field and converts it to what the API expects; undefined = leave it out. */
export function checkValue(ctx: IExecuteFunctions, itemIndex: number, field: BodyField, value: unknown): unknown {
	const label = field.property.displayName;
	const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	if (empty) {
		if (field.required) throw inputError(ctx, itemIndex, label, 'is required but empty');
		return undefined;
	}
	switch (field.kind) {
		case 'url': {
			const url = typeof value === 'string' ? value.trim() : '';
			if (!isHttpUrl(url)) {
				throw inputError(ctx, itemIndex, label, `${describeType(value)} is not an http(s) URL`);
			}
			if (url.length > (field.maxLength ?? Infinity)) {
				throw inputError(ctx, itemIndex, label, `is ${url.length} characters long; the limit is ${field.maxLength}`);
			}
			return url;
		}
		case 'string':
		case 'options': {
			if (typeof value !== 'string' && typeof value !== 'number') {
				throw inputError(ctx, itemIndex, label, `must be text, got ${describeType(value)}`);
			}
			const text = String(value);
			if (field.maxLength !== undefined && [...text].length > field.maxLength) {
				throw inputError(
					ctx,
					itemIndex,
					label,
					`is ${[...text].length} characters long; the limit is ${field.maxLength}`,
				);
			}
			return text;
		}
		case 'number': {
			const number = typeof value === 'string' ? Number(value) : value;
			if (typeof number !== 'number' || !Number.isFinite(number)) {
				throw inputError(ctx, itemIndex, label, `must be a number, got ${describeType(value)}`);
			}
			if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
				throw inputError(ctx, itemIndex, label, `${number} is outside the allowed range ${field.min ?? '…'}–${field.max ?? '…'}`);
			}
			return number;
		}
		case 'boolean': {
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw inputError(ctx, itemIndex, label, `must be true or false, got ${describeType(value)}`);
		}
		case 'list': {
			if (typeof value === 'object' && !Array.isArray(value)) {
				throw inputError(ctx, itemIndex, label, 'must be text or a list, got an object');
			}
			const items = (Array.isArray(value) ? value.map(String) : String(value).split(','))
				.map((s) => s.trim())
				.filter((s) => s !== '');
			if (field.required && items.length === 0) throw inputError(ctx, itemIndex, label, 'is required but empty');
			if ((field.min !== undefined && items.length < field.min) || (field.max !== undefined && items.length > field.max)) {
				const wanted = field.min === field.max ? `exactly ${field.min}` : `${field.min ?? 0}–${field.max ?? '…'}`;
				throw inputError(ctx, itemIndex, label, `has ${items.length} entries; ${wanted} expected`);
			}
			return items;
		}
		case 'json': {
			if (typeof value === 'object') return value;
			try {
				return JSON.parse(String(value)) as unknown;
			} catch {
				throw inputError(ctx, itemIndex, label, 'is not valid JSON');
			}
		}
	}
}

function isHttpUrl(value: string): boolean {
	try {
		const { protocol, hostname } = new URL(value);
		return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
	} catch {
		return false;
	}
}

function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Reads, checks and maps the fields of one item into a request body. Top-level fields are read only when
 * n8n shows them (a field hidden for this task type is not part of the request).
 */
export function readBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: BodyField[],
	optional: BodyField[] = [],
	collection = 'additionalFields',
): IDataObject {
	const body: IDataObject = {};
	for (const field of fields) {
		if (!isShown(ctx, itemIndex, field.property)) continue;
		const value = checkValue(ctx, itemIndex, field, readField(ctx, itemIndex, field));
		if (value !== undefined) body[field.apiName] = value as IDataObject[string];
	}
	if (optional.length) {
		const given = ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject;
		for (const field of optional) {
			if (!(field.name in given)) continue;
			const value = checkValue(ctx, itemIndex, field, given[field.name]);
			if (value !== undefined) body[field.apiName] = value as IDataObject[string];
		}
	}
	return body;
}

/**
 * One top-level field's value. A renamed field left at its default gives way to its former parameter when a saved
 * workflow holds one (the node's notice says so): the run does what it did when it was saved.
 */
function readField(ctx: IExecuteFunctions, itemIndex: number, field: BodyField): unknown {
	const extractValue = field.property.type === 'resourceLocator';
	const value = ctx.getNodeParameter(field.name, itemIndex, undefined, { extractValue });
	if (!field.former) return value;
	const fallback = field.property.default as unknown;
	const atDefault = value === (extractValue ? (fallback as { value?: unknown })?.value : fallback);
	if (!atDefault) return value;
	const saved = ctx.getNodeParameter(field.former.name, itemIndex, '') as unknown;
	// A saved resource locator is {__rl, mode, value}; the hidden former parameter hands it over as it is.
	const savedValue = saved && typeof saved === 'object' && 'value' in saved ? (saved as { value: unknown }).value : saved;
	return savedValue === undefined || savedValue === null || savedValue === '' ? value : savedValue;
}

/**
 * Whether a field's own extra show-conditions hold for this item (resource/operation are already true here).
 * A condition on a parameter that is itself hidden fails: n8n leaves hidden parameters out entirely.
 */
function isShown(ctx: IExecuteFunctions, itemIndex: number, prop: INodeProperties): boolean {
	const show = prop.displayOptions?.show;
	if (!show) return true;
	return Object.entries(show).every(([param, allowed]) => {
		if (param === 'resource' || param === 'operation' || !Array.isArray(allowed)) return true;
		const current = ctx.getNodeParameter(param, itemIndex, null);
		return current !== null && allowed.includes(current as never);
	});
}
