import { ApiError, invalid } from '../http/api-error';
import { outcomeOf } from '../markers';
import { newId, randomDuration, songSeeds } from '../tasks/clip-factory';
import type { ClipSeed, Task } from '../tasks/task';
import { sonicData, sonicTaskState } from '../tasks/views/sonic-view';
import { type SonicTaskType, validateSonicCreate } from '../validation/sonic-create';
import type { Route, RouteContext } from './route';
import { costOf, submitted, webhookOf } from './submit-helpers';

const taskTypeOf = (body: Record<string, unknown>): string => (typeof body.task_type === 'string' ? body.task_type : 'create_music');

/**
 * One sonic generation: two clips (a pair, as live), or one full song for concat_music. Follow-ups on a
 * clip this fake made reuse its title and lyrics, so extend → concat reads like the real flow.
 */
export function createSonicTask(ctx: RouteContext, body: Record<string, unknown>, taskType: SonicTaskType, charge = ctx.charge): Task {
	const { state } = ctx;
	const source = state.clips.get(body.continue_clip_id);
	let clips: ClipSeed[];
	if (taskType === 'concat_music') {
		clips = songSeeds(body, 1, {
			title: source?.title ?? 'Untitled',
			tags: source?.tags ?? '',
			lyrics: source?.lyrics ?? '',
			mv: source?.mv ?? (typeof body.mv === 'string' ? body.mv : 'sonic-v5'),
			duration: randomDuration(180, 320),
		});
	} else {
		const inherited: Partial<ClipSeed> = {};
		if (source && typeof body.title !== 'string') inherited.title = source.title;
		if (source && typeof body.prompt !== 'string' && typeof body.gpt_description_prompt !== 'string') inherited.lyrics = source.lyrics;
		clips = songSeeds(body, 2, inherited);
	}
	state.clips.remember(clips);
	return state.tasks.create({
		dialect: 'sonic',
		apiKey: ctx.apiKey,
		operation: `sonic/create:${taskType}`,
		clips,
		outcome: outcomeOf(body),
		charge,
		webhook: webhookOf(state, body),
	});
}

function createRoute(path: string): Route {
	return {
		method: 'POST',
		path,
		validate: (ctx) => void validateSonicCreate(ctx.body, ctx.state.options),
		cost: (ctx) => costOf(ctx.state, `sonic/create:${taskTypeOf(ctx.body)}`),
		handle: (ctx) => submitted(ctx.state, createSonicTask(ctx, ctx.body, taskTypeOf(ctx.body) as SonicTaskType)),
	};
}

/** /suno/create is the pre-rename alias of /sonic/create (same body, same tasks). */
export const sonicCreateRoutes: Route[] = [createRoute('/sonic/create'), createRoute('/suno/create')];

const MAX_BATCH_ITEMS = 10;

function batchItems(body: Record<string, unknown>): Array<Record<string, unknown>> {
	const items = body.items;
	if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH_ITEMS) {
		invalid(`The 'items' field should contain between 1 and ${MAX_BATCH_ITEMS} create requests.`);
	}
	return items.map((item, index) => {
		if (item === null || typeof item !== 'object' || Array.isArray(item)) invalid(`items[${index}]: The item should be an object.`);
		return item as Record<string, unknown>;
	});
}

/** Batch (newest site, contract §3.4): up to 10 create bodies, each its own task, charged together up front. */
export const sonicBatchRoutes: Route[] = [
	{
		method: 'POST',
		path: '/sonic/batch',
		validate: (ctx) =>
			batchItems(ctx.body).forEach((item, index) => {
				try {
					validateSonicCreate(item, ctx.state.options);
				} catch (error) {
					if (error instanceof ApiError) invalid(`items[${index}]: ${error.message}`);
					throw error;
				}
			}),
		cost: (ctx) => batchItems(ctx.body).reduce((sum, item) => sum + costOf(ctx.state, `sonic/create:${taskTypeOf(item)}`), 0),
		handle: (ctx) => {
			const { state } = ctx;
			// Split the charge per item, so a failed item refunds exactly its own price.
			let remaining = { ...ctx.charge };
			const tasks = batchItems(ctx.body).map((item, index) => {
				const price = costOf(state, `sonic/create:${taskTypeOf(item)}`);
				const extra = Math.min(remaining.extra, price);
				const credits = Math.min(remaining.credits, price - extra);
				remaining = { ...remaining, extra: remaining.extra - extra, credits: remaining.credits - credits };
				const task = createSonicTask(ctx, item, taskTypeOf(item) as SonicTaskType, { apiKey: ctx.apiKey, credits, extra });
				return { index, task_id: task.id };
			});
			const batchId = newId();
			state.batches.set(batchId, { apiKey: ctx.apiKey, taskIds: tasks.map((task) => task.task_id) });
			const head = state.options.includeCode ? { code: 200 } : {};
			return { status: 200, body: { ...head, message: 'success', batch_id: batchId, submitted: tasks.length, tasks } };
		},
	},
	{
		method: 'GET',
		path: '/sonic/batch',
		handle: (ctx) => {
			const { state } = ctx;
			const batchId = ctx.query.batch_id;
			if (!batchId) invalid('missing batch id.');
			const batch = state.batches.get(batchId);
			if (!batch || batch.apiKey !== ctx.apiKey) invalid('batch not found.');
			const now = state.now();
			const tasks = batch.taskIds.map((taskId, index) => {
				const task = state.tasks.find(taskId, ctx.apiKey, ['sonic']);
				if (!task) return { index, task_id: taskId, state: 'failed', data: null };
				const taskState = sonicTaskState(task, now);
				return { index, task_id: taskId, state: taskState, data: taskState === 'not_ready' ? null : (sonicData(task, now, state.fileBase) ?? null) };
			});
			const done = tasks.filter((task) => task.state === 'succeeded' || task.state === 'failed');
			return {
				status: 200,
				body: {
					code: 200,
					message: 'success',
					batch_id: batchId,
					status: done.length === tasks.length ? 'completed' : 'running',
					submitted: tasks.length,
					completed: tasks.filter((task) => task.state === 'succeeded').length,
					failed: tasks.filter((task) => task.state === 'failed').length,
					tasks,
				},
			};
		},
	},
];
