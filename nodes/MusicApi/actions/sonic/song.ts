import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { booleanField, incomingClipField, numberField, optionsField, textField, type BodyField, type Show } from '../../descriptions/fields';
import { finishSongBody } from '../../descriptions/sonicFields';
import { checkWholeSeconds } from '../../descriptions/sonicToolFields';
import { checkOnlyFor, continuesFromZero } from '../../input/checks';
import { inputError } from '../../base/inputError';
import { defineAsync } from '../define';
import type { AsyncOperation } from '../../base/operation';

/**
 * The Sonic song operations: each user intent (create, extend, cover, remaster, add vocals…) is its own operation
 * that posts to `/sonic/create` with its fixed `task_type` (contract §3.1.2), and shows only the fields that task
 * type reads.
 */
export interface SongSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	credits: string;
	/** The fixed task type; omitted when a field (Source, or the legacy Task Type) sets `task_type`. */
	taskType?: string;
	fields: BodyField[];
	optional?: BodyField[];
	/** Shown but not sent (notices). */
	extraProperties?: INodeProperties[];
	/** Extra fields sent by every request of this operation (e.g. add_vocals' custom_mode). */
	fixed?: IDataObject;
	/** Optional fields only some task types accept (the legacy Create, where Task Type picks). */
	onlyFor?: Record<string, { label: string; types: string[] }>;
	/** A check across fields (and the incoming item's JSON): the field's label and what is wrong, or nothing. */
	check?(body: IDataObject, incoming: IDataObject): { field: string; problem: string } | undefined;
	/** An endpoint that takes many of these submits in one request (Batch Submit, opt-in). */
	batch?: AsyncOperation['batch'];
}

export function defineSong(spec: SongSpec): AsyncOperation {
	return defineAsync({
		...spec,
		path: '/sonic/create',
		dialect: 'sonic',
		sourceClipField: 'continue_clip_id',
		refine(ctx, itemIndex, body) {
			const full: IDataObject = { ...(spec.taskType ? { task_type: spec.taskType } : {}), ...spec.fixed, ...body };
			if (spec.onlyFor) checkOnlyFor(ctx.fn, itemIndex, full, 'task_type', spec.onlyFor);
			if (full.auto_lyrics === true && full.custom_mode !== 'custom') {
				throw inputError(ctx.fn, itemIndex, 'Auto Lyrics', 'needs Mode "Custom Lyrics"');
			}
			// MusicAPI takes `duration` as an integer (contract §3.1.1); 90.5 would be its 400.
			checkWholeSeconds(ctx.fn, itemIndex, full);
			const wrong = spec.check?.(full, ctx.fn.getInputData()[itemIndex]?.json ?? {});
			if (wrong) throw inputError(ctx.fn, itemIndex, wrong.field, wrong.problem);
			return finishSongBody(ctx.fn, itemIndex, full);
		},
	});
}

/**
 * The clip the operation works on (`continue_clip_id`), described in the operation's own words; the incoming
 * item's clip by default. Concat names it for what it takes (the extension), under the same parameter name so
 * saved workflows keep their value.
 */
export const sourceClipField = (description: string, show?: Show, displayName = 'Source Clip ID') =>
	incomingClipField('continueClipId', 'continue_clip_id', displayName, description, show);

/**
 * Generated or uploaded source (contract §3.1.2: uploaded clips take `extend_upload_music`/`cover_upload_music`).
 * The option values are the task types themselves, so the choice is sent as `task_type`.
 */
export const clipSourceField = (generated: string, uploaded: string) =>
	optionsField('clipSource', 'task_type', {
		displayName: 'Source',
		options: [
			{ name: 'Generated Clip', value: generated, description: 'A clip MusicAPI made (Create a Song and the like)' },
			{ name: 'Uploaded Clip', value: uploaded, description: 'A clip from Upload Audio (at most 24 hours old)' },
		],
		default: generated,
		description: 'Where the source clip comes from',
	});

/**
 * Where the extension starts: by default the end of the incoming clip (its duration), the one point that fits every
 * clip, so a chain from Create a Song runs as it is. 0 is refused by `checkContinueAt`: extending from second 0
 * would replace the whole clip.
 */
export const continueAtField = numberField('continueAt', 'continue_at', {
	displayName: 'Continue At (Seconds)',
	required: true,
	min: 0,
	default: '={{ $json.duration }}',
	description:
		"Second of the source clip where the new part starts, e.g. 30 for a 40-second clip. Defaults to the end of the incoming clip (its duration).",
});

export const checkContinueAt = (body: IDataObject) => continuesFromZero(body, { apiName: 'continue_at', label: 'Continue At (Seconds)' });

export const personaIdField = textField('personaId', 'persona_id', {
	displayName: 'Persona ID',
	required: true,
	placeholder: 'e.g. 3f2a…',
	description: 'The voice to sing with: a persona ID from Create Persona From Clip or Clone Voice From Recording',
});

/** Offered in custom mode only: MusicAPI refuses auto_lyrics without custom_mode (contract §3.1.1). */
export const autoLyricsField = booleanField('autoLyrics', 'auto_lyrics', {
	displayName: 'Auto Lyrics',
	description: 'Whether MusicAPI writes the lyrics from your Lyrics text as a brief (custom mode only)',
	show: { '/songMode': ['custom'] },
});

/**
 * `use_suno_cdn` belongs to the Suno path (MusicAPI served results from Suno's CDN whatever it said), so Suno (Legacy)
 * → Create offers it (see suno/create.operation.ts) and Sonic does not. A Sonic node saved with it keeps it, shown
 * and sent: n8n drops a collection value whose option is not shown, so the option shows while it holds a value.
 */
export const useSunoCdnField = booleanField('useSunoCdn', 'use_suno_cdn', {
	displayName: 'Use Suno CDN',
	description: 'Whether result URLs point at the Suno CDN instead of the MusicAPI CDN',
	show: { useSunoCdn: [{ _cnd: { exists: true } }] },
});

/** The region Add Vocals / Add an Instrumental fill (`overpainting_start_s`/`_end_s`, contract §3.1.1). */
export const regionFields = [
	numberField('overpaintingStart', 'overpainting_start_s', {
		displayName: 'Region Start (Seconds)',
		min: 0,
		description: 'Start of the part of the clip to fill; the whole clip when not set',
	}),
	numberField('overpaintingEnd', 'overpainting_end_s', {
		displayName: 'Region End (Seconds)',
		min: 0,
		description: 'End of the part of the clip to fill; must be after Region Start',
	}),
];

export function checkRegion(body: IDataObject) {
	const { overpainting_start_s: start, overpainting_end_s: end } = body;
	if (typeof start !== 'number' || typeof end !== 'number' || end > start) return undefined;
	return { field: 'Region End (Seconds)', problem: `${end} must be greater than Region Start (Seconds) (${start})` };
}
