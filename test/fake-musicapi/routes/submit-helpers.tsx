import type { ApiReply } from '../http/reply';
import type { FakeState } from '../state';
import type { Task } from '../tasks/task';

export function costOf(state: FakeState, key: string): number {
	return state.options.costs[key] ?? 0;
}

/** The submit answer: live `{message, task_id}`, or with `code: 200` first when includeCode is on. */
export function submitted(state: FakeState, task: Task, extra: Record<string, unknown> = {}): ApiReply {
	const head = state.options.includeCode ? { code: 200 } : {};
	return { status: 200, body: { ...head, message: 'success', task_id: task.id, ...extra } };
}

/** A sync answer in the usual envelope `{code, message, …}`. */
export function success(fields: Record<string, unknown>): ApiReply {
	return { status: 200, body: { code: 200, message: 'success', ...fields } };
}

/** Where and how to deliver the task's webhooks; without webhook_secret the platform default secret signs. */
export function webhookOf(state: FakeState, body: Record<string, unknown>): { url: string; secret: string } | undefined {
	if (typeof body.webhook_url !== 'string' || body.webhook_url === '') return undefined;
	const secret = typeof body.webhook_secret === 'string' && body.webhook_secret !== '' ? body.webhook_secret : state.options.defaultWebhookSecret;
	return { url: body.webhook_url, secret };
}

/** Sonic/producer "sync" follow-ups keep state per key and clip (midi build counter, aligned-lyrics cache). */
export function callKey(apiKey: string, endpoint: string, clipId: unknown): string {
	return `${apiKey}|${endpoint}|${String(clipId)}`;
}
