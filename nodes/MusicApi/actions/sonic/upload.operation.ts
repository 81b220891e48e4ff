import { numberField, urlField } from '../../descriptions/fields';

import { defineSyncCall } from '../define';
import { optionsCollection } from '../../descriptions/sonicUtilityFields';
import { readSettings } from '../../input/sonicUtilities';
import { unexpectedAnswer } from '../answers';

const PATH = '/sonic/upload';
/** MusicAPI fetches the audio during the call: about 20 s live, so the node's usual timeout may be too short. */
const DEFAULT_UPLOAD_TIMEOUT_S = 120;

const uploadTimeout = numberField('uploadTimeout', 'uploadTimeout', {
	displayName: 'Upload Timeout (Seconds)',
	min: 1,
	// An hour: the import takes about 20 s, and the request holds a place in the API key's queue meanwhile.
	max: 3600,
	default: DEFAULT_UPLOAD_TIMEOUT_S,
	description:
		'How long to wait for MusicAPI to fetch and import the audio (about 20 s). The node\'s Request Timeout applies when it is longer.',
});

/** `POST /sonic/upload`: imports a public audio URL as a clip for cover, extend, add vocals/instrumental. */
export const upload = defineSyncCall({
	value: 'upload',
	name: 'Upload',
	action: 'Upload audio',
	description: 'Import audio from a public URL as a clip to cover, extend or add vocals to (2 credits, takes ~20 s)',
	credits: '2',
	path: PATH,
	fields: [
		urlField('url', 'url', {
			displayName: 'Audio URL',
			description: 'The MP3 or WAV file to import, at most 8 minutes.',
			audio: true,
		}),
	],
	settings: [optionsCollection([uploadTimeout])],
	async send(ctx, itemIndex, body) {
		const settings = readSettings(ctx, itemIndex, [], [uploadTimeout]);
		const timeoutMs = Math.max(
			ctx.client.settings.timeoutMs,
			Number(settings.uploadTimeout ?? DEFAULT_UPLOAD_TIMEOUT_S) * 1000,
		);
		const response = await ctx.client.request({ method: 'POST', path: PATH, body, kind: 'submit', timeoutMs }, itemIndex);
		const answer = (response.body ?? {}) as { clip_id?: unknown; data?: { clip_id?: unknown } };
		const clipId = answer.clip_id ?? answer.data?.clip_id;
		if (typeof clipId !== 'string' || clipId === '') {
			throw unexpectedAnswer(ctx, itemIndex, `POST ${PATH}`, 'a "clip_id"; the audio may have been imported, check the MusicAPI dashboard before running this item again');
		}
		return [{ clipId }];
	},
});
