import { defineAsync } from '../define';
import { listField } from '../../descriptions/fields';
import { finishSongBody, songOptionalFields } from '../../descriptions/sonicFields';
import { songFields, sonicModelField } from '../../descriptions/sonicToolFields';

export const mashup = defineAsync({
	value: 'mashup',
	name: 'Mashup',
	action: 'Create a mashup of two clips',
	description: 'Blend two clips into a new song, two clips out (10 credits)',
	credits: '10',
	path: '/sonic/mashup',
	dialect: 'sonic',
	fields: [
		listField('mashupClipIds', 'mashup_clip_ids', {
			displayName: 'Clip IDs',
			required: true,
			minItems: 2,
			maxItems: 2,
			placeholder: 'e.g. 4f9c2a1e-…, 7b3d8e05-…',
			description: 'The two clips to blend',
		}),
		sonicModelField(),
		...songFields(),
	],
	optional: songOptionalFields,
	refine: (ctx, itemIndex, body) => finishSongBody(ctx.fn, itemIndex, body),
});
