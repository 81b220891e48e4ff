import { readFileSync } from 'fs';
import { join } from 'path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';

/**
 * n8n's node picker finds a node by its display name and codex aliases only, not by descriptions or action
 * names; once found, the user picks an action by its text. So each everyday intent needs both: a word the
 * picker knows, and an action that says it.
 */
const INTENTS = [
	'extend',
	'cover',
	'remaster',
	'vocals',
	'instrumental',
	'concat',
	'stems',
	'wav',
	'midi',
	'lyrics',
	'bpm',
	'persona',
	'mashup',
	'background music',
	'credits',
	'upload',
	'replace',
	'sample',
];

const codex = JSON.parse(
	readFileSync(join(__dirname, '..', '..', '..', 'nodes', 'MusicApi', 'MusicApi.node.json'), 'utf8'),
) as { alias: string[] };
const description = new MusicApi().description;
const actions = description.properties
	.filter((p: INodeProperties) => p.name === 'operation')
	.flatMap((p) => (p.options ?? []) as INodePropertyOptions[])
	.map((o) => o.action ?? '');

/**
 * What users type as a phrase. n8n's picker matches the query as a whole against each alias (fuzzy, in order), so
 * "add vocals" finds nothing through the single aliases "add" or "vocals": the phrase itself must be an alias.
 */
const PHRASES = ['add vocals', 'replace section', 'create a song', 'extend a song', 'cover a song', 'background music', 'split stems'];

describe('the node picker finds the node for every phrase users type', () => {
	it.each(PHRASES)('"%s" is a codex alias', (phrase) => {
		expect(codex.alias.map((a) => a.toLowerCase())).toContain(phrase);
	});
});

describe('one name per action', () => {
	const options = description.properties
		.filter((p: INodeProperties) => p.name === 'operation')
		.map((p) => (p.options ?? []) as INodePropertyOptions[]);

	it('the Operation option says its action in title case: the same words in the picker and the panel', () => {
		for (const option of options.flat()) expect(option.name.toLowerCase()).toBe((option.action ?? '').toLowerCase());
	});

	it('each Operation list is sorted by what the user reads', () => {
		for (const list of options) {
			const names = list.map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});

describe('the node picker finds the node for every everyday intent', () => {
	it.each(INTENTS)('"%s" is a codex alias or in the display name', (word) => {
		const known = [...codex.alias, description.displayName].map((w) => w.toLowerCase());
		expect(known.some((w) => w.includes(word))).toBe(true);
	});

	it.each(INTENTS)('"%s" is said by an action', (word) => {
		// Whole words, any inflection: "Extend a song", "Split a clip into stems", "Mash up" does not say mashup.
		const says = new RegExp(`\\b${word}`, 'i');
		expect(actions.filter((a) => says.test(a))).not.toEqual([]);
	});
});
