import { urlField } from '../../descriptions/fields';
import { defineSync } from '../define';
import { answerData, missingInAnswer } from '../answers';

const url = urlField('url', 'url', {
	displayName: 'Audio URL',
	description: 'The MP3 or WAV file to import.',
	audio: true,
});

/** `POST /riffusion/upload` (sync): imports external audio and answers with its clip id. */
export const upload = defineSync({
	value: 'upload',
	name: 'Upload',
	action: 'Upload audio to deprecated Riffusion',
	description: 'Deprecated: import audio from a public URL as a clip for the Upload task types (price not published)',
	credits: 'not published',
	method: 'POST',
	path: '/riffusion/upload',
	fields: [url],
	shape(body, ctx, itemIndex) {
		const { clip_id: clipId, ...rest } = answerData(body)[0] ?? {};
		if (typeof clipId !== 'string' || clipId === '') {
			throw missingInAnswer(ctx, itemIndex, 'POST /riffusion/upload', 'a "clip_id"; the audio may have been imported');
		}
		return [{ clipId, ...rest }];
	},
});
