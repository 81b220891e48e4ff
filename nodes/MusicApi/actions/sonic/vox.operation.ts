import { defineSync } from '../define';
import { vocalEndField, vocalStartField } from '../../descriptions/sonicUtilityFields';
import { checkVocalRange } from '../../input/sonicUtilities';
import { dataOf, unexpectedAnswer } from '../answers';
import { clipIdField } from '../../descriptions/fields';

/** `POST /sonic/vox`: cuts a vocal segment (≤ 30 s) from a clip, to build a persona from. */
export const vox = defineSync({
	value: 'vox',
	name: 'VOX',
	action: 'Extract a vocal segment',
	description: 'Extract a vocal segment (up to 30 s) from a clip for Create Persona (1 credit)',
	credits: '1',
	method: 'POST',
	path: '/sonic/vox',
	fields: [clipIdField('The clip to take the vocals from')],
	optional: [
		vocalStartField('Start of the vocal segment to extract'),
		vocalEndField('End of the vocal segment; at most 30 s after the start (from 0 when no start is given)'),
	],
	refine: (ctx, itemIndex, body) => checkVocalRange(ctx, itemIndex, body),
	shape: (body, ctx, itemIndex) => {
		const data = dataOf(body);
		if (!data) throw unexpectedAnswer(ctx, itemIndex, 'POST /sonic/vox', '"data"');
		return [data];
	},
});
