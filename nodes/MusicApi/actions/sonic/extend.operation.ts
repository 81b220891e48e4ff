import { descriptionPromptField, lyricsPromptField, songModeField, tagsField, titleField } from '../../descriptions/sonicFields';
import { durationField, pickSongOptional, sonicModelField } from '../../descriptions/sonicToolFields';
import { autoLyricsField, checkContinueAt, clipSourceField, continueAtField, defineSong, sourceClipField, useSunoCdnField } from './song';

/** `extend_music` / `extend_upload_music`: MusicAPI returns only the new part; Concat joins it to the source. */
export const extend = defineSong({
	value: 'extend',
	name: 'Extend a Song',
	action: 'Extend a song',
	description: 'Continue a clip from a point in time; returns only the new part (15 credits)',
	credits: '15',
	fields: [
		clipSourceField('extend_music', 'extend_upload_music'),
		sourceClipField('The clip to continue. The result is only the new part; join it to the source with Concat.'),
		continueAtField,
		sonicModelField(),
		songModeField(),
		descriptionPromptField(undefined, {
			description: 'What the new part should sound like and be about. Required to extend in this mode.',
			placeholder: 'e.g. a soaring final chorus with a key change',
		}),
		lyricsPromptField(undefined, true, {
			description: 'The lyrics of the new part, with section tags like [Bridge] and [Chorus]',
			placeholder: 'e.g. [Bridge]\nOne more mile…\n[Chorus]\nDrive on…',
		}),
		titleField({ songMode: ['custom'] }),
		tagsField(),
	],
	optional: [
		...pickSongOptional('negativeTags', 'makeInstrumental', 'vocalGender', 'styleWeight', 'weirdnessConstraint'),
		autoLyricsField,
		durationField,
		useSunoCdnField,
	],
	check: checkContinueAt,
});
