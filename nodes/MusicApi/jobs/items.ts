import type { IBinaryKeyData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { baseFileName, clipFileTitle, downloadBinary, downloadSettingsOf, type DownloadContext } from '../../shared/results/download';
import { clipJson, taskSummaryJson } from '../../shared/results/output';
import type { Clip, NormalizedTask } from '../../shared/tasks/types';
import type { MusicApiClient } from '../../shared/transport/MusicApiClient';
import { asNodeError } from '../../shared/transport/nodeError';
import type { ResultOptions } from '../descriptions/completionFields';
import { reportModelDrift, resultOptionsFor, type JobExpectations } from './expectations';
import type { TaskOutcome } from './poll';

/**
 * What turning results into items needs: satisfied by an execution (action node) and by a webhook call (the
 * callback resume and the trigger), so every path shapes clips and downloads files the same way.
 */
export interface ResultContext {
	fn: DownloadContext &
		Pick<IExecuteFunctions, 'logger'> & { addExecutionHints?: IExecuteFunctions['addExecutionHints'] };
	client: MusicApiClient;
	/** Under Continue On Fail a failed job is an error item; otherwise one error names every task. */
	continueOnFail: boolean;
}

/** Output items per input item index. */
export type FinishedItems = Map<number, INodeExecutionData[]>;

/**
 * Successful clips become items (with their files); failed clips stay visible as items with their error; a
 * failed, lost or unfinished job becomes an error item under Continue On Fail, or one error that names every
 * task id, the finished ones included, so that nothing paid for disappears.
 */
export async function outcomesToItems(
	ctx: ResultContext,
	outcomes: TaskOutcome[],
	options: ResultOptions,
	expectations: ReadonlyMap<string, JobExpectations | undefined> = new Map(),
): Promise<FinishedItems> {
	const finished: FinishedItems = new Map();
	const problems: Array<{ itemIndex: number; taskId: string; message: string; description: string }> = [];
	const add = (itemIndex: number, items: INodeExecutionData[]) =>
		finished.set(itemIndex, [...(finished.get(itemIndex) ?? []), ...items]);

	for (const outcome of outcomes.sort((a, b) => a.itemIndex - b.itemIndex)) {
		const { itemIndex, taskId } = outcome;
		if ('task' in outcome && outcome.task.state === 'succeeded') {
			try {
				add(itemIndex, await taskItems(ctx, outcome.task, itemIndex, resultOptionsFor(options, expectations.get(taskId))));
			} catch (error) {
				if (ctx.client.cancelSignal?.aborted) throw asNodeError(ctx.fn.getNode(), error, itemIndex);
				// A finished (paid) job whose files or WAV could not be fetched is a problem of that task, not of
				// the run: the other jobs' items and every task id must still reach the user.
				problems.push({
					itemIndex,
					taskId,
					message: `MusicAPI task ${taskId}: ${(error as Error).message}`,
					description: `The job finished at MusicAPI, but fetching its result failed; nothing was resubmitted. Run Get Task with task ID ${taskId} to fetch it again${options.downloadAudio ? ', or set "Download Audio" off to return URLs only' : ''}.`,
				});
			}
		} else if ('task' in outcome) {
			const reason = outcome.task.error ?? 'no reason given';
			problems.push({
				itemIndex,
				taskId,
				message: `MusicAPI job ${taskId} failed: ${reason}`,
				// MusicAPI's reason often says the refund itself ("… Credits have been refunded."): say it once.
				description: `${/refund/i.test(reason) ? '' : 'MusicAPI refunds the credits of failed jobs. '}Adjust the input (see the reason) and run again.`,
			});
		} else if ('error' in outcome) {
			problems.push({
				itemIndex,
				taskId,
				message: `MusicAPI task ${taskId}: ${outcome.error.message}`,
				description: outcome.error.description ?? 'Check the task later with Get Task.',
			});
		} else {
			problems.push({
				itemIndex,
				taskId,
				message: `MusicAPI task ${taskId} still ${outcome.lastState} when waiting timed out`,
				description: `The job keeps running at MusicAPI. Fetch it later with Get Task (task ID ${taskId}) or raise "Timeout (Minutes)".`,
			});
		}
	}

	reportModelDrift(
		ctx.fn,
		outcomes.flatMap((o) => ('task' in o && o.task.state === 'succeeded' ? [{ task: o.task, expect: expectations.get(o.taskId) }] : [])),
	);
	if (problems.length && !ctx.continueOnFail) {
		const first = problems[0];
		const done = outcomes.filter((o) => !problems.some((p) => p.taskId === o.taskId)).map((o) => o.taskId);
		const message = problems.length === 1 ? first.message : `${problems.length} MusicAPI jobs did not finish: ${problems.map((p) => p.taskId).join(', ')}`;
		const error = new NodeOperationError(ctx.fn.getNode(), message, {
			itemIndex: first.itemIndex,
			description: [
				...problems.map((p) => `[item ${p.itemIndex}] ${sentence(p.message)} ${p.description}`),
				done.length ? `Finished jobs (fetch them with Get Task): ${done.join(', ')}.` : '',
			]
				.filter(Boolean)
				.join('\n'),
		});
		// n8n swaps a message that names a network code (ECONNRESET…) for generic text, task id and all.
		error.message = message;
		throw error;
	}
	for (const problem of problems) {
		add(problem.itemIndex, [
			{
				json: { taskId: problem.taskId, error: problem.message, description: problem.description },
				pairedItem: { item: problem.itemIndex },
			},
		]);
	}
	return finished;
}

/** A message as a sentence: MusicAPI's own texts often end with a period already. */
function sentence(text: string): string {
	return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** One item per clip (with files), or one summary item for tasks that end without clips (create-voice). */
export async function taskItems(
	ctx: Omit<ResultContext, 'continueOnFail'>,
	task: NormalizedTask,
	itemIndex: number,
	options: ResultOptions,
): Promise<INodeExecutionData[]> {
	if (task.clips.length === 0) return [{ json: taskSummaryJson(task), pairedItem: { item: itemIndex } }];
	const failedClips = task.clips.filter((clip) => clip.state === 'failed');
	if (failedClips.length) {
		const message = `MusicAPI task ${task.taskId}: ${failedClips.length} of ${task.clips.length} clips failed (${failedClips.map((c) => c.error ?? 'no reason').join('; ')}); they are output with state "failed"`;
		ctx.fn.logger.warn(message);
		ctx.fn.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
	}
	const items: INodeExecutionData[] = [];
	for (const clip of task.clips) {
		const json = clipJson(task, clip, options.includeRaw);
		const binary = clip.state === 'succeeded' ? await clipFiles(ctx, task, clip, itemIndex, options) : undefined;
		items.push({ json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } });
	}
	return items;
}

async function clipFiles(
	ctx: Omit<ResultContext, 'continueOnFail'>,
	task: NormalizedTask,
	clip: Clip,
	itemIndex: number,
	options: ResultOptions,
): Promise<IBinaryKeyData | undefined> {
	if (!options.downloadAudio) return undefined;
	const settings = downloadSettingsOf(ctx.client);
	const name = baseFileName(clipFileTitle(clip), clip.clipId);
	const binary: IBinaryKeyData = {};
	// A clip whose only audio is a WAV (Producer → Download with Format WAV, contract §3.6) attaches that WAV.
	const audioUrl = options.audioFormat === 'wav' ? await wavUrl(ctx, task, clip, itemIndex) : (clip.audioUrl ?? clip.wavUrl);
	if (audioUrl) binary[options.binaryProperty] = await downloadBinary(ctx.fn, audioUrl, name, settings, itemIndex);
	if (options.downloadImage && clip.imageUrl) {
		binary[`${options.binaryProperty}Image`] = await downloadBinary(ctx.fn, clip.imageUrl, name, settings, itemIndex);
	}
	return Object.keys(binary).length ? binary : undefined;
}

/** A WAV: the clip's own wav_url (Producer), else Sonic's WAV endpoint; other dialects keep their format. */
async function wavUrl(ctx: Omit<ResultContext, 'continueOnFail'>, task: NormalizedTask, clip: Clip, itemIndex: number) {
	if (clip.wavUrl) return clip.wavUrl;
	if (task.dialect !== 'sonic') return clip.audioUrl;
	const response = await ctx.client.request(
		{ method: 'POST', path: '/sonic/wav', body: { clip_id: clip.clipId }, kind: 'submit' },
		itemIndex,
	);
	const data = (response.body as { data?: { wav_url?: unknown } } | undefined)?.data;
	return typeof data?.wav_url === 'string' ? data.wav_url : clip.audioUrl;
}
