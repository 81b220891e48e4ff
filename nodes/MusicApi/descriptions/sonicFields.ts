import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';


import { booleanField, optionsField, textField, weightField, type BodyField, type Show } from './fields';
import { inputError } from '../base/inputError';

/**
 * Song-shaping fields that Sonic create, mashup, sample, upload-cover/extend and replace-section share, declared
 * once (contract §3.1.1 limits).
 */
export const songModeField = (show?: Show) =>
	optionsField('songMode', 'custom_mode', {
		displayName: 'Mode',
		options: [
			{ name: 'Song Description', value: 'description', description: 'Describe the song; MusicAPI writes lyrics and style' },
			{ name: 'Custom Lyrics', value: 'custom', description: 'Give your own lyrics, title and style tags' },
		],
		default: 'description',
		description: 'Custom Lyrics sings your lyrics; Song Description has MusicAPI write them for you',
		show,
	});

/** What an operation says about its prompt in its own words (Extend: the new part; Add Vocals: the sung lyrics). */
export interface PromptWords {
	description?: string;
	placeholder?: string;
}

export const descriptionPromptField = (show?: Show, words: PromptWords = {}) =>
	textField('gptDescriptionPrompt', 'gpt_description_prompt', {
		displayName: 'Song Description',
		required: true,
		maxLength: 400,
		rows: 3,
		placeholder: words.placeholder ?? 'e.g. uplifting synthwave with female vocals',
		description: words.description ?? 'What the song should be about and sound like',
		show: { songMode: ['description'], ...show },
	});

export const lyricsPromptField = (show?: Show, required = true, words: PromptWords = {}) =>
	textField('prompt', 'prompt', {
		displayName: 'Lyrics',
		required,
		maxLength: 5000,
		rows: 8,
		placeholder: words.placeholder ?? 'e.g. [Verse]\nCity lights, neon dreams\n[Chorus]\nDrive on…',
		description:
			words.description ??
			'Lyrics with section tags like [Verse] and [Chorus]. 3000 characters on sonic-v3-5/v4, 5000 on newer models.',
		show: { songMode: ['custom'], ...show },
	});

export const titleField = (show?: Show) =>
	textField('title', 'title', { displayName: 'Title', maxLength: 80, show });

export const tagsField = (show?: Show) =>
	textField('tags', 'tags', {
		displayName: 'Style Tags',
		maxLength: 1000,
		placeholder: 'e.g. synthwave, retro, energetic',
		description: 'Comma-separated styles. 200 characters on sonic-v3-5/v4, 1000 on newer models.',
		show,
	});

/** Optional song-shaping fields (Additional Fields). */
export const songOptionalFields: BodyField[] = [
	textField('negativeTags', 'negative_tags', { displayName: 'Negative Tags', description: 'Styles to avoid' }),
	booleanField('makeInstrumental', 'make_instrumental', {
		displayName: 'Instrumental',
		description: 'Whether to generate without vocals',
	}),
	optionsField('vocalGender', 'vocal_gender', {
		displayName: 'Vocal Gender',
		options: [
			{ name: 'Female', value: 'f' },
			{ name: 'Male', value: 'm' },
		],
		description: 'Preferred voice (sonic-v4-5 and newer)',
	}),
	weightField('styleWeight', 'style_weight', { displayName: 'Style Weight', description: 'How strictly to follow the style tags.' }),
	weightField('weirdnessConstraint', 'weirdness_constraint', {
		displayName: 'Weirdness',
		description: 'How experimental the result may be.',
	}),
	weightField('audioWeight', 'audio_weight', {
		displayName: 'Audio Weight',
		description: 'How much the source audio shapes the result (covers, uploads).',
	}),
];

const OLD_MODELS = /^(sonic|chirp)-v(3-5|4)$/;

/**
 * Model-dependent limits and the mode → custom_mode boolean. Older models take shorter lyrics and tags; the
 * API would answer 400 anyway, but checking here names the item and sends nothing.
 */
export function finishSongBody(fn: IExecuteFunctions, itemIndex: number, body: IDataObject): IDataObject {
	if (body.custom_mode !== undefined) body.custom_mode = body.custom_mode === 'custom';
	if (typeof body.mv === 'string' && OLD_MODELS.test(body.mv)) {
		if (typeof body.prompt === 'string' && [...body.prompt].length > 3000) {
			throw inputError(fn, itemIndex, 'Lyrics', `is ${[...body.prompt].length} characters long; the limit for ${body.mv} is 3000`);
		}
		if (typeof body.tags === 'string' && [...body.tags].length > 200) {
			throw inputError(fn, itemIndex, 'Style Tags', `is ${[...body.tags].length} characters long; the limit for ${body.mv} is 200`);
		}
	}
	return body;
}
