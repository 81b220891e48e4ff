import type { IDataObject } from 'n8n-workflow';

import { defineSync } from '../define';
import { textField } from '../../descriptions/fields';
import { unexpectedAnswer } from '../answers';

/** `POST /sonic/lyrics`: two candidate songs (title + lyrics) from a short description; answers under `results`. */
export const generateLyrics = defineSync({
	value: 'generateLyrics',
	name: 'Generate Lyrics',
	action: 'Generate lyrics',
	description: 'Write two candidate lyrics with titles from a description; one item per candidate (2 credits)',
	credits: '2',
	method: 'POST',
	path: '/sonic/lyrics',
	fields: [
		textField('description', 'description', {
			displayName: 'Description',
			required: true,
			maxLength: 120,
			rows: 2,
			placeholder: 'e.g. a hopeful song about driving home at night',
			description: 'What the lyrics should be about.',
		}),
	],
	shape: (body, ctx, itemIndex) => {
		const results = (body as { results?: unknown } | undefined)?.results;
		if (!Array.isArray(results)) throw unexpectedAnswer(ctx, itemIndex, 'POST /sonic/lyrics', 'a "results" list');
		return results.filter((result) => result && typeof result === 'object') as IDataObject[];
	},
});
