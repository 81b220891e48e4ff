import type { INodeProperties } from 'n8n-workflow';

import type { BodyField } from '../../../nodes/MusicApi/descriptions/fields';

/**
 * The node declares every request field once, as a BodyField (nodes/MusicApi/descriptions/fields.ts: required, maxLength, min/max,
 * kind), but operations only expose the n8n properties built from them. The bad-input suite wraps the field
 * builders (jest.mock with `recording`) so that each property can be traced back to the declaration that made it:
 * the cases come from what the node declares, not from a list written next to it.
 */
const fieldsByProperty = new WeakMap<object, BodyField>();
const fieldsByCollection = new WeakMap<object, BodyField[]>();

function isBodyField(value: unknown): value is BodyField {
	if (!value || typeof value !== 'object') return false;
	const record = value as Record<string, unknown>;
	return typeof record.name === 'string' && typeof record.apiName === 'string' && typeof record.kind === 'string' && !!record.property;
}

function remember(args: unknown[], out: unknown): void {
	if (isBodyField(out)) fieldsByProperty.set(out.property, out);
	else if (Array.isArray(out)) out.filter(isBodyField).forEach((f) => fieldsByProperty.set(f.property, f));
	else if (out && typeof out === 'object' && (out as INodeProperties).type === 'collection') {
		const fields = args.find((a): a is BodyField[] => Array.isArray(a) && a.length > 0 && a.every(isBodyField));
		if (fields) {
			fieldsByCollection.set(out, fields);
			for (const option of ((out as INodeProperties).options ?? []) as INodeProperties[]) {
				const field = fields.find((f) => f.name === option.name);
				if (!field) continue;
				fieldsByProperty.set(option, field);
				const seen = optionFieldsByName.get(option.name);
				optionFieldsByName.set(option.name, seen === undefined || seen === field ? field : null);
			}
		}
	}
}

/** Collection options by name, when one declaration alone has that name (null when several do). */
const optionFieldsByName = new Map<string, BodyField | null>();

/** A module whose exported functions and field constants are recorded as they are used; values are unchanged. */
export function recording<T extends object>(actual: T): T {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(actual)) {
		if (typeof value === 'function') {
			out[key] = (...args: unknown[]) => {
				const result = (value as (...a: unknown[]) => unknown)(...args);
				remember(args, result);
				return result;
			};
		} else {
			remember([], value);
			out[key] = value;
		}
	}
	return out as T;
}

export interface DeclaredField {
	field: BodyField;
	/** Where n8n keeps the value: top level, or inside a collection parameter (additionalFields, options). */
	collection?: string;
	/** True when the declaration was recorded; false when it was inferred from a copied property. */
	recorded: boolean;
}

/** A field inferred from its n8n property (a property copied after it was built, e.g. with a new description). */
function inferred(property: INodeProperties): BodyField {
	const kinds: Record<string, BodyField['kind']> = { string: 'string', number: 'number', boolean: 'boolean', options: 'options', json: 'json' };
	const typeOptions = (property.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
	return {
		name: property.name,
		apiName: property.name,
		property,
		required: property.required,
		min: typeOptions.minValue,
		max: typeOptions.maxValue,
		kind: kinds[property.type] ?? 'string',
	};
}

const NOT_FIELDS = new Set(['notice']);

/**
 * Every field of an operation, as declared. `skipped` lists the properties that are not request fields (notices,
 * the Result Options of Get Task, plain selectors such as Sample's Source) so a test can say what it left out.
 */
export function declaredFields(properties: INodeProperties[]): { fields: DeclaredField[]; skipped: string[] } {
	const fields: DeclaredField[] = [];
	const skipped: string[] = [];
	for (const property of properties) {
		if (NOT_FIELDS.has(property.type)) continue;
		const collected = fieldsByCollection.get(property);
		if (collected) {
			for (const field of collected) fields.push({ field, collection: property.name, recorded: true });
			continue;
		}
		// A collection copied after it was built (Suno Create's, with Use Suno CDN shown): traced by its options.
		const options = property.type === 'collection' ? ((property.options ?? []) as INodeProperties[]) : [];
		const traced = options.map((option) => fieldsByProperty.get(option) ?? optionFieldsByName.get(option.name));
		if (options.length && traced.every((field) => !!field)) {
			for (const field of traced) fields.push({ field: field as BodyField, collection: property.name, recorded: true });
			continue;
		}
		const field = fieldsByProperty.get(property);
		if (field) fields.push({ field, recorded: true });
		else if (property.type === 'collection' || property.type === 'fixedCollection' || !property.required) skipped.push(property.name);
		else fields.push({ field: inferred(property), recorded: false });
	}
	return { fields, skipped };
}
