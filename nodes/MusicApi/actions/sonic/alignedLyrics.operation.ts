import type { IDataObject } from 'n8n-workflow';

import { booleanField, clipIdField } from '../../descriptions/fields';
import { defineSyncCall } from '../define';
import { optionsCollection, simplifyField } from '../../descriptions/sonicUtilityFields';
import { readSettings } from '../../input/sonicUtilities';
import { dataOf, unexpectedAnswer } from '../answers';

const splitIntoItems = booleanField('splitIntoItems', 'splitIntoItems', {
	displayName: 'Split Into Items',
	default: false,
	description: 'Whether to output one item per word instead of one item with every word',
});

const PATH = '/sonic/aligned-lyrics';

/**
 * The first word may carry a header line and section tags ("[Verse 1]\nCity", contract §3.3); the simplified
 * word is the sung word alone.
 */
function sungWord(word: unknown): string {
	const lines = String(word ?? '')
		.replace(/\[[^\]]*\]/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
	return lines[lines.length - 1] ?? '';
}

/** `POST /sonic/aligned-lyrics`: when each word of a clip's lyrics is sung. */
export const alignedLyrics = defineSyncCall({
	value: 'alignedLyrics',
	name: 'Aligned Lyrics',
	action: 'Get aligned lyrics',
	description: 'Word-by-word timings of a clip\'s lyrics (1 credit the first time per clip, repeats free)',
	credits: '1 first call per clip; cached repeats free',
	path: PATH,
	fields: [clipIdField('The clip whose lyrics to time (a clip with lyrics; instrumentals have none)')],
	settings: [simplifyField.property, optionsCollection([splitIntoItems])],
	async send(ctx, itemIndex, body) {
		const settings = readSettings(ctx, itemIndex, [simplifyField], [splitIntoItems]);
		const response = await ctx.client.request({ method: 'POST', path: PATH, body, kind: 'submit' }, itemIndex);
		const data = dataOf(response.body);
		const alignment = data?.alignment;
		if (!data || !Array.isArray(alignment)) {
			throw unexpectedAnswer(ctx, itemIndex, `POST ${PATH}`, 'word timings ("data.alignment"); the alignment may not be ready yet, run again in a minute (repeats are free)');
		}
		const clipId = String(body.clip_id);
		const entries = alignment.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object');
		if (settings.simplify === false) {
			return settings.splitIntoItems === true ? entries : [data];
		}
		const words = entries
			.map((entry) => ({ word: sungWord(entry.word), startS: entry.start_s, endS: entry.end_s }) as IDataObject)
			.filter((entry) => entry.word !== '');
		if (settings.splitIntoItems === true) return words.map((word, index) => ({ clipId, index, ...word }));
		return [{ clipId, wordCount: words.length, words }];
	},
});
