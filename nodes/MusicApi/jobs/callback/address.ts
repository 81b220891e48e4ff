import { createHmac } from 'crypto';
import type { IDataObject, IExecuteFunctions, IWebhookDescription } from 'n8n-workflow';

// Where MusicAPI calls back a parked execution, and the secret those calls are signed with.

/**
 * The action node's resume webhook for "Wait for Callback": n8n serves it at this execution's resume URL plus the
 * node id while the execution waits, and only then (restartWebhook). Shared constant, as n8n's own send-and-wait
 * nodes do, so the node description stays declarative.
 */
export const CALLBACK_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

/** The URL MusicAPI calls back: n8n's resume URL (which carries its own signature token) plus the node id. */
export function callbackUrl(fn: IExecuteFunctions): string {
	const url = new URL(String(fn.evaluateExpression('{{ $execution.resumeUrl }}', 0)));
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${fn.getNode().id}`;
	return url.toString();
}

/**
 * The secret MusicAPI signs callbacks with. The credential's webhook secret when set; otherwise one derived from
 * the API key and the execution id, so both the submitting execution and the resuming webhook (possibly another
 * process) know it without storing anything, and no other execution's callbacks verify.
 */
export function callbackSecret(credentials: IDataObject, executionId: string): string {
	if (typeof credentials.webhookSecret === 'string' && credentials.webhookSecret) return credentials.webhookSecret;
	return createHmac('sha256', String(credentials.apiKey ?? '')).update(`musicapi-callback:${executionId}`).digest('hex');
}

/**
 * The waiting execution's id, from the URL we handed MusicAPI (`…/<execution id>/<node id>?signature=…`): a resumed
 * webhook call does not always carry it in its context.
 */
export function executionIdOf(requestUrl: string): string | undefined {
	const segments = new URL(requestUrl, 'http://localhost').pathname.split('/').filter(Boolean);
	return segments.length >= 2 ? decodeURIComponent(segments[segments.length - 2]) : undefined;
}
