import type { INodeProperties } from 'n8n-workflow';

import { numberField, optionsField, savedOnly, textField, type BodyField } from '../../descriptions/fields';
import { DEFAULT_SONIC_MODEL, modelField } from '../../descriptions/models';
import { noticeProperty } from '../../descriptions/resourceFields';
import {
	descriptionPromptField,
	lyricsPromptField,
	songModeField,
	songOptionalFields,
	tagsField,
	titleField,
} from '../../descriptions/sonicFields';
import { targetDurationField } from '../../descriptions/sonicToolFields';
import { autoLyricsField, defineSong, useSunoCdnField } from './song';

/**
 * "Create a Song" keeps the value `create` of the former all-in-one Create. Workflows saved before each intent got
 * its own operation carry a Task Type (extend_music, cover_music…) here; that parameter stays declared, as a
 * hidden one (n8n keeps only declared, displayed parameters), and such a node still sends what it sent before,
 * with the fields of its task type. A new node never shows it: its default is create_music.
 */
const CREATE = 'create_music';
/** Task types that carry a prompt (description or lyrics). */
const PROMPTED = [CREATE, 'extend_music', 'cover_music', 'persona_music', 'add_vocals'];
/** Task types that work on an existing clip. */
const FROM_CLIP = ['extend_music', 'cover_music', 'concat_music', 'remaster', 'add_instrumental', 'add_vocals'];
/** Task types that accept a target duration (contract §3.1.1). */
const WITH_DURATION = [CREATE, 'persona_music', 'extend_music', 'cover_music'];
const LEGACY = ['extend_music', 'cover_music', 'concat_music', 'persona_music', 'remaster', 'add_instrumental', 'add_vocals'];

const taskTypeField = optionsField('taskType', 'task_type', {
	displayName: 'Task Type',
	description: 'What to do: a new song, or work on an existing clip',
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
	default: CREATE,
});

/** The former Task Type dropdown: still shown by Suno (Legacy) → Create, whose body is this one's. */
export const taskTypeDropdown = taskTypeField.property;

/** Here the Task Type is a hidden parameter: read from saved workflows, never shown. */
const taskType = savedOnly(taskTypeField);

/** Shown only on a node saved with a Task Type other than Create, to say what it does and where it moved. */
export const legacyNotice: INodeProperties = {
	...noticeProperty(
		'legacyTaskTypeNotice',
		'This node was saved with a Task Type of the former Create operation and still runs it with the fields below. For new steps pick the operation named after it (Extend a Song, Cover a Song, Remaster a Song…).',
	),
	displayOptions: { show: { taskType: LEGACY } },
};

/** Optional fields of other task types: offered only on a node saved with such a Task Type, never on a new song. */
const legacyOnly = (field: BodyField): BodyField => ({
	...field,
	property: { ...field.property, displayOptions: { hide: { '/taskType': [CREATE] } } },
});

const fields = [
	taskType,
	modelField('sonic', {
		default: DEFAULT_SONIC_MODEL,
		show: { taskType: [CREATE, 'extend_music', 'cover_music', 'persona_music', 'remaster', 'add_instrumental', 'add_vocals'] },
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
	...songOptionalFields.filter((f) => f.name !== 'audioWeight'),
	legacyOnly(songOptionalFields.find((f) => f.name === 'audioWeight') as BodyField),
	autoLyricsField,
	legacyOnly(
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
	),
	legacyOnly(
		numberField('overpaintingStart', 'overpainting_start_s', {
			displayName: 'Region Start (Seconds)',
			min: 0,
			description: 'Start of the region to fill (Add Vocals / Add Instrumental)',
		}),
	),
	legacyOnly(
		numberField('overpaintingEnd', 'overpainting_end_s', {
			displayName: 'Region End (Seconds)',
			min: 0,
			description: 'End of the region to fill (Add Vocals / Add Instrumental)',
		}),
	),
	targetDurationField('Approximate length in whole seconds (newer models)'),
	useSunoCdnField,
];

/** Optional fields that only some task types accept; sending them elsewhere is a 400 at MusicAPI. */
const ONLY_FOR: Record<string, { label: string; types: string[] }> = {
	duration: { label: 'Target Duration (Seconds)', types: WITH_DURATION },
	variation_category: { label: 'Variation (Remaster)', types: ['remaster'] },
	overpainting_start_s: { label: 'Region Start (Seconds)', types: ['add_instrumental', 'add_vocals'] },
	overpainting_end_s: { label: 'Region End (Seconds)', types: ['add_instrumental', 'add_vocals'] },
	auto_lyrics: { label: 'Auto Lyrics', types: PROMPTED },
};

export const create = defineSong({
	value: 'create',
	name: 'Create a Song',
	action: 'Create a song',
	// Contract §7: a new song costs 20 since 2026-10 (sonic-v6; 15 before).
	description: 'A new song from a description or your lyrics: two clips (20 credits)',
	credits: '20',
	fields: [...fields],
	extraProperties: [legacyNotice],
	// Newest official site: up to 10 create bodies per request (contract §3.4); opt-in, beta.
	batch: { path: '/sonic/batch', maxItems: 10 },
	optional,
	onlyFor: ONLY_FOR,
});
