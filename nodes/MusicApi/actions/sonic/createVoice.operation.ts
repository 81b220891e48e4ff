import { defineAsync } from '../define';
import { textField } from '../../descriptions/fields';
import { audioUrlField } from '../../descriptions/sonicToolFields';

export const createVoice = defineAsync({
	value: 'createVoice',
	name: 'Clone Voice From Recording',
	action: 'Clone a voice from a recording',
	description: 'Learn a voice from a recording as a persona, for Create a Song With a Persona (4 credits)',
	credits: '4',
	path: '/sonic/create-voice',
	dialect: 'sonic',
	fields: [
		audioUrlField('audio_url', {
			description: 'An MP3 or WAV with more than 10 seconds of the voice to learn.',
		}),
	],
	optional: [
		textField('name', 'name', {
			displayName: 'Name',
			maxLength: 80,
			description: 'Name of the persona',
		}),
	],
});
