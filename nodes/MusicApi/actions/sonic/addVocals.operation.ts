import { textField } from '../../descriptions/fields';
import { tagsField } from '../../descriptions/sonicFields';
import { pickSongOptional, sonicModelField } from '../../descriptions/sonicToolFields';
import { checkRegion, defineSong, regionFields, sourceClipField, useSunoCdnField } from './song';

/**
 * `add_vocals` always needs the lyrics (MusicAPI: "The 'prompt' field is required.") and custom mode, so there is no
 * Mode to get wrong: the lyrics are the one required text.
 */
export const addVocals = defineSong({
	value: 'addVocals',
	name: 'Add Vocals',
	action: 'Add vocals to an instrumental',
	description: 'Sing your lyrics over an uploaded instrumental (15 credits)',
	credits: '15',
	taskType: 'add_vocals',
	// custom_mode true: the lyrics are sung as written (finishSongBody turns "custom" into the boolean).
	fixed: { custom_mode: 'custom' },
	fields: [
		sourceClipField('An uploaded instrumental to sing over (from Upload Audio, at most 24 hours old)'),
		sonicModelField(),
		textField('prompt', 'prompt', {
			displayName: 'Lyrics',
			required: true,
			maxLength: 5000,
			rows: 8,
			placeholder: 'e.g. [Verse]\nCity lights, neon dreams\n[Chorus]\nDrive on…',
			description: 'The words to sing over the instrumental, with section tags like [Verse] and [Chorus]. Required to add vocals.',
		}),
		tagsField(),
	],
	optional: [...pickSongOptional('negativeTags', 'vocalGender', 'styleWeight', 'audioWeight'), ...regionFields, useSunoCdnField],
	check: checkRegion,
});
