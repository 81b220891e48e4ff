import { ApiError, invalid } from '../http/api-error';
import { outcomeOf } from '../markers';
import { randomDuration, songSeeds, uploadedSeed } from '../tasks/clip-factory';
import type { ClipSeed } from '../tasks/task';
import type { ProducerKind } from '../tasks/views/producer-view';
import {
	checkBoolean,
	checkEnum,
	checkMaxLength,
	checkNumber,
	checkStringType,
	checkUnitInterval,
	checkWebhook,
	quoteList,
	requireHttpUrl,
	requireString,
} from '../validation/checks';
import type { Route, RouteContext } from './route';
import { costOf, submitted, webhookOf } from './submit-helpers';

const PRODUCER_TASK_TYPES = ['create_music', 'extend_music', 'replace_music', 'cover_music', 'make_lyrics', 'video_clip'];
/** Retired task types answer 410 Gone (producer API overview). */
const RETIRED_TASK_TYPES = ['music_variation', 'swap_music_vocals', 'swap_music_sound'];
const DEFAULT_PRODUCER_MODEL = 'FUZZ-2.0';

const taskTypeOf = (body: Record<string, unknown>): string => (typeof body.task_type === 'string' ? body.task_type : 'create_music');

/** Legacy aliases of the extend/replace/cover fields are still accepted; copy them onto the current names. */
function withAliases(body: Record<string, unknown>): Record<string, unknown> {
	return {
		...body,
		starts_at: body.starts_at ?? body.starts,
		ends_at: body.ends_at ?? body.ends,
		lyrics: body.lyrics ?? body.lyrics_text,
		strength: body.strength ?? body.cover_strength,
	};
}

function validateProducerCreate(ctx: RouteContext): void {
	const body = withAliases(ctx.body);
	const type = taskTypeOf(body);
	if (RETIRED_TASK_TYPES.includes(type)) throw new ApiError(410, 'gone', `The task_type '${type}' has been retired and is no longer available.`);
	if (!PRODUCER_TASK_TYPES.includes(type)) invalid(`The 'task_type' field is invalid. The task type should be ${quoteList(PRODUCER_TASK_TYPES, 'or')}.`);
	checkStringType(body, ['sound', 'lyrics', 'title', 'mv', 'instruction', 'prompt']);
	checkMaxLength(body, 'title', 80, 'The title character length should be less than 80.');
	// Accepted but ignored since the Lyria switch; still type-checked.
	checkBoolean(body, 'make_instrumental');
	checkNumber(body, 'length', { min: 1, message: "The 'length' field should be a positive number." });
	const hasText = (field: string): boolean => typeof body[field] === 'string' && (body[field] as string).trim() !== '';
	if (type === 'create_music' && !hasText('sound') && !hasText('lyrics')) invalid('sound or lyrics is required.');
	if (type === 'make_lyrics' && !hasText('prompt') && !hasText('lyrics') && !hasText('sound')) invalid('prompt is required.');
	if (['extend_music', 'replace_music', 'cover_music', 'video_clip'].includes(type)) requireString(body, 'clip_id');
	if (type === 'extend_music') checkNumber(body, 'starts_at', { min: 0, message: "The 'starts_at' field should be a non-negative number." });
	if (type === 'replace_music') {
		const from = checkNumber(body, 'starts_at', { required: 'starts_at and ends_at are required.', min: 0, message: "The 'starts_at' field should be a non-negative number." });
		const to = checkNumber(body, 'ends_at', { required: 'starts_at and ends_at are required.', min: 0, message: "The 'ends_at' field should be a non-negative number." });
		if (from !== undefined && to !== undefined && to <= from) invalid("The 'ends_at' field should be greater than starts_at.");
	}
	checkUnitInterval(body, ['strength']);
	checkWebhook(body);
}

/** Producer songs reuse the sonic seed builder: `sound` is the style, `lyrics` the words. */
function producerSeeds(body: Record<string, unknown>, count: number): ClipSeed[] {
	const sound = typeof body.sound === 'string' ? body.sound : '';
	const lyrics = typeof body.lyrics === 'string' ? body.lyrics : undefined;
	const prompt = typeof body.prompt === 'string' ? body.prompt : undefined;
	return songSeeds(
		{ custom_mode: lyrics !== undefined, prompt: lyrics, gpt_description_prompt: sound || prompt || 'instrumental groove', title: body.title, tags: sound },
		count,
		{ mv: typeof body.mv === 'string' ? body.mv : DEFAULT_PRODUCER_MODEL, sound },
	);
}

function producerTask(ctx: RouteContext, operation: string, kind: ProducerKind, clips: ClipSeed[], details: Record<string, unknown> = {}): ReturnType<typeof submitted> {
	if (kind !== 'download') ctx.state.clips.remember(clips, kind === 'upload' ? 'uploaded' : 'generated');
	const task = ctx.state.tasks.create({
		dialect: 'producer',
		apiKey: ctx.apiKey,
		operation,
		clips,
		details: { kind, ...details },
		outcome: outcomeOf(ctx.body),
		charge: ctx.charge,
		webhook: webhookOf(ctx.state, ctx.body),
	});
	return submitted(ctx.state, task);
}

export const producerRoutes: Route[] = [
	{
		method: 'POST',
		path: '/producer/create',
		validate: validateProducerCreate,
		cost: (ctx) => costOf(ctx.state, `producer/create:${taskTypeOf(ctx.body)}`),
		handle: (ctx) => {
			const body = withAliases(ctx.body);
			const type = taskTypeOf(body);
			const operation = `producer/create:${type}`;
			if (type === 'make_lyrics') return producerTask(ctx, operation, 'lyrics', producerSeeds(body, 1));
			if (type === 'video_clip') return producerTask(ctx, operation, 'video', producerSeeds(body, 1));
			return producerTask(ctx, operation, 'music', producerSeeds(body, 2));
		},
	},
	{
		method: 'POST',
		path: '/producer/upload',
		validate: (ctx) => {
			requireHttpUrl(ctx.body, 'url');
			checkWebhook(ctx.body);
		},
		cost: (ctx) => costOf(ctx.state, 'producer/upload'),
		handle: (ctx) => producerTask(ctx, 'producer/upload', 'upload', [uploadedSeed(ctx.body.url as string)]),
	},
	{
		method: 'POST',
		path: '/producer/download',
		validate: (ctx) => {
			requireString(ctx.body, 'clip_id');
			checkEnum(ctx.body, 'format', ['mp3', 'wav']);
			checkWebhook(ctx.body);
		},
		cost: (ctx) => costOf(ctx.state, 'producer/download'),
		handle: (ctx) => {
			const clipId = ctx.body.clip_id as string;
			const source = ctx.state.clips.get(clipId);
			const seed: ClipSeed = source ?? { ...producerSeeds({ sound: 'downloaded song' }, 1)[0], clip_id: clipId, duration: randomDuration() };
			return producerTask(ctx, 'producer/download', 'download', [seed], { sourceClipId: clipId, format: ctx.body.format ?? 'mp3' });
		},
	},
];
