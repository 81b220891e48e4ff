import { invalid } from '../http/api-error';
import type { FakeOptions } from '../types';
import { checkBoolean, checkEnum, checkNumber, checkRange, checkWebhook, present, quoteList, requireString } from './checks';
import { checkModel, checkSongFields } from './sonic-song-fields';

export const SONIC_TASK_TYPES = [
	'create_music',
	'extend_music',
	'cover_music',
	'concat_music',
	'persona_music',
	'remaster',
	'add_instrumental',
	'add_vocals',
	'extend_upload_music',
	'cover_upload_music',
] as const;

export type SonicTaskType = (typeof SONIC_TASK_TYPES)[number];

/** Task types that carry a song description and therefore need custom_mode (contract §3.1.2). */
const PROMPT_TASKS: readonly string[] = ['create_music', 'extend_music', 'cover_music', 'persona_music', 'extend_upload_music', 'cover_upload_music', 'add_vocals'];
/** Where a missing prompt/description is an error; extend and cover may reuse the source's. */
const PROMPT_BY_MODE_TASKS: readonly string[] = ['create_music', 'persona_music'];
const SOURCE_TASKS: readonly string[] = ['extend_music', 'cover_music', 'concat_music', 'remaster', 'add_instrumental', 'add_vocals', 'extend_upload_music', 'cover_upload_music'];
const CONTINUE_AT_TASKS: readonly string[] = ['extend_music', 'extend_upload_music'];
/** duration is documented for create/persona/extend/cover and the upload variants of the last two. */
const DURATION_TASKS: readonly string[] = ['create_music', 'persona_music', 'extend_music', 'cover_music', 'extend_upload_music', 'cover_upload_music'];

/** Checks a /sonic/create (or /suno/create, or batch item) body; returns its task type (default create_music). */
export function validateSonicCreate(body: Record<string, unknown>, options: FakeOptions): SonicTaskType {
	const taskType = body.task_type ?? 'create_music';
	if (typeof taskType !== 'string' || !(SONIC_TASK_TYPES as readonly string[]).includes(taskType)) {
		invalid(`The 'task_type' field is invalid. The task type should be ${quoteList(SONIC_TASK_TYPES, 'or')}.`);
	}
	const type = taskType as SonicTaskType;
	if (type === 'concat_music') {
		// Concat only joins clips: no model, no prompt (contract §3.1.2).
		requireString(body, 'continue_clip_id', "The 'continue_clip_id' field is required when task_type = concat_music.");
		checkBoolean(body, 'custom_mode');
		checkBoolean(body, 'use_suno_cdn', options.requireUseSunoCdn);
		if (present(body, 'duration')) invalid("The 'duration' field is not supported for task_type = concat_music.");
		checkModel(body, options, [], false);
		checkWebhook(body);
		return type;
	}
	checkSongFields(body, options, {
		mvRequired: true,
		customModeRequired: PROMPT_TASKS.includes(type),
		promptByMode: PROMPT_BY_MODE_TASKS.includes(type),
		promptAlwaysRequired: type === 'add_vocals',
		durationAllowed: DURATION_TASKS.includes(type),
		durationContext: `task_type = ${type}`,
	});
	if (type === 'persona_music') {
		requireString(body, 'persona_id', "The 'persona_id' field is required when task_type = persona_music.");
	}
	if (SOURCE_TASKS.includes(type)) {
		requireString(body, 'continue_clip_id', `The 'continue_clip_id' field is required when task_type = ${type}.`);
	}
	if (CONTINUE_AT_TASKS.includes(type)) {
		checkNumber(body, 'continue_at', {
			required: `The 'continue_at' field is required when task_type = ${type}.`,
			min: 0,
			message: "The 'continue_at' field should be a non-negative number.",
		});
	}
	checkEnum(body, 'variation_category', ['subtle', 'normal', 'high']);
	checkRange(body, 'overpainting_start_s', 'overpainting_end_s', false);
	return type;
}
