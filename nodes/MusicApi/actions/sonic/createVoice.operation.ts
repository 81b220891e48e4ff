import { defineAsync } from '../define';
import { textField } from '../../descriptions/fields';
import { audioUrlField } from '../../descriptions/sonicToolFields';

export const createVoice = defineAsync({
	value: 'createVoice',
	name: 'Create Voice',
	action: 'Create a voice persona',
	description: 'Train a voice persona from a recording; use its persona ID with Create → Persona (4 credits)',
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
