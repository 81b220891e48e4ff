import { defineAsync } from '../define';
import { booleanField, numberField, optionsField, textField } from '../../descriptions/fields';
import { inputError } from '../../base/inputError';
import { modelField } from '../../descriptions/models';
import { checkNoWebhooks, requireOneOf } from '../../input/checks';
import { noticeProperty } from '../../descriptions/resourceFields';
import { songModeField } from '../../descriptions/sonicFields';

/** Task types and whether they continue from a point in time (extend) — contract §3.7. */
const TASK_TYPES = [
	{ name: 'Create', value: 'create_music', description: 'A new song (two clips)' },
	{ name: 'Extend', value: 'extend_music', description: 'Continue a Riffusion clip from a point' },
	{ name: 'Cover', value: 'cover_music', description: 'Restyle a Riffusion clip' },
	{ name: 'Replace', value: 'replace_music', description: 'Regenerate part of a Riffusion clip' },
	{ name: 'Swap Sound', value: 'swap_music_sound', description: 'Keep the vocals, change the music' },
	{ name: 'Swap Vocals', value: 'swap_music_vocals', description: 'Keep the music, change the vocals' },
	{ name: 'Extend Upload', value: 'extend_upload_music', description: 'Continue an uploaded clip' },
	{ name: 'Cover Upload', value: 'cover_upload_music', description: 'Restyle an uploaded clip' },
	{ name: 'Replace Upload', value: 'replace_upload_music', description: 'Regenerate part of an uploaded clip' },
	{ name: 'Swap Upload Sound', value: 'swap_upload_music_sound', description: 'Change the music of an uploaded clip' },
	{ name: 'Swap Upload Vocals', value: 'swap_upload_music_vocals', description: 'Change the vocals of an uploaded clip' },
];
const FROM_CLIP = TASK_TYPES.map((t) => t.value).filter((v) => v !== 'create_music');
const EXTENDS = ['extend_music', 'extend_upload_music'];

const fields = [
	optionsField('taskType', 'task_type', {
		displayName: 'Task Type',
		options: TASK_TYPES,
		default: 'create_music',
		description: 'What to make. "Upload" types work on a clip from Riffusion → Upload.',
	}),
	modelField('riffusion', { default: 'FUZZ-1.1 Pro' }),
	textField('continueClipId', 'continue_clip_id', {
		displayName: 'Source Clip ID',
		required: true,
		description: 'The clip to work on (for the Upload types: the clip ID Riffusion → Upload returned)',
		show: { taskType: FROM_CLIP },
	}),
	numberField('continueAt', 'continue_at', {
		displayName: 'Continue At (Seconds)',
		required: true,
		min: 0,
		default: 30,
		description: 'Where in the source clip the extension starts',
		show: { taskType: EXTENDS },
	}),
	songModeField(),
	textField('prompt', 'prompt', {
		displayName: 'Song Description',
		required: true,
		rows: 3,
		placeholder: 'e.g. electronic dance music with a big drop',
		description: 'What the song should be about and sound like; MusicAPI writes lyrics and style',
		show: { songMode: ['description'] },
	}),
	textField('lyrics', 'lyrics', {
		displayName: 'Lyrics',
		rows: 8,
		placeholder: 'e.g. [Verse]\nCity lights…',
		description: 'Your lyrics. Custom mode needs Lyrics, Sound or both.',
		show: { songMode: ['custom'] },
	}),
	textField('sound', 'sound', {
		displayName: 'Sound',
		rows: 2,
		placeholder: 'e.g. synthwave, retro, energetic',
		description: 'The style and instruments. Custom mode needs Lyrics, Sound or both.',
		show: { songMode: ['custom'] },
	}),
	booleanField('makeInstrumental', 'make_instrumental', {
		displayName: 'Instrumental',
		description: 'Whether to generate without vocals (always sent; MusicAPI requires it)',
	}),
];

const optional = [textField('title', 'title', { displayName: 'Title', maxLength: 80, description: 'Title of the song.' })];

export const create = defineAsync({
	value: 'create',
	name: 'Create',
	action: 'Create a song with deprecated Riffusion',
	description: 'Deprecated by MusicAPI: create, extend, cover, replace or swap with FUZZ models (12 credits)',
	credits: '12',
	path: '/riffusion/create',
	dialect: 'riffusion',
	extraProperties: [
		noticeProperty(
			'riffusionDeprecatedNotice',
			'Riffusion is deprecated by MusicAPI and may stop working; prefer Sonic or Producer for new workflows',
		),
	],
	fields,
	optional,
	refine(ctx, itemIndex, body) {
		checkNoWebhooks(ctx.fn, itemIndex, 'Riffusion');
		const custom = body.custom_mode === 'custom';
		body.custom_mode = custom;
		if (custom) {
			requireOneOf(
				ctx.fn,
				itemIndex,
				body,
				[
					{ apiName: 'lyrics', label: 'Lyrics' },
					{ apiName: 'sound', label: 'Sound' },
				],
				'in Custom Lyrics mode',
			);
		}
		// MusicAPI requires the boolean; an expression that resolves to nothing would otherwise leave it out.
		if (typeof body.make_instrumental !== 'boolean') {
			throw inputError(ctx.fn, itemIndex, 'Instrumental', 'is required (true or false) but empty');
		}
		return body;
	},
});
