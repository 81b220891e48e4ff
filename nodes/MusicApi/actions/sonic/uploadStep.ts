import type { AsyncOperation, OperationContext } from '../../base/operation';

/**
 * Upload & Cover and Upload & Extend fetch the audio inside the submit call before the job exists: 30–60 s live
 * (contract §3.4). A submit that times out is "unconfirmed" (a 15-credit job may exist without a task id), so these
 * calls wait 180 s: three times the documented upper bound, for slow source hosts and long (≤ 8 min) files. The
 * node-wide Request Timeout applies when it is longer. (Sync Upload, ~20 s, allows 120 s.)
 */
export const UPLOAD_STEP_TIMEOUT_MS = 180_000;

/** The upload step's own error: `steps.upload.error` (a text, or `{message}`) in a 200 answer (contract §3.4). */
function uploadStepError(body: unknown): string | undefined {
	const steps = (body as { steps?: { upload?: { error?: unknown } } } | undefined)?.steps;
	const error = steps?.upload?.error;
	if (typeof error === 'string' && error.trim() !== '') return error;
	const message = (error as { message?: unknown } | undefined)?.message;
	return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}

/**
 * Fails the item with MusicAPI's own words when the upload step failed and no job was started. With a task id the
 * job exists (paid): it goes on and its poll tells how it ends; the log keeps the upload's complaint.
 */
export function uploadStepCheck(path: string): NonNullable<AsyncOperation['checkSubmitAnswer']> {
	return (ctx: OperationContext, itemIndex: number, body: unknown) => {
		const error = uploadStepError(body);
		if (error === undefined) return;
		const taskId = (body as { task_id?: unknown }).task_id;
		if (typeof taskId === 'string' && taskId !== '') {
			ctx.fn.logger.warn(`MusicAPI POST ${path}: item ${itemIndex}: the upload step reported "${error}", but task ${taskId} was started`);
			return;
		}
		throw ctx.client.error(
			{
				kind: 'upload_failed',
				message: `MusicAPI could not upload the audio for POST ${path}: ${error}`,
				description:
					'MusicAPI downloads the audio itself: the Audio URL must be public (no login), a direct link to the audio file (not a web page) and use HTTPS. MusicAPI answered without a task, so no job was started; fix the URL and run the item again.',
				details: { request: `POST ${path}`, upload: error },
			},
			itemIndex,
		);
	};
}
