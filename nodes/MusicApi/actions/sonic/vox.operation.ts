import type { IDataObject } from 'n8n-workflow';

import { defineSyncCall } from '../define';
import { binaryPropertyField, downloadFileField, optionsCollection, vocalEndField, vocalStartField } from '../../descriptions/sonicUtilityFields';
import { checkVocalRange, readSettings } from '../../input/sonicUtilities';
import { dataOf, unexpectedAnswer, withFile } from '../answers';
import { clipIdField } from '../../descriptions/fields';

const PATH = '/sonic/vox';
const downloadFile = downloadFileField('vocal segment');
const settingsFields = [downloadFile, binaryPropertyField];

/** The segment's audio, when the answer carries one: contract §3.3 lists no URL field, so every likely name is read. */
function segmentUrl(data: IDataObject): string | undefined {
	const url = data.audio_url ?? data.vox_audio_url ?? data.url;
	return typeof url === 'string' && url !== '' ? url : undefined;
}

/**
 * VOX's `data` (contract §3.3: vox_audio_id, status, source_clip_id, vocal_start_s, vocal_end_s, wave_response) in
 * the camelCase every other operation outputs; fields the contract does not list are left out.
 */
function voxJson(data: IDataObject, body: IDataObject): IDataObject {
	const json: IDataObject = {
		voxAudioId: data.vox_audio_id,
		clipId: data.source_clip_id ?? body.clip_id,
		status: data.status,
		vocalStart: data.vocal_start_s,
		vocalEnd: data.vocal_end_s,
		audioUrl: segmentUrl(data),
		waveform: data.wave_response,
	};
	for (const key of Object.keys(json)) if (json[key] === undefined || json[key] === null) delete json[key];
	return json;
}

/** `POST /sonic/vox`: cuts a vocal segment (≤ 30 s) from a clip, to build a persona from. */
export const vox = defineSyncCall({
	value: 'vox',
	name: 'VOX',
	action: 'Extract a vocal segment',
	description: 'Extract a vocal segment (up to 30 s) from a clip for Create Persona (1 credit)',
	credits: '1',
	path: PATH,
	fields: [clipIdField('The clip to take the vocals from')],
	optional: [
		vocalStartField('Start of the vocal segment to extract'),
		vocalEndField('End of the vocal segment; at most 30 s after the start (from 0 when no start is given)'),
	],
	settings: [optionsCollection(settingsFields)],
	refine: (ctx, itemIndex, body) => checkVocalRange(ctx, itemIndex, body),
	async send(ctx, itemIndex, body) {
		const settings = readSettings(ctx, itemIndex, [], settingsFields);
		const response = await ctx.client.request({ method: 'POST', path: PATH, body, kind: 'submit' }, itemIndex);
		const data = dataOf(response.body);
		if (!data) throw unexpectedAnswer(ctx, itemIndex, `POST ${PATH}`, '"data"');
		const json = voxJson(data, body);
		if (settings.downloadFile !== true) return [json];
		if (typeof json.audioUrl !== 'string') {
			// The segment exists (and was paid for); only its file is missing: keep the item, say why there is no file.
			ctx.fn.logger.warn(`MusicAPI ${PATH}: item ${itemIndex}: the answer has no audio URL for segment ${String(json.voxAudioId)}; no file attached`);
			return [{ ...json, downloadError: 'MusicAPI sent no audio URL for this segment' }];
		}
		return [await withFile(ctx, itemIndex, json, json.audioUrl, `vox-${String(json.voxAudioId)}`, String(settings.binaryProperty ?? 'data'))];
	},
});
