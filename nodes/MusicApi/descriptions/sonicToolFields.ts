import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { booleanField, numberField, urlField, type BodyField, type Show } from './fields';
import { inputError } from '../base/inputError';
import { DEFAULT_SONIC_MODEL, modelField } from './models';
import {
	descriptionPromptField,
	lyricsPromptField,
	songModeField,
	songOptionalFields,
	tagsField,
	titleField,
} from './sonicFields';

/**
 * Fields and checks shared by the Sonic job-starting tools (create voice, stems, mashup, replace section,
 * sample, upload & cover, upload & extend), contract §3.4.
 */

/** The model (`mv`) the Sonic tools require. */
export const sonicModelField = () => modelField('sonic', { required: true, default: DEFAULT_SONIC_MODEL });

/** The song description/lyrics block (mode, description or lyrics, title, style tags) of mashup, sample and uploads. */
export const songFields = (show?: Show): BodyField[] => [
	songModeField(show),
	descriptionPromptField(show),
	lyricsPromptField(show),
	titleField({ songMode: ['custom'], ...show }),
	tagsField(show),
];

type SongOptionalName =
	| 'negativeTags'
	| 'makeInstrumental'
	| 'vocalGender'
	| 'styleWeight'
	| 'weirdnessConstraint'
	| 'audioWeight';

/** Some of the optional song fields of descriptions/sonicFields.ts, for endpoints that take only those. */
export function pickSongOptional(...names: SongOptionalName[]): BodyField[] {
	return songOptionalFields.filter((field) => names.includes(field.name as SongOptionalName));
}

/** A public audio file MusicAPI fetches itself (create-voice `audio_url`, sample/upload `url`). */
export function audioUrlField(
	apiName: string,
	common: { description: string; required?: boolean; show?: Show },
): BodyField {
	return urlField('audioUrl', apiName, { displayName: 'Audio URL', audio: true, ...common });
}

/** Target length (`duration`, seconds 10–360) where the endpoint takes one. */
export const targetDurationField = (description: string) =>
	numberField('duration', 'duration', {
		displayName: 'Target Duration (Seconds)',
		min: 10,
		max: 360,
		default: 120,
		description,
	});

/** The upload endpoints' Target Duration: whole seconds only (see checkWholeSeconds). */
export const durationField = targetDurationField('Approximate length of the result, in whole seconds (newer models)');

export const autoConcatField = (description: string) =>
	booleanField('autoConcat', 'auto_concat', { displayName: 'Auto Concat', description });

/** `duration` is an integer at MusicAPI (10–360 is checked by the field itself). */
export function checkWholeSeconds(fn: IExecuteFunctions, itemIndex: number, body: IDataObject): void {
	if (typeof body.duration === 'number' && !Number.isInteger(body.duration)) {
		throw inputError(fn, itemIndex, durationField.property.displayName, `${body.duration} is not a whole number of seconds`);
	}
}
