import { urlField } from '../../descriptions/fields';
import { defineAsync } from '../define';

const url = urlField('url', 'url', {
	displayName: 'Audio URL',
	description: 'The MP3 or WAV file to import as a Producer clip.',
	audio: true,
});

/** `POST /producer/upload` (async): imports external audio; the task's clip can then be extended, changed or covered. */
export const upload = defineAsync({
	value: 'upload',
	name: 'Upload',
	action: 'Upload audio to Producer',
	description: 'Import audio from a public URL as a Producer clip to extend or cover (price not published)',
	credits: 'not published',
	path: '/producer/upload',
	dialect: 'producer',
	fields: [url],
});
