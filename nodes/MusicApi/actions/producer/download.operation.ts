import { defineAsync } from '../define';
import { clipIdField, optionsField } from '../../descriptions/fields';

/** `POST /producer/download` (async): prepares an MP3 or WAV of a clip; the finished clip carries audio_url / wav_url. */
export const download = defineAsync({
	value: 'download',
	name: 'Download',
	action: 'Get an MP3 or WAV of a Producer clip',
	description: 'Prepare an MP3 or WAV file of a Producer clip (2 credits); the result has its audio/WAV URL',
	credits: '2',
	path: '/producer/download',
	dialect: 'producer',
	// The finished clip may carry the source's audio_url beside the prepared wav_url: the WAV is what was asked for.
	makesWav: (body) => body.format === 'wav',
	fields: [
		clipIdField('The Producer clip to prepare'),
		optionsField('format', 'format', {
			displayName: 'Format',
			options: [
				{ name: 'MP3', value: 'mp3' },
				{ name: 'WAV', value: 'wav', description: 'Lossless; the result clip carries a WAV URL' },
			],
			default: 'mp3',
			description: 'File format to prepare; with Download Audio on (the default) the file is attached to the item',
		}),
	],
});
