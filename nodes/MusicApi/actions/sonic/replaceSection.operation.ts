import { defineAsync } from '../define';
import { numberField, textField, clipIdField } from '../../descriptions/fields';
import { tagsField, titleField } from '../../descriptions/sonicFields';
import { autoConcatField, pickSongOptional, sonicModelField } from '../../descriptions/sonicToolFields';
import { checkRange } from '../../input/checks';

const START = { apiName: 'infill_start_s', label: 'Section Start (Seconds)' };
const END = { apiName: 'infill_end_s', label: 'Section End (Seconds)' };

export const replaceSection = defineAsync({
	value: 'replaceSection',
	name: 'Replace Section',
	action: 'Replace a section of a clip',
	description: 'Regenerate a time range of a clip, e.g. with new lyrics (10 credits)',
	credits: '10',
	path: '/sonic/replace-section',
	dialect: 'sonic',
	fields: [
		clipIdField('The clip whose section is regenerated'),
		sonicModelField(),
		numberField('infillStart', START.apiName, {
			displayName: START.label,
			required: true,
			min: 0,
			default: 0,
			description: 'Where the replaced section starts in the clip',
		}),
		numberField('infillEnd', END.apiName, {
			displayName: END.label,
			required: true,
			min: 0,
			default: 30,
			description: 'Where the replaced section ends; must be after the start',
		}),
	],
	optional: [
		textField('infillLyrics', 'infill_lyrics', {
			displayName: 'New Lyrics',
			maxLength: 3000,
			rows: 4,
			description: 'The lyrics sung in the replaced section',
		}),
		textField('fullLyrics', 'prompt', {
			displayName: 'Full Lyrics (Context)',
			maxLength: 5000,
			rows: 8,
			description: "The clip's complete original lyrics, so the new section fits around them",
		}),
		titleField(),
		tagsField(),
		...pickSongOptional('negativeTags', 'vocalGender', 'styleWeight', 'weirdnessConstraint'),
		autoConcatField(
			'Whether MusicAPI also joins the new section into the whole song; each result then comes with its full-length version (role "full")',
		),
	],
	refine(ctx, itemIndex, body) {
		checkRange(ctx.fn, itemIndex, body, START, END);
		return body;
	},
});
