import { outcomeOf } from '../markers';
import { newId, songSeeds, stemSeeds } from '../tasks/clip-factory';
import type { NewTask } from '../tasks/task-store';
import { checkBoolean, checkMaxLength, checkRange, checkStringType, checkUnitInterval, checkWebhook, checkEnum, requireHttpUrl, requireString } from '../validation/checks';
import { invalid } from '../http/api-error';
import { checkDuration, checkModel, checkSongFields } from '../validation/sonic-song-fields';
import type { Route, RouteContext } from './route';
import { costOf, submitted, webhookOf } from './submit-helpers';

/** Mashup and sample also take the "all" model that create rejects (aimusicapi, contract §3.1.3). */
const BLEND_MODELS = ['sonic-v4-5-all'];

/** The common tail of every async sonic edit: a sonic task owned by the caller with the body's markers. */
export function sonicTask(ctx: RouteContext, operation: string, fields: Omit<NewTask, 'dialect' | 'apiKey' | 'operation' | 'outcome' | 'charge' | 'webhook'>): NewTask {
	return {
		dialect: 'sonic',
		apiKey: ctx.apiKey,
		operation,
		outcome: outcomeOf(ctx.body),
		charge: ctx.charge,
		webhook: webhookOf(ctx.state, ctx.body),
		...fields,
	};
}

function asyncRoute(path: string, validate: (ctx: RouteContext) => void, build: (ctx: RouteContext) => NewTask): Route {
	const operation = path.slice(1);
	return {
		method: 'POST',
		path,
		validate,
		cost: (ctx) => costOf(ctx.state, operation),
		handle: (ctx) => {
			const input = build(ctx);
			ctx.state.clips.remember([...input.clips, ...(input.fulls ?? [])]);
			const task = ctx.state.tasks.create(input);
			return submitted(ctx.state, task);
		},
	};
}

/** auto_concat answers `{extended|replaced, full}` pairs; `full` is the concatenated song. */
export function pairsOrClips(ctx: RouteContext, role: 'extended' | 'replaced', operation: string): NewTask {
	const clips = songSeeds(ctx.body, 2);
	if (ctx.body.auto_concat !== true) return sonicTask(ctx, operation, { clips });
	const fulls = clips.map((clip) => ({ ...clip, clip_id: newId(), duration: (Number(clip.duration) + 60).toFixed(2) }));
	return sonicTask(ctx, operation, { shape: 'pairs', pairRole: role, clips, fulls });
}

export const sonicEditRoutes: Route[] = [
	asyncRoute(
		'/sonic/create-voice',
		(ctx) => {
			requireHttpUrl(ctx.body, 'audio_url');
			checkStringType(ctx.body, ['name']);
			checkMaxLength(ctx.body, 'name', 80, 'The name character length should be less than 80.');
			checkWebhook(ctx.body);
		},
		(ctx) => sonicTask(ctx, 'sonic/create-voice', {
			shape: 'persona',
			clips: [],
			persona: { persona_id: newId(), name: typeof ctx.body.name === 'string' ? ctx.body.name : 'My Voice' },
		}),
	),
	...(['basic', 'full'] as const).map((kind) =>
		asyncRoute(
			`/sonic/stems/${kind}`,
			(ctx) => {
				requireString(ctx.body, 'clip_id');
				checkWebhook(ctx.body);
			},
			(ctx) => {
				const stems = kind === 'basic' ? ctx.state.options.basicStems : ctx.state.options.fullStems;
				return sonicTask(ctx, `sonic/stems/${kind}`, { clips: stemSeeds(ctx.state.clips.get(ctx.body.clip_id), stems) });
			},
		),
	),
	asyncRoute(
		'/sonic/mashup',
		(ctx) => {
			const ids = ctx.body.mashup_clip_ids;
			if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === 'string' && id !== '')) {
				invalid("The 'mashup_clip_ids' field should be an array of exactly 2 clip ids.");
			}
			checkSongFields(ctx.body, ctx.state.options, {
				extraModels: BLEND_MODELS,
				mvRequired: true,
				customModeRequired: true,
				promptByMode: true,
				durationAllowed: false,
				durationContext: 'this endpoint',
			});
		},
		(ctx) => sonicTask(ctx, 'sonic/mashup', { clips: songSeeds(ctx.body, 2) }),
	),
	asyncRoute(
		'/sonic/replace-section',
		(ctx) => {
			const { body } = ctx;
			requireString(body, 'clip_id');
			checkModel(body, ctx.state.options);
			checkRange(body, 'infill_start_s', 'infill_end_s', true);
			checkStringType(body, ['infill_lyrics', 'prompt', 'title', 'tags', 'negative_tags']);
			checkMaxLength(body, 'infill_lyrics', 3000, 'The infill_lyrics character length should be less than 3000.');
			checkMaxLength(body, 'prompt', 5000, 'The prompt character length should be less than 5000.');
			checkMaxLength(body, 'title', 80, 'The title character length should be less than 80.');
			checkMaxLength(body, 'tags', 1000, 'The tags character length should be less than 1000.');
			checkBoolean(body, 'auto_concat');
			checkEnum(body, 'vocal_gender', ['f', 'm']);
			checkUnitInterval(body, ['style_weight', 'weirdness_constraint']);
			checkDuration(body, false, 'this endpoint');
			checkWebhook(body);
		},
		(ctx) => {
			const source = ctx.state.clips.get(ctx.body.clip_id);
			const task = pairsOrClips(ctx, 'replaced', 'sonic/replace-section');
			if (source && typeof ctx.body.title !== 'string') for (const clip of [...task.clips, ...(task.fulls ?? [])]) clip.title = source.title;
			return task;
		},
	),
	asyncRoute(
		'/sonic/sample',
		(ctx) => {
			const { body } = ctx;
			const hasUrl = typeof body.url === 'string' && body.url !== '';
			const hasClip = typeof body.sample_clip_id === 'string' && body.sample_clip_id !== '';
			if (!hasUrl && !hasClip) invalid('url or sample_clip_id is required.');
			if (hasUrl) requireHttpUrl(body, 'url');
			checkRange(body, 'chop_sample_start_s', 'chop_sample_end_s', false);
			checkSongFields(body, ctx.state.options, {
				extraModels: BLEND_MODELS,
				mvRequired: true,
				customModeRequired: true,
				promptByMode: true,
				durationAllowed: false,
				durationContext: 'this endpoint',
			});
		},
		(ctx) => sonicTask(ctx, 'sonic/sample', { clips: songSeeds(ctx.body, 2) }),
	),
];
