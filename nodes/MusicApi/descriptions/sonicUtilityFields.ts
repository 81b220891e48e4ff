import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, booleanField, numberField, textField, type BodyField } from './fields';

/**
 * Fields and pieces the Sonic utility operations (lyrics, aligned lyrics, BPM, persona, VOX, MIDI, WAV, upload)
 * share, declared once.
 */

/** "Simplify": a compact item of our own instead of the API's data. Read with `readSettings`. */
export const simplifyField = booleanField('simplify', 'simplify', {
	displayName: 'Simplify',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
});

/** Attaching a result file (WAV, MIDI) to the item. */
export const downloadFileField = (what: string) =>
	booleanField('downloadFile', 'downloadFile', {
		displayName: 'Download File',
		default: false,
		description: `Whether to attach the ${what} file to the item as binary data (the URL is always in the item)`,
	});

export const binaryPropertyField = textField('binaryProperty', 'binaryProperty', {
	displayName: 'Put Output File in Field',
	default: 'data',
	hint: 'The name of the output binary field to put the file in (when Download File is on)',
});

/** Start and end of a vocal segment (VOX, and Create Persona where they must match the VOX range). */
export const MAX_VOCAL_SPAN_S = 30;

export const vocalStartField = (description: string) =>
	numberField('vocalStart', 'vocal_start_s', {
		displayName: 'Vocal Start (Seconds)',
		min: 0,
		default: 0,
		description,
	});

export const vocalEndField = (description: string) =>
	numberField('vocalEnd', 'vocal_end_s', {
		displayName: 'Vocal End (Seconds)',
		min: 0,
		default: MAX_VOCAL_SPAN_S,
		description,
	});

/** The "Options" collection: settings of the node itself, never sent to MusicAPI. */
export function optionsCollection(fields: BodyField[]): INodeProperties {
	return { ...additionalFields(fields, 'options'), placeholder: 'Add Option' };
}
