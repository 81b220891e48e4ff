import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** A finding of the checks n8n's lint rules lack; `where` is the parameter path, `text` what was judged. */
export interface Finding {
	rule: string;
	where: string;
	text: string;
}

/** Every parameter of a properties list with its path, collection options and fixed-collection values included. */
export function allParameters(properties: INodeProperties[], path = ''): Array<{ where: string; p: INodeProperties }> {
	return properties.flatMap((p) => {
		const where = `${path}${p.name}${showSuffix(p)}`;
		const nested =
			p.type === 'collection'
				? allParameters((p.options ?? []) as INodeProperties[], `${where} › `)
				: p.type === 'fixedCollection'
					? (p.options ?? []).flatMap((section) =>
							allParameters((section as { values: INodeProperties[] }).values, `${where} › `),
						)
					: [];
		return [{ where, p }, ...nested];
	});
}

/** `[sonic/mashup]`: the operations a parameter shows for, so a finding says which panel it is on. */
function showSuffix(p: INodeProperties): string {
	const show = p.displayOptions?.show;
	if (!show?.resource) return '';
	const ops = (show.operation as string[] | undefined)?.join(',');
	return ` [${(show.resource as string[]).join(',')}${ops ? `/${ops}` : ''}]`;
}

// Collections and fixed collections carry the "Add Field" button text, not an example.
const EXAMPLE_PLACEHOLDER_TYPES = new Set(['string', 'number', 'json']);
// A limit or rule appended to a sentence that has no full stop ("…sound like Up to 400 characters.").
const GLUED_LIMIT = /[^.!?:;\s]\s+(Up to \d|Exactly \d|Between \d|At most \d|Must be |Comma-separated)/;
// Names MusicAPI's JSON uses, which a no-code user never sees: custom_mode, weirdness_constraint, "(mv)".
const API_NAMES: Array<[RegExp, string]> = [
	[/\b[a-z]+(?:_[a-z]+)+\b/, 'snake_case API field'],
	[/\((?:mv|model_type|url|prompt)\)/, 'API field in parentheses'],
	[/\b[Ss]ent as\b/, 'says which API field it is sent as'],
	[/\b[a-z]+\.(?:mode|source|completed|failed|streaming)\b/, 'dotted API name'],
	[/(?:^|[\s(])\/[a-z][\w-]*/, 'API path'],
];

function texts(p: INodeProperties): Array<[string, string]> {
	const options = (p.type === 'options' || p.type === 'multiOptions' ? (p.options ?? []) : []) as INodePropertyOptions[];
	return [
		['displayName', p.displayName],
		['description', p.description ?? ''],
		['hint', p.hint ?? ''],
		...options.flatMap((o): Array<[string, string]> => [
			[`option ${o.name}`, o.name],
			[`option ${o.name} description`, o.description ?? ''],
		]),
	];
}

/** The checks n8n's rules lack, over every parameter of a node or credential. */
export function ownChecks(properties: INodeProperties[]): Finding[] {
	const findings: Finding[] = [];
	const add = (rule: string, where: string, text: string) => findings.push({ rule, where, text });
	for (const { where, p } of allParameters(properties)) {
		if (p.placeholder && EXAMPLE_PLACEHOLDER_TYPES.has(p.type) && !p.placeholder.startsWith('e.g. ')) {
			add('placeholder-without-eg', where, p.placeholder);
		}
		for (const mode of p.type === 'resourceLocator' ? (p.modes ?? []) : []) {
			if (mode.placeholder && !mode.placeholder.startsWith('e.g. ')) add('placeholder-without-eg', where, mode.placeholder);
		}
		for (const [field, text] of texts(p)) {
			if (field !== 'displayName' && GLUED_LIMIT.test(text)) add('limit-glued-to-sentence', `${where} ${field}`, text);
			for (const [pattern, what] of API_NAMES) {
				if (pattern.test(text)) add(`api-name-in-text (${what})`, `${where} ${field}`, text);
			}
		}
		// A field without a tooltip (or n8n's hint below it) leaves the user guessing (Task Type had none). Resource and Operation are
		// self-explanatory in n8n's own nodes; notices and collections are their own text.
		const exempt = ['resource', 'operation'].includes(p.name) || ['notice', 'collection', 'fixedCollection'].includes(p.type);
		if (!exempt && !p.description && !p.hint) add('missing-description', where, p.displayName);
		// One unit scheme: durations in seconds across the node.
		if (/\((Milliseconds|Minutes|Ms|Hours)\)/i.test(p.displayName)) add('unit-not-seconds', where, p.displayName);
		if (/Binary Property/.test(p.displayName)) add('binary-property-wording', where, p.displayName);
		if (p.name === 'resource' || p.name === 'operation') {
			for (const o of (p.options ?? []) as INodePropertyOptions[]) {
				if (!o.description) add('option-without-description', `${where} option ${o.name}`, o.name);
			}
		}
	}
	return findings;
}
