import { defineAsync } from '../define';
import { booleanField, numberField, optionsField, textField } from '../../descriptions/fields';
import { inputError } from '../../input/readBody';
import { modelField } from '../../descriptions/models';
import { targetDurationField } from '../../descriptions/sonicToolFields';
import { checkOnlyFor } from '../../input/checks';
import {
	descriptionPromptField,
	finishSongBody,
	lyricsPromptField,
	songModeField,
	songOptionalFields,
	tagsField,
	titleField,
} from '../../descriptions/sonicFields';

/** Task types that carry a prompt (description or lyrics). */
const PROMPTED = ['create_music', 'extend_music', 'cover_music', 'persona_music', 'add_vocals'];
/** Task types that work on an existing clip. */
const FROM_CLIP = ['extend_music', 'cover_music', 'concat_music', 'remaster', 'add_instrumental', 'add_vocals'];
/** Task types that accept a target duration (contract §3.1.1). */
const WITH_DURATION = ['create_music', 'persona_music', 'extend_music', 'cover_music'];

const taskType = optionsField('taskType', 'task_type', {
	displayName: 'Task Type',
	options: [
		{ name: 'Create', value: 'create_music', description: 'A new song (two clips)' },
		{ name: 'Extend', value: 'extend_music', description: 'Continue a clip from a point; returns only the extension' },
		{ name: 'Cover', value: 'cover_music', description: 'Restyle a clip' },
		{ name: 'Concat', value: 'concat_music', description: 'Join an extension with its source into the full song (2 credits)' },
		{ name: 'Persona', value: 'persona_music', description: 'Sing with a persona voice' },
		{ name: 'Remaster', value: 'remaster', description: 'Upgrade or vary a clip (≤ 24 h old)' },
		{ name: 'Add Instrumental', value: 'add_instrumental', description: 'Accompany uploaded vocals' },
		{ name: 'Add Vocals', value: 'add_vocals', description: 'Sing your lyrics over an uploaded instrumental' },
	],
	default: 'create_music',
});

const fields = [
	taskType,
	modelField('sonic', {
		default: 'sonic-v5',
		show: { taskType: ['create_music', 'extend_music', 'cover_music', 'persona_music', 'remaster', 'add_instrumental', 'add_vocals'] },
	}),
	textField('continueClipId', 'continue_clip_id', {
		displayName: 'Source Clip ID',
		required: true,
		description: 'The clip to work on (for Concat: the extension clip; for Add Vocals/Instrumental: an uploaded clip)',
		show: { taskType: FROM_CLIP },
	}),
	numberField('continueAt', 'continue_at', {
		displayName: 'Continue At (Seconds)',
		required: true,
		min: 0,
		default: 60,
		description: 'Where in the source clip the extension starts',
		show: { taskType: ['extend_music'] },
	}),
	textField('personaId', 'persona_id', {
		displayName: 'Persona ID',
		required: true,
		description: 'From Create Persona or Create Voice',
		show: { taskType: ['persona_music'] },
	}),
	songModeField({ taskType: PROMPTED }),
	descriptionPromptField({ taskType: PROMPTED }),
	lyricsPromptField({ taskType: PROMPTED }),
	titleField({ taskType: PROMPTED, songMode: ['custom'] }),
	tagsField({ taskType: [...PROMPTED, 'add_instrumental'] }),
];

const optional = [
	...songOptionalFields,
	booleanField('autoLyrics', 'auto_lyrics', {
		displayName: 'Auto Lyrics',
		description: 'Whether MusicAPI writes the lyrics from your Lyrics text as a brief (custom mode only)',
	}),
	optionsField('variationCategory', 'variation_category', {
		displayName: 'Variation (Remaster)',
		options: [
			{ name: 'Subtle', value: 'subtle' },
			{ name: 'Normal', value: 'normal' },
			{ name: 'High', value: 'high' },
		],
		default: 'normal',
		description: 'How far a remaster may drift from the source (Remaster only)',
	}),
	numberField('overpaintingStart', 'overpainting_start_s', {
		displayName: 'Region Start (Seconds)',
		min: 0,
		description: 'Start of the region to fill (Add Vocals / Add Instrumental)',
	}),
	numberField('overpaintingEnd', 'overpainting_end_s', {
		displayName: 'Region End (Seconds)',
		min: 0,
		description: 'End of the region to fill (Add Vocals / Add Instrumental)',
	}),
	targetDurationField('Approximate length (Create, Persona, Extend, Cover; newer models)'),
	booleanField('useSunoCdn', 'use_suno_cdn', {
		displayName: 'Use Suno CDN',
		description: 'Whether result URLs point at the Suno CDN instead of the MusicAPI CDN',
	}),
];

/** Optional fields that only some task types accept; sending them elsewhere is a 400 at MusicAPI. */
const ONLY_FOR: Record<string, { label: string; types: string[] }> = {
	duration: { label: 'Target Duration (Seconds)', types: WITH_DURATION },
	variation_category: { label: 'Variation (Remaster)', types: ['remaster'] },
	overpainting_start_s: { label: 'Region Start (Seconds)', types: ['add_instrumental', 'add_vocals'] },
	overpainting_end_s: { label: 'Region End (Seconds)', types: ['add_instrumental', 'add_vocals'] },
	auto_lyrics: { label: 'Auto Lyrics', types: PROMPTED },
};

export const create = defineAsync({
	value: 'create',
	name: 'Create',
	action: 'Create a song',
	description: 'Create, extend, cover, concat, remaster or add vocals/instrumental (15 credits; concat 2)',
	credits: '15 (concat 2)',
	path: '/sonic/create',
	dialect: 'sonic',
	// Newest official site: up to 10 create bodies per request (contract §3.4); opt-in, beta.
	batch: { path: '/sonic/batch', maxItems: 10 },
	fields,
	optional,
	refine(ctx, itemIndex, body) {
		checkOnlyFor(ctx.fn, itemIndex, body, 'task_type', ONLY_FOR);
		if (body.auto_lyrics === true && body.custom_mode !== 'custom') {
			throw inputError(ctx.fn, itemIndex, 'Auto Lyrics', 'needs Mode "Custom Lyrics"');
		}
		return finishSongBody(ctx.fn, itemIndex, body);
	},
});
