import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import type { BodyField, Show } from './fields';

/** Models that share one description, in list order. */
const alike = <Name extends string,>(description: string, ...names: Name[]) => names.map((name) => ({ name, description }));

/**
 * Known model names per family. MusicAPI renames and retires models without notice (contract §3.1.3), so these
 * are suggestions: the field also takes any typed name, and MusicAPI itself says when a name is not accepted.
 */
export const MODELS = {
	sonic: [
		{ name: 'sonic-v6', description: "Today's Sonic model: full songs with vocals, 20 credits a song" },
		{ name: 'sonic-v6-wild', description: 'A variant of sonic-v6 in MusicAPI\'s current list, at the same price' },
		{ name: 'sonic-v6-mini', description: 'The mini variant of sonic-v6 in MusicAPI\'s current list' },
		...alike('Retired: MusicAPI runs it as sonic-v6', 'sonic-v5-5', 'sonic-v5', 'sonic-v4-5-plus', 'sonic-v4-5', 'sonic-v4', 'sonic-v3-5'),
		{ name: 'sonic-v4-5-all', description: 'Taken by Sample and Mashup on some hosts; Create refuses it' },
	],
	producer: [
		{ name: 'FUZZ-2.0', description: 'The Producer default; Producer runs Lyria 3 Pro behind every FUZZ name' },
		...alike('Accepted as a name; runs Lyria 3 Pro like the others', 'FUZZ-2.0 Pro', 'FUZZ-2.0 Raw'),
		...alike('Older name, still accepted; runs Lyria 3 Pro', 'FUZZ-1.1 Pro', 'FUZZ-1.0 Pro', 'FUZZ-1.1', 'FUZZ-1.0'),
		{ name: 'FUZZ-0.8', description: 'The oldest name, still accepted; runs Lyria 3 Pro' },
	],
	riffusion: [
		{ name: 'FUZZ-1.1 Pro', description: 'The Riffusion default (the model in MusicAPI\'s example)' },
		...alike('One of the four FUZZ models Riffusion takes', 'FUZZ-1.0 Pro', 'FUZZ-1.1', 'FUZZ-1.0'),
	],
	studio: [
		{ name: 'studio130-v1.5', description: 'The first of the two Studio models MusicAPI names' },
		{ name: 'studio32-v1.5', description: 'The second of the two Studio models MusicAPI names' },
	],
} as const satisfies Record<string, ReadonlyArray<{ name: string; description: string }>>;

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
				.filter((model) => model.name.toLowerCase().includes(wanted))
				.map((model) => ({ name: model.name, value: model.name, description: model.description })),
		};
	};
}

/** `methods.listSearch` of the node. */
export const modelSearch = Object.fromEntries(
	(Object.keys(SEARCH_METHOD) as ModelFamily[]).map((family) => [SEARCH_METHOD[family], search(family)]),
);

/**
 * The parameter all resources shared until each got its own. n8n keeps a parameter's value while a parameter of
 * that name is shown, so one `model` carried Sonic's model into Studio (and back) and the run failed on a model the
 * resource does not have. Saved workflows still hold it; see formerModel.
 */
const FORMER_NAME = 'model';

/**
 * The former `model`, declared hidden wherever a model field is (n8n drops undeclared parameters on load), and a
 * notice shown while it holds a value: such a node runs with the model it was saved with until another is picked.
 */
function formerModel(show?: Show): BodyField['former'] {
	const where = show ? { displayOptions: { show } } : {};
	return {
		name: FORMER_NAME,
		properties: [
			{
				displayName: 'Model (Saved)',
				name: FORMER_NAME,
				type: 'hidden',
				default: '',
				description: 'The model of a node saved before each resource had its own Model field',
				...where,
			},
			{
				displayName:
					'This node keeps the model it was saved with (under a former parameter name) and runs with it until you pick another model here',
				name: 'formerModelNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { ...show, [FORMER_NAME]: [{ _cnd: { exists: true } }] } },
			},
		],
	};
}

/** The model (`mv`): pick a known one from the list or type any name MusicAPI accepts today. Each family its own parameter. */
export function modelField(
	family: ModelFamily,
	options: { apiName?: string; required?: boolean; default?: string; show?: Show; description?: string } = {},
): BodyField {
	const name = `${family}Model`;
	const property: INodeProperties = {
		displayName: 'Model',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: options.default ?? MODELS[family][0].name },
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
			{ displayName: 'By Name', name: 'id', type: 'string', placeholder: `e.g. ${MODELS[family][0].name}` },
		],
		...(options.show ? { displayOptions: { show: options.show } } : {}),
	} as INodeProperties;
	return { name, apiName: options.apiName ?? 'mv', kind: 'string', required: options.required, property, former: formerModel(options.show) };
}
