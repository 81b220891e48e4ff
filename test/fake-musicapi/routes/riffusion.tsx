import { invalid } from '../http/api-error';
import { outcomeOf } from '../markers';
import { songSeeds, uploadedSeed } from '../tasks/clip-factory';
import { checkBoolean, checkMaxLength, checkNumber, checkStringType, present, quoteList, requireHttpUrl, requireString } from '../validation/checks';
import type { Route } from './route';
import { costOf, submitted, success } from './submit-helpers';

const RIFFUSION_TASK_TYPES = [
	'create_music',
	'extend_music',
	'cover_music',
	'extend_upload_music',
	'cover_upload_music',
	'replace_music',
	'swap_music_sound',
	'swap_music_vocals',
	'replace_upload_music',
	'swap_upload_music_sound',
	'swap_upload_music_vocals',
];
const RIFFUSION_MODELS = ['FUZZ-1.1 Pro', 'FUZZ-1.0 Pro', 'FUZZ-1.1', 'FUZZ-1.0'];

/** Riffusion (deprecated, contract §3.7): both booleans are required; no webhooks. */
export const riffusionRoutes: Route[] = [
	{
		method: 'POST',
		path: '/riffusion/create',
		validate: (ctx) => {
			const { body } = ctx;
			const type = body.task_type ?? 'create_music';
			if (typeof type !== 'string' || !RIFFUSION_TASK_TYPES.includes(type)) {
				invalid(`The 'task_type' field is invalid. The task type should be ${quoteList(RIFFUSION_TASK_TYPES, 'or')}.`);
			}
			checkBoolean(body, 'custom_mode', true);
			checkBoolean(body, 'make_instrumental', true);
			checkStringType(body, ['prompt', 'lyrics', 'sound', 'title']);
			const hasText = (field: string): boolean => typeof body[field] === 'string' && (body[field] as string).trim() !== '';
			if (body.custom_mode === false && !hasText('prompt')) invalid("The 'prompt' field is required when custom_mode = false.");
			if (body.custom_mode === true && !hasText('lyrics') && !hasText('sound')) invalid('lyrics or sound is required when custom_mode = true.');
			checkMaxLength(body, 'title', 80, 'The title character length should be less than 80.');
			if (present(body, 'mv') && !RIFFUSION_MODELS.includes(body.mv as string)) {
				invalid(`The 'mv' field is invalid. The model should be ${quoteList(RIFFUSION_MODELS, 'or')}.`);
			}
			if (type !== 'create_music') requireString(body, 'continue_clip_id', `The 'continue_clip_id' field is required when task_type = ${type}.`);
			if (type.startsWith('extend')) {
				checkNumber(body, 'continue_at', { required: `The 'continue_at' field is required when task_type = ${type}.`, min: 0, message: "The 'continue_at' field should be a non-negative number." });
			}
		},
		cost: (ctx) => costOf(ctx.state, 'riffusion/create'),
		handle: (ctx) => {
			const { body } = ctx;
			const custom = body.custom_mode === true;
			const clips = songSeeds(
				{ custom_mode: custom, prompt: custom ? body.lyrics : undefined, gpt_description_prompt: custom ? body.sound : body.prompt, title: body.title, tags: body.sound, make_instrumental: body.make_instrumental },
				2,
				{ mv: typeof body.mv === 'string' ? body.mv : 'FUZZ-1.1' },
			);
			ctx.state.clips.remember(clips);
			const task = ctx.state.tasks.create({ dialect: 'riffusion', apiKey: ctx.apiKey, operation: 'riffusion/create', clips, outcome: outcomeOf(body), charge: ctx.charge });
			return submitted(ctx.state, task);
		},
	},
	{
		method: 'POST',
		path: '/riffusion/upload',
		syncFailure: 'bad-audio-url',
		validate: (ctx) => void requireHttpUrl(ctx.body, 'url'),
		cost: (ctx) => costOf(ctx.state, 'riffusion/upload'),
		handle: async (ctx) => {
			await ctx.state.requestTimers.sleep(ctx.state.scaled(ctx.state.options.uploadLatencyMs));
			const clip = uploadedSeed(ctx.body.url as string);
			ctx.state.clips.remember([clip], 'uploaded');
			return success({ clip_id: clip.clip_id });
		},
	},
];
