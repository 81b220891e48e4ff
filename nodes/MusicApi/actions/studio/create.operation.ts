import type { IDataObject } from 'n8n-workflow';

import { defineAsync } from '../define';
import { booleanField, numberField, optionsField, textField, weightField } from '../../descriptions/fields';
import { inputError } from '../../base/inputError';
import { modelField } from '../../descriptions/models';
import { checkNoWebhooks, checkRange, requireOneOf } from '../../input/checks';
import { noticeProperty } from '../../descriptions/resourceFields';

const FROM_SONG = ['precede', 'continuation'];

const model = modelField('studio', { apiName: 'model_type' });

const fields = [
	textField('prompt', 'prompt', {
		displayName: 'Prompt',
		rows: 3,
		placeholder: 'e.g. upbeat jazz fusion with saxophone lead',
		description: 'The style and content of the song. Needed unless you give your own lyrics.',
	}),
	optionsField('lyricsType', 'lyrics_type', {
		displayName: 'Lyrics Type',
		options: [
			{ name: 'Generate', value: 'generate', description: 'MusicAPI writes the lyrics from the prompt' },
			{ name: 'Instrumental', value: 'instrumental', description: 'No vocals' },
			{ name: 'User', value: 'user', description: 'Sing the lyrics you give' },
		],
		default: 'generate',
		description: 'Where the lyrics come from',
	}),
	textField('lyrics', 'lyrics', {
		displayName: 'Lyrics',
		required: true,
		rows: 8,
		placeholder: 'e.g. [Verse]\n…',
		description: 'The lyrics to sing',
		show: { lyricsType: ['user'] },
	}),
	model,
	optionsField('configMode', 'mode', {
		displayName: 'Generation Mode',
		options: [
			{ name: 'Regular', value: 'regular', description: 'A new song' },
			{ name: 'Precede', value: 'precede', description: 'Music that leads into an existing Studio song' },
			{ name: 'Continuation', value: 'continuation', description: 'Continue an existing Studio song' },
		],
		default: 'regular',
		description: 'A new song, or music that leads into or continues an existing Studio song',
	}),
	textField('sourceSongId', 'song_id', {
		displayName: 'Source Song ID',
		required: true,
		description: 'The Studio song to precede or continue',
		show: { configMode: FROM_SONG },
	}),
];

const optional = [
	textField('negativePrompt', 'negative_prompt', { displayName: 'Negative Prompt', description: 'Styles and sounds to avoid' }),
	booleanField('bypassPromptOptimization', 'bypass_prompt_optimization', {
		displayName: 'Bypass Prompt Optimization',
		description: 'Whether to send the prompt as written instead of letting MusicAPI rewrite it',
	}),
	numberField('seed', 'seed', {
		displayName: 'Seed',
		min: -1,
		default: -1,
		description: 'Whole number for repeatable results; -1 picks a random seed',
	}),
	numberField('songSectionStart', 'song_section_start', {
		displayName: 'Song Section Start',
		min: 0,
		description: 'Start of the section of the song to generate',
	}),
	numberField('songSectionEnd', 'song_section_end', {
		displayName: 'Song Section End',
		min: 0,
		description: 'End of the section of the song to generate; must be after the start',
	}),
	numberField('lyricsPlacementStart', 'lyrics_placement_start', {
		displayName: 'Lyrics Placement Start',
		min: 0,
		description: 'Where the sung lyrics begin',
	}),
	numberField('lyricsPlacementEnd', 'lyrics_placement_end', {
		displayName: 'Lyrics Placement End',
		min: 0,
		description: 'Where the sung lyrics end; must be after the start',
	}),
	weightField('promptStrength', 'prompt_strength', { displayName: 'Prompt Strength', description: 'How closely to follow the prompt.' }),
	weightField('clarityStrength', 'clarity_strength', { displayName: 'Clarity Strength', description: 'How clean and clear the mix should be.' }),
	weightField('lyricsStrength', 'lyrics_strength', { displayName: 'Lyrics Strength', description: 'How closely to follow the lyrics.' }),
	weightField('generationQuality', 'generation_quality', { displayName: 'Generation Quality', description: 'Quality versus speed.' }),
];

export const create = defineAsync({
	value: 'create',
	name: 'Create',
	action: 'Create a song with Studio',
	description: 'Studio models (marked unavailable in some MusicAPI docs); price not published',
	credits: 'not published',
	path: '/studio/create',
	dialect: 'studio',
	extraProperties: [
		noticeProperty(
			'studioUnavailableNotice',
			'Some MusicAPI doc versions mark Studio as unavailable; if MusicAPI rejects the call, use Sonic or Producer',
		),
	],
	fields,
	optional,
	refine(ctx, itemIndex, body) {
		checkNoWebhooks(ctx.fn, itemIndex, 'Studio');
		requireOneOf(
			ctx.fn,
			itemIndex,
			body,
			[
				{ apiName: 'prompt', label: 'Prompt' },
				{ apiName: 'lyrics', label: 'Lyrics' },
			],
			'for Studio',
		);
		if (typeof body.seed === 'number' && !Number.isInteger(body.seed)) {
			throw inputError(ctx.fn, itemIndex, 'Seed', `${body.seed} is not a whole number (-1 for random)`);
		}
		checkRange(
			ctx.fn,
			itemIndex,
			body,
			{ apiName: 'song_section_start', label: 'Song Section Start' },
			{ apiName: 'song_section_end', label: 'Song Section End' },
		);
		checkRange(
			ctx.fn,
			itemIndex,
			body,
			{ apiName: 'lyrics_placement_start', label: 'Lyrics Placement Start' },
			{ apiName: 'lyrics_placement_end', label: 'Lyrics Placement End' },
		);
		// config is built from the two fields: {mode} or {mode, source: {song_id}}.
		const { mode, song_id: songId, ...rest } = body;
		const config: IDataObject = { mode: mode ?? 'regular' };
		if (FROM_SONG.includes(String(mode))) config.source = { song_id: songId };
		return { ...rest, config };
	},
});
