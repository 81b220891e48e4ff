import { defineSyncCall } from '../define';
import { binaryPropertyField, downloadFileField, optionsCollection } from '../../descriptions/sonicUtilityFields';
import { readSettings } from '../../input/sonicUtilities';
import { dataOf, unexpectedAnswer, withFile } from '../answers';
import { clipIdField } from '../../descriptions/fields';

const PATH = '/sonic/wav';
const downloadFile = downloadFileField('WAV');
const settingsFields = [downloadFile, binaryPropertyField];

/** `POST /sonic/wav`: a lossless WAV URL for a clip, optionally attached as a file. */
export const wav = defineSyncCall({
	value: 'wav',
	name: 'WAV',
	action: 'Get a WAV of a clip',
	description: 'Get a lossless WAV file URL for a clip, optionally downloaded (2 credits)',
	credits: '2',
	path: PATH,
	fields: [clipIdField('The clip to convert')],
	settings: [optionsCollection(settingsFields)],
	async send(ctx, itemIndex, body) {
		const settings = readSettings(ctx, itemIndex, [], settingsFields);
		const response = await ctx.client.request({ method: 'POST', path: PATH, body, kind: 'submit' }, itemIndex);
		const wavUrl = dataOf(response.body)?.wav_url;
		if (typeof wavUrl !== 'string' || wavUrl === '') {
			throw unexpectedAnswer(ctx, itemIndex, `POST ${PATH}`, 'a WAV URL ("data.wav_url")');
		}
		const clipId = String(body.clip_id);
		const json = { clipId, wavUrl };
		if (settings.downloadFile !== true) return [json];
		return [await withFile(ctx, itemIndex, json, wavUrl, clipId, String(settings.binaryProperty ?? 'data'))];
	},
});
