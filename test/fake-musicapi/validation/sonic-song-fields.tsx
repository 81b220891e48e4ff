import { invalid } from '../http/api-error';
import type { FakeOptions } from '../types';
import {
	checkBoolean,
	checkEnum,
	checkMaxLength,
	checkNumber,
	checkStringType,
	checkUnitInterval,
	checkWebhook,
	present,
	quoteList,
} from './checks';

type Body = Record<string, unknown>;

export interface SongRules {
	/** Extra models this endpoint takes besides options.models (e.g. sonic-v4-5-all on mashup/sample). */
	extraModels?: readonly string[];
	mvRequired: boolean;
	customModeRequired: boolean;
	/** custom_mode true → `prompt` (unless instrumental), false → `gpt_description_prompt`. */
	promptByMode: boolean;
	/** add_vocals: the lyrics are always required. */
	promptAlwaysRequired?: boolean;
	/** Where `duration` is accepted; otherwise the message names this context. */
	durationAllowed: boolean;
	durationContext: string;
}

/** v3-5 and v4 keep the old limits (prompt 3000, tags 200); every newer model allows 5000/1000. */
export function limitsFor(mv: unknown): { prompt: number; tags: number } {
	return typeof mv === 'string' && /-v(3-5|4)$/.test(mv) ? { prompt: 3000, tags: 200 } : { prompt: 5000, tags: 1000 };
}

export function checkModel(body: Body, options: FakeOptions, extraModels: readonly string[] = [], required = true): void {
	if (!present(body, 'mv') && !required) return;
	const accepted = [...options.models, ...extraModels];
	const mv = body.mv;
	if (accepted.includes('*') && typeof mv === 'string' && mv !== '') return;
	if (typeof mv !== 'string' || !accepted.includes(mv)) {
		const listed = options.models.filter((model) => model !== '*');
		invalid(`The 'mv' field is invalid. The model should be ${quoteList(listed, 'or')}.`);
	}
}

/**
 * The song-describing fields shared by create, mashup, sample, upload-cover and upload-extend, checked in a
 * fixed order with the documented messages (contract §3.1.1, §6.2).
 */
export function checkSongFields(body: Body, options: FakeOptions, rules: SongRules): void {
	checkBoolean(body, 'custom_mode', rules.customModeRequired);
	checkModel(body, options, rules.extraModels, rules.mvRequired);
	checkBoolean(body, 'make_instrumental');
	checkBoolean(body, 'auto_lyrics');
	checkBoolean(body, 'use_suno_cdn', options.requireUseSunoCdn);
	if (body.auto_lyrics === true && body.custom_mode !== true) invalid("The 'auto_lyrics' field requires custom_mode = true.");
	checkStringType(body, ['prompt', 'gpt_description_prompt', 'title', 'tags', 'negative_tags', 'vocal_gender']);
	const custom = body.custom_mode === true;
	const hasText = (field: string): boolean => typeof body[field] === 'string' && (body[field] as string).trim() !== '';
	if (rules.promptAlwaysRequired && !hasText('prompt')) invalid("The 'prompt' field is required.");
	if (rules.promptByMode && present(body, 'custom_mode')) {
		if (custom && body.make_instrumental !== true && !hasText('prompt')) invalid("The 'prompt' field is required when custom_mode = true.");
		if (!custom && !hasText('gpt_description_prompt')) invalid("The 'gpt_description_prompt' field is required when custom_mode = false.");
	}
	const limits = limitsFor(body.mv);
	checkMaxLength(body, 'prompt', limits.prompt, `The prompt character length should be less than ${limits.prompt}.`);
	checkMaxLength(body, 'gpt_description_prompt', 400, "The 'gpt_description_prompt' character length should be less than 400.");
	checkMaxLength(body, 'title', 80, 'The title character length should be less than 80.');
	checkMaxLength(body, 'tags', limits.tags, `The tags character length should be less than ${limits.tags}.`);
	checkEnum(body, 'vocal_gender', ['f', 'm']);
	checkUnitInterval(body, ['style_weight', 'weirdness_constraint', 'audio_weight']);
	checkDuration(body, rules.durationAllowed, rules.durationContext);
	checkWebhook(body);
}

/** `duration` (10–360 s) exists only on the generating task types (2026-09+); elsewhere it is an error. */
export function checkDuration(body: Body, allowed: boolean, context: string): void {
	if (!present(body, 'duration')) return;
	if (!allowed) invalid(`The 'duration' field is not supported for ${context}.`);
	checkNumber(body, 'duration', { min: 10, max: 360, integer: true, message: "The 'duration' field should be an integer between 10 and 360." });
}
