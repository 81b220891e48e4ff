import type { IDataObject } from 'n8n-workflow';

import { defineAsync } from '../define';
import { booleanField, incomingClipField, numberField, textField, weightField, type BodyField, type Show } from '../../descriptions/fields';
import { checkRange, continuesFromZero } from '../../input/checks';
import { inputError } from '../../base/inputError';
import type { OperationContext } from '../../base/operation';

/**
 * Producer's task types (contract §3.6), one operation each, all posting to /producer/create with their own
 * `task_type` and fields. Retired types (music_variation, swap_music_vocals, swap_music_sound) answer 410 Gone and
 * are not offered.
 */
export const CREATE = 'create_music';
export const EXTEND = 'extend_music';
export const REPLACE = 'replace_music';
export const COVER = 'cover_music';
export const MAKE_LYRICS = 'make_lyrics';
export const VIDEO = 'video_clip';

/** What to generate, in MusicAPI's word `sound`: the style, mood and instruments. */
export const musicDescriptionField = (show?: Show, description = 'The style, mood and instruments to generate') =>
	textField('sound', 'sound', {
		displayName: 'Music Description',
		rows: 2,
		placeholder: 'e.g. calm piano ambient with soft strings',
		description,
		show,
	});

export const lyricsField = (show: Show | undefined, description: string) =>
	textField('lyrics', 'lyrics', { displayName: 'Lyrics', rows: 6, placeholder: 'e.g. [Verse]\nSlow morning light…', description, show });

/**
 * What make_lyrics writes about. The field name is not documented (contract §3.6 lists the task type only); `prompt`
 * is what the fake and the other lyrics endpoints take.
 */
export const lyricsDescriptionField = (show?: Show) =>
	textField('prompt', 'prompt', {
		displayName: 'Lyrics Description',
		required: true,
		rows: 2,
		placeholder: 'e.g. a song about night trains and old friends',
		description: 'What the lyrics should be about',
		show,
	});

export const producerClipField = (description: string, show?: Show) => incomingClipField('clipId', 'clip_id', 'Source Clip ID', description, show);

export const startField = (description: string, show?: Show) =>
	numberField('startsAt', 'starts_at', { displayName: 'Start (Seconds)', required: true, min: 0, default: 0, description, show });

/**
 * Where an extension starts: the end of the incoming clip unless typed (0 was a stand-in that restarted the clip and
 * was paid for). With no incoming clip the field is empty and the item fails before anything is sent.
 */
export const continueFromField = numberField('startsAt', 'starts_at', {
	displayName: 'Start (Seconds)',
	required: true,
	min: 0,
	default: '={{ $json.duration }}',
	description: "Second of the source clip where the continuation starts. Defaults to the end of the incoming clip (its duration).",
});

/** 0 is not a place to continue from: it would regenerate the clip from its start. */
export function checkContinueFrom(ctx: OperationContext, itemIndex: number, body: IDataObject): void {
	const wrong = continuesFromZero(body, { apiName: 'starts_at', label: 'Start (Seconds)' });
	if (wrong) throw inputError(ctx.fn, itemIndex, wrong.field, wrong.problem);
}

export const endField = (show?: Show) =>
	numberField('endsAt', 'ends_at', {
		displayName: 'End (Seconds)',
		required: true,
		min: 0,
		default: 30,
		description: 'End of the section to regenerate; must be after Start (Seconds)',
		show,
	});

export const instructionField = (show?: Show) =>
	textField('instruction', 'instruction', {
		displayName: 'Instruction',
		rows: 2,
		placeholder: 'e.g. build to a big final chorus',
		description: 'What the new part should do, in plain words',
		show,
	});

export const titleOption = textField('title', 'title', { displayName: 'Title', maxLength: 80, description: 'Title of the new music' });
export const seedOption = textField('seed', 'seed', { displayName: 'Seed', description: 'A fixed seed for repeatable results' });
export const instrumentalOption = (show?: Show) =>
	booleanField('makeInstrumental', 'make_instrumental', {
		displayName: 'Instrumental',
		description:
			'Whether to ask for no vocals. MusicAPI still accepts it but ignores it since Producer switched to Lyria 3 Pro; leave Lyrics empty instead.',
		show,
	});
export const lengthOption = numberField('length', 'length', {
	displayName: 'Length (Seconds)',
	min: 1,
	default: 60,
	description: 'Target length of the new audio',
});
export const coverStrengthOption = weightField('strength', 'strength', {
	displayName: 'Cover Strength',
	description: 'How strongly the cover is steered by the new sound.',
});

/** Checks every Producer body shares: a section that ends after it starts. */
export function checkSection(ctx: OperationContext, itemIndex: number, body: IDataObject): IDataObject {
	checkRange(ctx.fn, itemIndex, body, { apiName: 'starts_at', label: 'Start (Seconds)' }, { apiName: 'ends_at', label: 'End (Seconds)' });
	return body;
}

/** One Producer intent: a fixed task type with its own fields, posted to /producer/create. */
export function defineProducerTask(spec: {
	value: string;
	name: string;
	action: string;
	description: string;
	credits: string;
	taskType: string;
	fields: BodyField[];
	optional?: BodyField[];
	check?(ctx: OperationContext, itemIndex: number, body: IDataObject): void;
}) {
	const { taskType, check, ...rest } = spec;
	return defineAsync({
		...rest,
		path: '/producer/create',
		dialect: 'producer',
		refine(ctx, itemIndex, body) {
			check?.(ctx, itemIndex, body);
			return checkSection(ctx, itemIndex, { task_type: taskType, ...body });
		},
	});
}
