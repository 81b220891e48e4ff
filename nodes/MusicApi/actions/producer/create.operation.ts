import { defineAsync } from '../define';
import { booleanField, incomingClipField, numberField, optionsField, textField, weightField } from '../../descriptions/fields';
import { modelField } from '../../descriptions/models';
import { checkOnlyFor, checkRange, requireOneOf } from '../../input/checks';

const CREATE = 'create_music';
const EXTEND = 'extend_music';
const REPLACE = 'replace_music';
const COVER = 'cover_music';
const MAKE_LYRICS = 'make_lyrics';
const VIDEO = 'video_clip';

/**
 * The task types of contract §3.6. Retired types (music_variation, swap_music_vocals, swap_music_sound) answer 410
 * Gone and are not offered.
 */
const taskType = optionsField('taskType', 'task_type', {
	displayName: 'Task Type',
	options: [
		{ name: 'Create', value: CREATE, description: 'New music from a sound description and/or lyrics (10 credits)' },
		{ name: 'Extend', value: EXTEND, description: 'Continue a clip from a point in time (12 credits)' },
		{ name: 'Replace Section', value: REPLACE, description: 'Regenerate a time range of a clip (12 credits)' },
		{ name: 'Cover', value: COVER, description: 'Restyle a clip with a new sound (price not published)' },
		{ name: 'Make Lyrics', value: MAKE_LYRICS, description: 'Write lyrics from a description, no audio (price not published)' },
		{ name: 'Video Clip', value: VIDEO, description: 'Make a video for a clip (price not published)' },
	],
	default: CREATE,
	description: 'What to make. Retired task types (variation, vocal/sound swaps) are no longer offered by MusicAPI.',
});

const sound = textField('sound', 'sound', {
	displayName: 'Sound',
	rows: 2,
	placeholder: 'e.g. calm piano ambient with soft strings',
	description: 'The style, mood and instruments to generate. Create needs Sound, Lyrics or both.',
	show: { taskType: [CREATE, COVER] },
});

const lyrics = textField('lyrics', 'lyrics', {
	displayName: 'Lyrics',
	rows: 6,
	placeholder: 'e.g. [Verse]\nSlow morning light…',
	description: 'Words to sing (for Extend: the words of the new part). Create needs Sound, Lyrics or both.',
	// Replace Section's body has no lyrics (contract §3.6): its Instruction says what the new part should be.
	show: { taskType: [CREATE, EXTEND] },
});

/**
 * What make_lyrics writes about. The field name is not documented (contract §3.6 lists the task type only); `prompt`
 * is what the fake and the other lyrics endpoints take.
 */
const lyricsPrompt = textField('prompt', 'prompt', {
	displayName: 'Lyrics Description',
	required: true,
	rows: 2,
	placeholder: 'e.g. a song about night trains and old friends',
	description: 'What the lyrics should be about',
	show: { taskType: [MAKE_LYRICS] },
});

const startsAt = numberField('startsAt', 'starts_at', {
	displayName: 'Start (Seconds)',
	required: true,
	min: 0,
	default: 0,
	description: 'Extend: where in the source clip the continuation starts. Replace Section: start of the section to regenerate.',
	show: { taskType: [EXTEND, REPLACE] },
});

const endsAt = numberField('endsAt', 'ends_at', {
	displayName: 'End (Seconds)',
	required: true,
	min: 0,
	default: 30,
	description: 'End of the section to regenerate; must be after Start (Seconds)',
	show: { taskType: [REPLACE] },
});

const fields = [
	taskType,
	modelField('producer', { default: 'FUZZ-2.0', show: { taskType: [CREATE] } }),
	incomingClipField('clipId', 'clip_id', 'Source Clip ID', 'The Producer clip to extend, change, cover or make a video for', {
		taskType: [EXTEND, REPLACE, COVER, VIDEO],
	}),
	startsAt,
	endsAt,
	sound,
	lyrics,
	lyricsPrompt,
	textField('instruction', 'instruction', {
		displayName: 'Instruction',
		rows: 2,
		placeholder: 'e.g. build to a big final chorus',
		description: 'What the new part should do, in plain words',
		show: { taskType: [EXTEND, REPLACE] },
	}),
];

const optional = [
	textField('title', 'title', { displayName: 'Title', maxLength: 80, description: 'Title of the new music (Create).' }),
	textField('seed', 'seed', { displayName: 'Seed', description: 'A fixed seed for repeatable results (Create)' }),
	// Offered on Create only (saved workflows send it as before); the other task types never read it.
	booleanField('makeInstrumental', 'make_instrumental', {
		displayName: 'Instrumental',
		description:
			'Whether to ask for no vocals (Create). MusicAPI still accepts it but ignores it since Producer switched to Lyria 3 Pro; leave Lyrics empty instead.',
		show: { '/taskType': [CREATE] },
	}),
	numberField('length', 'length', {
		displayName: 'Length (Seconds)',
		min: 1,
		default: 60,
		description: 'Target length of the new audio (Create, Extend)',
	}),
	weightField('strength', 'strength', {
		displayName: 'Cover Strength',
		description: 'How strongly the cover is steered by the new sound (Cover).',
	}),
];

/** Additional fields MusicAPI documents for some task types only. */
const ONLY_FOR: Record<string, { label: string; types: string[] }> = {
	title: { label: 'Title', types: [CREATE] },
	seed: { label: 'Seed', types: [CREATE] },
	make_instrumental: { label: 'Instrumental', types: [CREATE] },
	length: { label: 'Length (Seconds)', types: [CREATE, EXTEND] },
	strength: { label: 'Cover Strength', types: [COVER] },
};

export const create = defineAsync({
	value: 'create',
	name: 'Create',
	action: 'Create background music or a song',
	description:
		'Background music, instrumentals or songs from a sound description; also extend, replace a section of or cover music, write lyrics or make a video clip (create 10 credits, extend/replace 12, others not published)',
	credits: '10 (extend 12, replace 12; cover, lyrics, video not published)',
	path: '/producer/create',
	dialect: 'producer',
	fields,
	optional,
	refine(ctx, itemIndex, body) {
		checkOnlyFor(ctx.fn, itemIndex, body, 'task_type', ONLY_FOR);
		if (body.task_type === CREATE) {
			requireOneOf(
				ctx.fn,
				itemIndex,
				body,
				[
					{ apiName: 'sound', label: 'Sound' },
					{ apiName: 'lyrics', label: 'Lyrics' },
				],
				'for task type Create',
			);
		}
		checkRange(ctx.fn, itemIndex, body, { apiName: 'starts_at', label: 'Start (Seconds)' }, { apiName: 'ends_at', label: 'End (Seconds)' });
		return body;
	},
});
