import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { NormalizedTask } from '../../shared/tasks/types';
import type { ResultOptions } from '../descriptions/completionFields';

/**
 * What a job's own request promised about its result, kept from submit to the end (poll, callback): the model it
 * asked for, and whether the file it makes is a WAV (Producer → Download with Format WAV).
 */
export interface JobExpectations {
	model?: string;
	wav?: boolean;
}

/** Read off the submitted body; `wav` from the operation, which alone knows what its body means. */
export function expectationsOf(body: IDataObject | undefined, wav: boolean): JobExpectations | undefined {
	const model = typeof body?.mv === 'string' && body.mv !== '' ? body.mv : undefined;
	if (model === undefined && !wav) return undefined;
	return { ...(model ? { model } : {}), ...(wav ? { wav } : {}) };
}

/** A job that prepared a WAV attaches that WAV, whatever Result Options → Audio Format says. */
export function resultOptionsFor(options: ResultOptions, expect: JobExpectations | undefined): ResultOptions {
	return expect?.wav ? { ...options, audioFormat: 'wav' } : options;
}

/** Sister hosts echo `chirp-vX` for `sonic-vX` (contract §3.1.3): the same model, not drift. */
function sameModel(asked: string, ran: string): boolean {
	const canonical = (name: string) => name.trim().toLowerCase().replace(/^chirp-/, 'sonic-');
	return canonical(asked) === canonical(ran);
}

/**
 * MusicAPI retires models and runs them as others without an error (2026-10: sonic-v3-5 … v5-5 run as sonic-v6,
 * billed at its 20 credits; contract §3.1.3, §7). The clips' `mv` says what ran; when it is not what was asked, an
 * execution hint and a log line say so, one per asked → ran pair.
 */
export function reportModelDrift(
	fn: Pick<IExecuteFunctions, 'logger'> & { addExecutionHints?: IExecuteFunctions['addExecutionHints'] },
	jobs: Array<{ task: NormalizedTask; expect?: JobExpectations }>,
): void {
	const drifts = new Map<string, { asked: string; ran: string; taskIds: string[] }>();
	for (const { task, expect } of jobs) {
		const asked = expect?.model;
		const ran = task.clips.find((clip) => clip.model !== undefined)?.model;
		if (!asked || !ran || sameModel(asked, ran)) continue;
		const key = `${asked}→${ran}`;
		const drift = drifts.get(key) ?? { asked, ran, taskIds: [] };
		drift.taskIds.push(task.taskId);
		drifts.set(key, drift);
	}
	for (const { asked, ran, taskIds } of drifts.values()) {
		const jobsText = taskIds.length === 1 ? `task ${taskIds[0]}` : `${taskIds.length} tasks (${taskIds.join(', ')})`;
		const message = `MusicAPI: ${jobsText} asked for model ${asked} but MusicAPI ran ${ran}, at that model's price. MusicAPI retires models and runs them as newer ones (2026-10: sonic-v3-5 … sonic-v5-5 run as sonic-v6); choose ${ran} to ask for what runs.`;
		fn.logger.warn(message);
		fn.addExecutionHints?.({ message, type: 'info', location: 'outputPane' });
	}
}
