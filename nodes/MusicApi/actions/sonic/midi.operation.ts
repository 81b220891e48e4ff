import type { IDataObject } from 'n8n-workflow';

import { numberField, clipIdField } from '../../descriptions/fields';
import { defineSyncCall } from '../define';
import { requestWhileAccepted } from '../../jobs/whileAccepted';
import { binaryPropertyField, downloadFileField, optionsCollection, simplifyField } from '../../descriptions/sonicUtilityFields';
import { readSettings } from '../../input/sonicUtilities';
import { dataOf, unexpectedAnswer, withFile } from '../answers';

const PATH = '/sonic/midi';
/** Extra asks while MusicAPI answers 202 "still building". */
const ATTEMPTS = 10;

const retryDelay = numberField('retryDelay', 'retryDelay', {
	displayName: 'Retry Delay (Seconds)',
	min: 0,
	// Ten minutes between asks (eleven asks in all) is as long as a MIDI is worth waiting for in one run.
	max: 600,
	default: 5,
	description: `How long to wait before asking again while MusicAPI is still building the MIDI (up to ${ATTEMPTS} more times; repeats are free)`,
});
const downloadFile = downloadFileField('MIDI');
const settingsFields = [downloadFile, binaryPropertyField, retryDelay];

/** `POST /sonic/midi`: a MIDI transcription of a clip; MusicAPI answers 202 until it is built. */
export const midi = defineSyncCall({
	value: 'midi',
	name: 'MIDI',
	action: 'Get MIDI of a clip',
	description: 'Transcribe a clip to MIDI: file URL and notes per instrument (1 credit)',
	credits: '1',
	path: PATH,
	fields: [clipIdField('The clip to transcribe (generated within the last 24 hours)')],
	settings: [simplifyField.property, optionsCollection(settingsFields)],
	async send(ctx, itemIndex, body) {
		const settings = readSettings(ctx, itemIndex, [simplifyField], settingsFields);
		const delayMs = Math.round(Number(settings.retryDelay ?? 5) * 1000);
		const response = await requestWhileAccepted(
			ctx,
			itemIndex,
			{ method: 'POST', path: PATH, body, kind: 'submit' },
			{ attempts: ATTEMPTS, delayMs },
		);
		const data = dataOf(response.body);
		if (!data || typeof data.midi_url !== 'string') {
			throw unexpectedAnswer(ctx, itemIndex, `POST ${PATH}`, 'a MIDI URL ("data.midi_url")');
		}
		const clipId = String(body.clip_id);
		const instruments = (Array.isArray(data.instruments) ? data.instruments : []) as IDataObject[];
		const json: IDataObject =
			settings.simplify === false
				? data
				: {
						clipId,
						midiUrl: data.midi_url,
						instruments: instruments.map((instrument) => ({
							name: instrument.name,
							noteCount: Array.isArray(instrument.notes) ? instrument.notes.length : 0,
						})),
					};
		if (settings.downloadFile !== true) return [json];
		const property = String(settings.binaryProperty ?? 'data');
		return [await withFile(ctx, itemIndex, json, data.midi_url, clipId, property)];
	},
});
