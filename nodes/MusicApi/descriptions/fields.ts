import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A request field declared once: its n8n parameter, the API name it maps to, and the limits checked before
 * anything is sent. Operations list fields; the UI, the request body and the validation all come from the list.
 */
export interface BodyField {
	/** The n8n parameter name (camelCase). */
	name: string;
	/** The JSON field MusicAPI expects. */
	apiName: string;
	property: INodeProperties;
	required?: boolean;
	maxLength?: number;
	min?: number;
	max?: number;
	kind: 'string' | 'url' | 'number' | 'boolean' | 'options' | 'list' | 'json';
}

/** Extra displayOptions.show conditions of a field. */
export type Show = NonNullable<IDisplayOptions['show']>;

interface Common {
	displayName: string;
	description?: string;
	required?: boolean;
	/** Extra displayOptions.show conditions (e.g. only for some task types). */
	show?: Show;
	hint?: string;
}

function property(name: string, common: Common, rest: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: common.displayName,
		name,
		description: common.description,
		required: common.required || undefined,
		...(common.hint ? { hint: common.hint } : {}),
		...(common.show ? { displayOptions: { show: common.show } } : {}),
		...rest,
	} as INodeProperties;
}

export function textField(
	name: string,
	apiName: string,
	common: Common & { maxLength?: number; rows?: number; placeholder?: string; default?: string },
): BodyField {
	const limit = common.maxLength ? ` Up to ${common.maxLength} characters.` : '';
	return {
		name,
		apiName,
		kind: 'string',
		required: common.required,
		maxLength: common.maxLength,
		property: property(
			name,
			{ ...common, description: `${common.description ?? ''}${limit}`.trim() || undefined },
			{
				type: 'string',
				default: common.default ?? '',
				...(common.placeholder ? { placeholder: common.placeholder } : {}),
				...(common.rows ? { typeOptions: { rows: common.rows } } : {}),
			},
		),
	};
}

export function numberField(
	name: string,
	apiName: string,
	common: Common & { min?: number; max?: number; default?: number; step?: number },
): BodyField {
	return {
		name,
		apiName,
		kind: 'number',
		required: common.required,
		min: common.min,
		max: common.max,
		property: property(name, common, {
			type: 'number',
			default: common.default ?? common.min ?? 0,
			typeOptions: {
				...(common.min !== undefined ? { minValue: common.min } : {}),
				...(common.max !== undefined ? { maxValue: common.max } : {}),
				...(common.step !== undefined ? { numberPrecision: 2 } : {}),
			},
		}),
	};
}

/** A 0–1 weight (style_weight, weirdness_constraint, audio_weight, strengths). */
export function weightField(name: string, apiName: string, common: Common & { default?: number }): BodyField {
	return numberField(name, apiName, {
		...common,
		description: `${common.description ?? ''} Between 0 and 1.`.trim(),
		min: 0,
		max: 1,
		step: 0.01,
		default: common.default ?? 0.5,
	});
}

export function booleanField(name: string, apiName: string, common: Common & { default?: boolean }): BodyField {
	return {
		name,
		apiName,
		kind: 'boolean',
		property: property(name, common, { type: 'boolean', default: common.default ?? false }),
	};
}

export function optionsField(
	name: string,
	apiName: string,
	common: Common & { options: Array<{ name: string; value: string; description?: string }>; default?: string },
): BodyField {
	return {
		name,
		apiName,
		kind: 'options',
		required: common.required,
		property: property(name, common, {
			type: 'options',
			options: common.options,
			default: common.default ?? common.options[0].value,
		}),
	};
}

/** A list the API wants as an array; typed as comma-separated text (e.g. two clip ids, BGM genres). */
export function listField(
	name: string,
	apiName: string,
	common: Common & { placeholder?: string; minItems?: number; maxItems?: number },
): BodyField {
	const count =
		common.minItems === common.maxItems && common.minItems
			? ` Exactly ${common.minItems}, comma-separated.`
			: common.maxItems
				? ` Up to ${common.maxItems}, comma-separated.`
				: ' Comma-separated.';
	return {
		name,
		apiName,
		kind: 'list',
		required: common.required,
		min: common.minItems,
		max: common.maxItems,
		property: property(
			name,
			{ ...common, description: `${common.description ?? ''}${count}`.trim() },
			{ type: 'string', default: '', ...(common.placeholder ? { placeholder: common.placeholder } : {}) },
		),
	};
}

/** A JSON object field (e.g. Studio's `config`). */
export function jsonField(name: string, apiName: string, common: Common & { default?: string }): BodyField {
	return {
		name,
		apiName,
		kind: 'json',
		required: common.required,
		property: property(name, common, { type: 'json', default: common.default ?? '{}' }),
	};
}

/** A public http(s) link MusicAPI fetches itself (audio to upload, a share link); checked before sending. */
export function urlField(
	name: string,
	apiName: string,
	common: Common & { placeholder?: string },
): BodyField {
	const field = textField(name, apiName, {
		...common,
		required: common.required ?? true,
		maxLength: 2048,
		placeholder: common.placeholder ?? 'https://example.com/song.mp3',
		description: `${common.description ?? ''} Must be a public http(s) URL.`.trim(),
	});
	return { ...field, kind: 'url' };
}

/** The clip an operation works on (`clip_id`). */
export const clipIdField = (description: string, show?: Show) =>
	textField('clipId', 'clip_id', { displayName: 'Clip ID', required: true, description, show });

/** The "Additional Fields" collection built from optional fields. */
export function additionalFields(fields: BodyField[], name = 'additionalFields'): INodeProperties {
	return {
		displayName: name === 'additionalFields' ? 'Additional Fields' : 'Options',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: fields
			.map((f) => ({ ...f.property, required: undefined }) as INodeProperties)
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Raised for bad input before any request leaves; names the field, the limit and the item. */
export function inputError(ctx: IExecuteFunctions, itemIndex: number, field: string, problem: string, remedy?: string) {
	return new NodeOperationError(ctx.getNode(), `[item ${itemIndex}] ${field}: ${problem}`, {
		itemIndex,
		description:
			remedy ?? `Fix "${field}" on input item ${itemIndex} and run again. Nothing was sent to MusicAPI for this item.`,
	});
}

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
		const extractValue = field.property.type === 'resourceLocator';
		const raw = ctx.getNodeParameter(field.name, itemIndex, undefined, { extractValue });
		const value = checkValue(ctx, itemIndex, field, raw);
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
