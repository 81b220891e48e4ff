import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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
	/**
	 * A field renamed since workflows were saved: the former parameter stays declared (hidden, so n8n keeps its
	 * saved value) and is read while this field is left at its default (see readBody). Its properties (the hidden
	 * parameter, a notice saying the saved value still counts) go into the panel next to the field.
	 */
	former?: { name: string; properties: INodeProperties[] };
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

/**
 * Joins a description and the limits appended to it as sentences: "What the song is about. Up to 400
 * characters." (n8n: one sentence without a final period, several sentences each with one).
 */
export function sentences(...parts: Array<string | undefined>): string | undefined {
	const given = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
	const [only] = given;
	if (given.length <= 1) return only && !/[.!?]\s/.test(only) ? only.replace(/\.$/, '') : only;
	return given.map((part) => (/[.!?]$/.test(part) ? part : `${part}.`)).join(' ');
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
	const limit = common.maxLength ? `Up to ${common.maxLength} characters.` : undefined;
	return {
		name,
		apiName,
		kind: 'string',
		required: common.required,
		maxLength: common.maxLength,
		property: property(
			name,
			{ ...common, description: sentences(common.description, limit) },
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
	/** A default may be an expression (e.g. the incoming clip's duration). */
	common: Common & { min?: number; max?: number; default?: number | string; step?: number },
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
		description: sentences(common.description, 'Between 0 and 1.'),
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
			options: alphabetical(common.options),
			default: common.default ?? common.options[0].value,
		}),
	};
}

/** n8n lists five or more options alphabetically (shorter lists keep their order, e.g. Basic before Full). */
export function alphabetical<T extends { name: string }>(options: T[]): T[] {
	return options.length >= 5 ? [...options].sort((a, b) => a.name.localeCompare(b.name)) : options;
}

/** A list the API wants as an array; typed as comma-separated text (e.g. two clip ids, BGM genres). */
export function listField(
	name: string,
	apiName: string,
	common: Common & { placeholder?: string; minItems?: number; maxItems?: number },
): BodyField {
	const count =
		common.minItems === common.maxItems && common.minItems
			? `Exactly ${common.minItems}, comma-separated.`
			: common.maxItems
				? `Up to ${common.maxItems}, comma-separated.`
				: 'Comma-separated.';
	return {
		name,
		apiName,
		kind: 'list',
		required: common.required,
		min: common.minItems,
		max: common.maxItems,
		property: property(
			name,
			{ ...common, description: sentences(common.description, count) },
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
/**
 * MusicAPI takes audio only as a URL it downloads itself (no multipart upload is documented, contract §3.3, §3.4),
 * so every audio URL field says what kind of link works and where to read how to get one for an n8n file.
 */
export const AUDIO_URL_RULE =
	'MusicAPI downloads it itself: use a public, direct link to the audio file over HTTPS (no login, not a web page with a player). For an n8n file, upload it first (e.g. S3 or Google Drive with a public link; see the README, "Audio from an n8n file").';

export function urlField(
	name: string,
	apiName: string,
	common: Common & { placeholder?: string; audio?: boolean },
): BodyField {
	const { audio, ...rest } = common;
	const field = textField(name, apiName, {
		...rest,
		required: common.required ?? true,
		maxLength: 2048,
		placeholder: common.placeholder ?? 'e.g. https://example.com/song.mp3',
		description: sentences(common.description, audio ? AUDIO_URL_RULE : 'Must be a public http(s) URL.'),
	});
	return { ...field, kind: 'url' };
}

/**
 * Chains wire themselves: a field that takes an existing clip reads the incoming item's `clipId` unless the user
 * types another, so Create a Song → Extend a Song → Concat runs with nothing dragged. Shown in the field.
 */
const INCOMING_CLIP_ID = '={{ $json.clipId }}';
const FROM_INCOMING = "Defaults to the incoming item's clipId.";

/** A field that takes an existing clip (Clip ID, Source Clip ID, Extension Clip ID): the incoming item's by default. */
export const incomingClipField = (name: string, apiName: string, displayName: string, description: string, show?: Show) =>
	textField(name, apiName, {
		displayName,
		required: true,
		description: sentences(description, FROM_INCOMING),
		show,
		default: INCOMING_CLIP_ID,
	});

/** The clip an operation works on (`clip_id`). */
export const clipIdField = (description: string, show?: Show) => incomingClipField('clipId', 'clip_id', 'Clip ID', description, show);

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

/**
 * A field kept only for workflows saved with it: a hidden parameter (n8n keeps only declared parameters), read
 * like any other, never shown.
 */
export function savedOnly(field: BodyField): BodyField {
	return { ...field, property: { ...field.property, type: 'hidden', options: undefined } as INodeProperties };
}

/**
 * The fields' API names → the names the panel shows, for MusicAPI's errors ("The 'mv' field is invalid" names
 * Model). The first field of a name counts: one operation never sends two fields under one API name.
 */
export function panelNames(fields: BodyField[]): Record<string, string> {
	const names: Record<string, string> = {};
	for (const field of fields) names[field.apiName] ??= field.property.displayName;
	return names;
}
