import { hasMarker, MARKERS } from '../markers';
import { songSeeds, uploadedSeed } from '../tasks/clip-factory';
import type { NewTask } from '../tasks/task-store';
import { checkBoolean, checkNumber, requireHttpUrl } from '../validation/checks';
import { checkSongFields } from '../validation/sonic-song-fields';
import type { ApiReply } from '../http/reply';
import type { Route, RouteContext } from './route';
import { pairsOrClips, sonicTask } from './sonic-edits';
import { costOf, submitted } from './submit-helpers';

/** What MusicAPI says when it cannot fetch the audio (observed, contract §3.3 upload errors). */
export const UPLOAD_STEP_ERROR = 'Audio URL is not accessible. Please provide a public direct audio file URL.';

/**
 * The upload step both endpoints run inside the call, before any task exists (30–60 s live, contract §3.4). With
 * the `[fake:upload-error]` marker it fails: MusicAPI still answers 200, with the step's error under
 * `steps.upload.error` and no task id; nothing is charged.
 */
async function uploadStep(ctx: RouteContext): Promise<{ clipId: string } | { error: ApiReply }> {
	await ctx.state.requestTimers.sleep(ctx.state.scaled(ctx.state.options.uploadStepLatencyMs));
	if (hasMarker(ctx.body, MARKERS.uploadError)) {
		ctx.state.ledger.refund(ctx.charge);
		return { error: { status: 200, body: { message: 'failed', steps: { upload: { error: UPLOAD_STEP_ERROR, message: 'failed' } } } } };
	}
	const upload = uploadedSeed(ctx.body.url as string);
	ctx.state.clips.remember([upload], 'uploaded');
	return { clipId: upload.clip_id };
}

/**
 * An upload-then-generate endpoint: validation, the upload step, then the task. upload-cover's answer names both
 * steps (contract §3.4); upload-extend's is documented as the plain `{message, task_id}`.
 */
function uploadRoute(path: string, step: 'cover' | undefined, validate: (ctx: RouteContext) => void, build: (ctx: RouteContext) => NewTask): Route {
	return {
		method: 'POST',
		path,
		validate,
		cost: (ctx) => costOf(ctx.state, path.slice(1)),
		handle: async (ctx) => {
			const upload = await uploadStep(ctx);
			if ('error' in upload) return upload.error;
			const input = build(ctx);
			ctx.state.clips.remember([...input.clips, ...(input.fulls ?? [])]);
			const task = ctx.state.tasks.create({ ...input, details: { ...input.details, uploadClipId: upload.clipId } });
			if (!step) return submitted(ctx.state, task);
			return submitted(ctx.state, task, {
				steps: {
					upload: { clip_id: upload.clipId, message: 'success' },
					[step]: { task_id: task.id, message: 'success' },
				},
			});
		},
	};
}

const SONG_RULES = {
	mvRequired: true,
	customModeRequired: true,
	promptByMode: false,
	durationAllowed: true,
	durationContext: 'this endpoint',
} as const;

export const sonicUploadRoutes: Route[] = [
	uploadRoute(
		'/sonic/upload-cover',
		'cover',
		(ctx) => {
			requireHttpUrl(ctx.body, 'url');
			checkSongFields(ctx.body, ctx.state.options, SONG_RULES);
		},
		(ctx) => sonicTask(ctx, 'sonic/upload-cover', { clips: songSeeds(ctx.body, 2) }),
	),
	uploadRoute(
		'/sonic/upload-extend',
		undefined,
		(ctx) => {
			requireHttpUrl(ctx.body, 'url');
			checkNumber(ctx.body, 'continue_at', {
				required: "The 'continue_at' field is required.",
				min: 0,
				message: "The 'continue_at' field should be a non-negative number.",
			});
			checkBoolean(ctx.body, 'auto_concat');
			checkSongFields(ctx.body, ctx.state.options, SONG_RULES);
		},
		(ctx) => pairsOrClips(ctx, 'extended', 'sonic/upload-extend'),
	),
];
