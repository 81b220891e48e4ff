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
 * The secret MusicAPI signs one execution's callbacks with: always derived for this execution, from the credential's
 * webhook secret when set (else the API key) and the execution id. Both the submitting execution and the resuming
 * webhook (possibly another process) can compute it without storing anything, and a delivery or reminder signed for
 * one execution never verifies for another, even when all of them share one credential.
 *
 * Undefined when the credential has neither: a secret derived from nothing would be HMAC("", id), which anyone who
 * knows the execution id can compute. Callback mode is then refused (NO_CALLBACK_SECRET), and so is every callback.
 */
export function callbackSecret(credentials: IDataObject, executionId: string): string | undefined {
	const base = [credentials.webhookSecret, credentials.apiKey].find((value): value is string => typeof value === 'string' && value.trim() !== '');
	return base === undefined ? undefined : createHmac('sha256', base).update(`musicapi-callback:${executionId}`).digest('hex');
}

/** Why "Wait for Callback" cannot run with a credential that has neither a webhook secret nor an API key. */
export const NO_CALLBACK_SECRET = {
	message: 'Wait for Callback needs a Webhook Secret or an API key in the MusicAPI credential',
	description:
		'Callbacks are signed with a secret derived from the credential; with neither set, anyone could compute it and resume this execution. Set a Webhook Secret in the MusicAPI credential, or choose "Wait for Completion (Poll)". Nothing was sent to MusicAPI.',
};

/** What an n8n execution id looks like (digits in n8n 2.x; a little wider, never a slash, dot or query). */
const EXECUTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The waiting execution's id, read strictly from the URL n8n routed (a resumed webhook call's context does not
 * carry it). n8n serves the resume webhook as `…/<execution id>/<node id>?signature=<token>` (the URL we hand
 * MusicAPI) and also as `…/<execution id>?signature=<token>/<node id>` (WaitingWebhooks.parseSignatureParam). The
 * id is the segment before our node id in the first form, the last segment in the second; anything else is no
 * id at all, never a neighbouring segment such as "webhook-waiting".
 */
export function executionIdOf(requestUrl: string, nodeId: string): string | undefined {
	let url: URL;
	try {
		url = new URL(requestUrl, 'http://localhost');
	} catch {
		return undefined;
	}
	const segments = url.pathname.split('/').filter(Boolean);
	const token = url.searchParams.get('signature') ?? '';
	let candidate: string | undefined;
	if (segments.length >= 3 && segments[segments.length - 1] === nodeId) candidate = segments[segments.length - 2];
	else if (segments.length >= 2 && token.endsWith(`/${nodeId}`)) candidate = segments[segments.length - 1];
	return candidate !== undefined && EXECUTION_ID.test(candidate) ? candidate : undefined;
}
