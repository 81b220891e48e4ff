import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import type { BodyField, Show } from './fields';

/**
 * Known model names per family. MusicAPI renames and retires models without notice (contract §3.1.3), so these
 * are suggestions: the field also takes any typed name, and MusicAPI itself says when a name is not accepted.
 */
export const MODELS = {
	sonic: [
		'sonic-v6',
		'sonic-v6-wild',
		'sonic-v6-mini',
		'sonic-v5-5',
		'sonic-v5',
		'sonic-v4-5-plus',
		'sonic-v4-5',
		'sonic-v4',
		'sonic-v3-5',
		'sonic-v4-5-all',
	],
	producer: ['FUZZ-2.0', 'FUZZ-2.0 Pro', 'FUZZ-2.0 Raw', 'FUZZ-1.1 Pro', 'FUZZ-1.0 Pro', 'FUZZ-1.1', 'FUZZ-1.0', 'FUZZ-0.8'],
	riffusion: ['FUZZ-1.1 Pro', 'FUZZ-1.0 Pro', 'FUZZ-1.1', 'FUZZ-1.0'],
	studio: ['studio130-v1.5', 'studio32-v1.5'],
} as const;

export type ModelFamily = keyof typeof MODELS;

/** How the panel names each family (the API's own names, such as `mv`, stay out of tooltips). */
const FAMILY_NAMES: Record<ModelFamily, string> = { sonic: 'Sonic', producer: 'Producer', riffusion: 'Riffusion', studio: 'Studio' };

/**
 * The Sonic default. Since 2026-10 MusicAPI lists only sonic-v6, -wild and -mini and runs the retired sonic-v3-5 …
 * v5-5 as sonic-v6 at its 20 credits (contract §3.1.3, §7): asking for sonic-v5 gets sonic-v6 anyway, at the same
 * price, plus a drift note on every run. So the default asks for what runs. On a host still on the older list
 * (mid-2026, sister brands) MusicAPI answers 400 naming the models it takes, free of charge, and any of them can be
 * typed in.
 */
export const DEFAULT_SONIC_MODEL = 'sonic-v6';

const SONIC_MODEL_DESCRIPTION =
	'Which Sonic model makes the music. MusicAPI runs the retired sonic-v3-5 … sonic-v5-5 as sonic-v6 at its 20 credits, and the node notes when the model that ran differs from the one asked. The list shows known names; choose "By Name" to type one MusicAPI added since.';

const SEARCH_METHOD: Record<ModelFamily, string> = {
	sonic: 'searchSonicModels',
	producer: 'searchProducerModels',
	riffusion: 'searchRiffusionModels',
	studio: 'searchStudioModels',
};

function search(family: ModelFamily) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const wanted = (filter ?? '').toLowerCase();
		return {
			results: MODELS[family]
				.filter((model) => model.toLowerCase().includes(wanted))
				.map((model) => ({ name: model, value: model })),
		};
	};
}

/** `methods.listSearch` of the node. */
export const modelSearch = Object.fromEntries(
	(Object.keys(SEARCH_METHOD) as ModelFamily[]).map((family) => [SEARCH_METHOD[family], search(family)]),
);

/** The model (`mv`): pick a known one from the list or type any name MusicAPI accepts today. */
export function modelField(
	family: ModelFamily,
	options: { name?: string; apiName?: string; required?: boolean; default?: string; show?: Show; description?: string } = {},
): BodyField {
	const name = options.name ?? 'model';
	const property: INodeProperties = {
		displayName: 'Model',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: options.default ?? MODELS[family][0] },
		required: options.required || undefined,
		description:
			options.description ??
			(family === 'sonic' ? SONIC_MODEL_DESCRIPTION : undefined) ??
			`Which ${FAMILY_NAMES[family]} model makes the music. The list shows known names; choose "By Name" to type one MusicAPI added since.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: SEARCH_METHOD[family], searchable: true },
			},
			{ displayName: 'By Name', name: 'id', type: 'string', placeholder: `e.g. ${MODELS[family][0]}` },
		],
		...(options.show ? { displayOptions: { show: options.show } } : {}),
	} as INodeProperties;
	return { name, apiName: options.apiName ?? 'mv', kind: 'string', required: options.required, property };
}
