import { invalid } from '../http/api-error';
import { outcomeOf } from '../markers';
import { songSeeds } from '../tasks/clip-factory';
import { checkBoolean, checkEnum, checkNumber, checkStringType, checkUnitInterval, requireString } from '../validation/checks';
import type { Route } from './route';
import { costOf, submitted } from './submit-helpers';

/** Studio ("Unavailable" in some doc versions, contract §3.8): the body of the custom-mode page and SDK example. */
export const studioRoutes: Route[] = [
	{
		method: 'POST',
		path: '/studio/create',
		validate: (ctx) => {
			const { body } = ctx;
			checkStringType(body, ['prompt', 'lyrics', 'negative_prompt']);
			const hasText = (field: string): boolean => typeof body[field] === 'string' && (body[field] as string).trim() !== '';
			if (!hasText('prompt') && !hasText('lyrics')) invalid('prompt or lyrics is required.');
			checkEnum(body, 'lyrics_type', ['user', 'generate', 'instrumental']);
			if (body.lyrics_type === 'user') requireString(body, 'lyrics', "The 'lyrics' field is required when lyrics_type = user.");
			checkEnum(body, 'model_type', ['studio130-v1.5', 'studio32-v1.5']);
			checkBoolean(body, 'bypass_prompt_optimization');
			checkNumber(body, 'seed', { integer: true, min: -1, message: "The 'seed' field should be an integer (-1 for random)." });
			checkUnitInterval(body, ['prompt_strength', 'clarity_strength', 'lyrics_strength', 'generation_quality']);
			for (const field of ['song_section_start', 'song_section_end', 'lyrics_placement_start', 'lyrics_placement_end']) {
				checkNumber(body, field, { min: 0, message: `The '${field}' field should be a non-negative number.` });
			}
			const config = body.config;
			if (config !== undefined) {
				if (config === null || typeof config !== 'object' || Array.isArray(config)) invalid("The 'config' field should be an object.");
				const mode = (config as Record<string, unknown>).mode ?? 'regular';
				if (!['regular', 'precede', 'continuation'].includes(mode as string)) invalid("The 'config.mode' field should be 'regular', 'precede', or 'continuation'.");
				const source = (config as Record<string, unknown>).source as Record<string, unknown> | undefined;
				if (mode !== 'regular' && (typeof source?.song_id !== 'string' || source.song_id === '')) {
					invalid(`The 'config.source.song_id' field is required when config.mode = ${String(mode)}.`);
				}
			}
		},
		cost: (ctx) => costOf(ctx.state, 'studio/create'),
		handle: (ctx) => {
			const { body } = ctx;
			const instrumental = body.lyrics_type === 'instrumental';
			const clips = songSeeds(
				{ custom_mode: typeof body.lyrics === 'string', prompt: body.lyrics, gpt_description_prompt: body.prompt, tags: body.prompt, make_instrumental: instrumental },
				2,
				{ mv: typeof body.model_type === 'string' ? body.model_type : 'studio130-v1.5' },
			);
			ctx.state.clips.remember(clips);
			const task = ctx.state.tasks.create({ dialect: 'studio', apiKey: ctx.apiKey, operation: 'studio/create', clips, outcome: outcomeOf(body), charge: ctx.charge });
			// The submit answer is undocumented; one variant follows the Studio task envelope (contract §3.8).
			if (ctx.state.options.studioSubmitShape === 'envelope') return { status: 200, body: { code: 'success', message: '', data: task.id } };
			return submitted(ctx.state, task);
		},
	},
];
