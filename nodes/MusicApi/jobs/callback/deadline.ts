import type { IExecuteFunctions } from 'n8n-workflow';

import { signPayload } from '../../../shared/webhooks/signature';
import { sleepLong } from '../../../shared/transport/timers';

/** n8n's own wait limit comes this long after ours: its waiting-tracker looks only once a minute. */
export const BACKSTOP_MS = 120_000;

/** The event of the reminder a parked execution gets at its wait limit. */
export const DEADLINE_EVENT = 'musicapi.deadline';

/** The reminder's body: it names its execution, and the webhook refuses a reminder naming another. */
export function reminderBody(executionId: string): string {
	return JSON.stringify({ event: DEADLINE_EVENT, execution_id: executionId, task_id: '', code: 408, message: 'wait limit reached' });
}

/**
 * At the wait limit, the submitting process delivers a reminder to the execution's own resume URL, signed with the
 * execution's callback secret like a MusicAPI delivery: the webhook then asks once about every job still missing
 * and resumes with the finished ones and an error item naming each task id still running. If the execution has
 * resumed already, n8n answers 409 and nothing happens.
 */
export async function remindAtDeadline(
	fn: IExecuteFunctions,
	url: string,
	secret: string,
	executionId: string,
	afterMs: number,
	signal: AbortSignal,
) {
	try {
		await sleepLong(afterMs, signal);
		const body = reminderBody(executionId);
		const timestamp = Math.floor(Date.now() / 1000);
		await fn.helpers.httpRequest({
			method: 'POST',
			url,
			body,
			json: false,
			ignoreHttpStatusErrors: true,
			headers: {
				'content-type': 'application/json',
				'x-webhook-id': `${DEADLINE_EVENT}:${executionId}`,
				'x-webhook-event': DEADLINE_EVENT,
				'x-webhook-timestamp': String(timestamp),
				'x-webhook-signature': signPayload(secret, timestamp, body),
			},
		});
	} catch (error) {
		// Aborted: the execution resumed in this process before its limit, nothing to remind.
		if (!signal.aborted) {
			fn.logger.warn(`MusicAPI: could not remind execution ${executionId} of its wait limit: ${(error as Error).message}`);
		}
	}
}
