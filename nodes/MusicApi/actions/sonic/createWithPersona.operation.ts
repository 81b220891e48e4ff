import { durationField, pickSongOptional, songFields, sonicModelField } from '../../descriptions/sonicToolFields';
import { autoLyricsField, defineSong, personaIdField, useSunoCdnField } from './song';

/** `persona_music`: a new song sung by a saved persona (contract §3.1.2). */
export const createWithPersona = defineSong({
	value: 'createWithPersona',
	name: 'Create a Song With a Persona',
	action: 'Create a song in the voice of a persona',
	description: 'A new song sung by a persona you saved or cloned (15 credits)',
	credits: '15',
	taskType: 'persona_music',
	fields: [personaIdField, sonicModelField(), ...songFields()],
	optional: [
		...pickSongOptional('negativeTags', 'makeInstrumental', 'vocalGender', 'styleWeight', 'weirdnessConstraint'),
		autoLyricsField,
		durationField,
		useSunoCdnField,
	],
});
