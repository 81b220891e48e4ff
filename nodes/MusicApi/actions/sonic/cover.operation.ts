import { descriptionPromptField, lyricsPromptField, songModeField, tagsField, titleField } from '../../descriptions/sonicFields';
import { durationField, pickSongOptional, sonicModelField } from '../../descriptions/sonicToolFields';
import { autoLyricsField, clipSourceField, defineSong, sourceClipField, useSunoCdnField } from './song';

/** `cover_music` / `cover_upload_music`: the source restyled; two clips. */
export const cover = defineSong({
	value: 'cover',
	name: 'Cover a Song',
	action: 'Cover a song',
	description: 'Restyle a clip: same song, new sound (15 credits)',
	credits: '15',
	fields: [
		clipSourceField('cover_music', 'cover_upload_music'),
		sourceClipField('The clip to restyle'),
		sonicModelField(),
		songModeField(),
		descriptionPromptField(undefined, {
			description: 'How the cover should sound. Required to cover in this mode.',
			placeholder: 'e.g. acoustic folk version with a warm male voice',
		}),
		lyricsPromptField(undefined, true, {
			description: 'The lyrics the cover sings, with section tags like [Verse] and [Chorus]',
		}),
		titleField({ songMode: ['custom'] }),
		tagsField(),
	],
	optional: [
		...pickSongOptional('negativeTags', 'makeInstrumental', 'vocalGender', 'styleWeight', 'weirdnessConstraint', 'audioWeight'),
		autoLyricsField,
		durationField,
		useSunoCdnField,
	],
});
