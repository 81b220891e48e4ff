import type { JsonObject } from 'n8n-workflow';

/** What went wrong, in the words a user needs: one entry per failure class of docs/reliability.md ("Fault → what the user sees"). */
export type ApiErrorKind =
	| 'auth'
	| 'credits'
	| 'moderation'
	| 'validation'
	| 'not_found'
	| 'gone'
	| 'rate_limit'
	| 'server'
	| 'network'
	| 'bad_response'
	| 'unconfirmed_submit';

export interface MappedApiError {
	kind: ApiErrorKind;
	message: string;
	description: string;
	httpCode?: string;
	/** A plain, secret-free record of the failure; becomes the NodeApiError's error response. */
	details: JsonObject;
}

/** The API's own words from an error body: `{type, error}` (documented), `message`/`detail` (seen in the wild). */
export function apiErrorText(body: unknown): { type?: string; text?: string } {
	if (typeof body === 'string') {
		const trimmed = body.trim();
		// An HTML error page from a proxy says nothing useful beyond its status.
		return trimmed && !trimmed.startsWith('<') ? { text: trimmed.slice(0, 300) } : {};
	}
	if (!body || typeof body !== 'object') return {};
	const record = body as Record<string, unknown>;
	const pick = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
	return { type: pick('type'), text: pick('error') ?? pick('detail') ?? pick('message') };
}

const CREDIT_WORDS = /credit|subscription|balance|quota/i;

/**
 * The task poll's terminal 504, "Task failed due to timeout. Credits were previously refunded." (contract §3.2,
 * §6.2): MusicAPI gave up on the job and refunded it. It is the job's final answer, not a gateway hiccup, so it is
 * never retried; the task normalizers read it as a failed job with that reason.
 */
export function isFinalTaskTimeout(statusCode: number, body: unknown): boolean {
	if (statusCode !== 504) return false;
	const { type, text } = apiErrorText(body);
	return type === 'timeout' || /task failed due to timeout/i.test(text ?? '');
}

/** What to check when MusicAPI refuses the key: said by the node's error and by the credential's test. */
export const AUTH_REMEDY =
	'Check the API key in the MusicAPI credential (MusicAPI dashboard → API Keys) and that the Base URL points at the MusicAPI host the key belongs to.';

/** Maps one HTTP error answer to the user-facing error, once, for every operation. */
export function mapHttpError(
	statusCode: number,
	body: unknown,
	context: { method: string; path: string; requestId?: string; location?: unknown; fieldNames?: FieldNames; itemIndex?: number },
): MappedApiError {
	if (statusCode >= 300 && statusCode < 400) return redirectRefused(statusCode, context.location, context);
	const { type, text } = apiErrorText(body);
	const named = text ? inPanelWords(text, context.fieldNames ?? {}) : undefined;
	// details keep MusicAPI's own words (for support); what the user reads names the fields as the panel does.
	const said = named ? `: ${named.text}` : '';
	const details: JsonObject = {
		httpCode: String(statusCode),
		...(type ? { type } : {}),
		...(text ? { error: text } : {}),
		request: `${context.method} ${context.path}`,
		...(context.requestId ? { requestId: context.requestId } : {}),
	};
	const base = { httpCode: String(statusCode), details };

	if (statusCode === 401) {
		return {
			...base,
			kind: 'auth',
			message: `MusicAPI rejected the API key${said}`,
			description: AUTH_REMEDY,
		};
	}
	if (statusCode === 402 || (statusCode === 403 && CREDIT_WORDS.test(text ?? ''))) {
		return {
			...base,
			kind: 'credits',
			message: `Not enough MusicAPI credits${said}`,
			description:
				'Top up or subscribe in the MusicAPI dashboard, then run again. Use Credits → Get to see the balance. Nothing was charged for this request.',
		};
	}
	if (statusCode === 403) {
		return {
			...base,
			kind: 'moderation',
			message: `MusicAPI refused the content${said}`,
			description:
				'MusicAPI moderation rejected this request (lyrics, description, artist names or tags). Rephrase the quoted part and run again; refused requests are not charged.',
		};
	}
	if (statusCode === 404 || statusCode === 410) {
		const kind = statusCode === 410 ? 'gone' : 'not_found';
		return {
			...base,
			kind,
			message: `MusicAPI ${statusCode === 410 ? 'retired' : 'does not know'} ${context.method} ${context.path}${said}`,
			description:
				'This endpoint, model or task type is not (or no longer) offered on this MusicAPI host. Pick another model or operation, or check the Base URL in the credential.',
		};
	}
	if (statusCode === 429) {
		return {
			...base,
			kind: 'rate_limit',
			message: `MusicAPI rate limit reached${said}`,
			description: RATE_LIMIT_REMEDY,
		};
	}
	if (statusCode >= 500) {
		return {
			...base,
			kind: 'server',
			message: `MusicAPI server error ${statusCode}${said}`,
			description:
				'MusicAPI had a problem and retries did not help. Run again later; failed jobs are refunded by MusicAPI.',
		};
	}
	return {
		...base,
		kind: 'validation',
		message: `MusicAPI rejected the request${said || ` (HTTP ${statusCode})`}`,
		description: `${fixWhat(named?.fields ?? [], context.itemIndex)} and run again. Rejected requests are not charged.`,
	};
}

/** The request's fields by the name MusicAPI gives them (`mv`) → the name the node's panel shows ("Model"). */
export type FieldNames = Record<string, string>;

/**
 * MusicAPI's message with every field it names written as the panel shows it, the API's name kept in brackets:
 * "The 'mv' field is invalid" → "The Model (mv) field is invalid". Quoted names always count; a bare word only
 * when it is snake_case (`continue_clip_id`), since plain words such as "prompt" or "title" are also prose.
 */
export function inPanelWords(text: string, fieldNames: FieldNames): { text: string; fields: string[] } {
	const fields: string[] = [];
	const known = Object.keys(fieldNames).sort((a, b) => b.length - a.length);
	if (!known.length) return { text, fields };
	const alternatives = known.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
	const pattern = new RegExp(`(['"\`])(${alternatives})\\1|(?<![\\w-])(${alternatives})(?![\\w-])`, 'g');
	const out = text.replace(pattern, (whole, _quote: string, quoted?: string, bare?: string) => {
		const apiName = quoted ?? bare ?? '';
		if (!quoted && !apiName.includes('_')) return whole;
		const label = fieldNames[apiName];
		if (!fields.includes(label)) fields.push(label);
		return `${label} (${apiName})`;
	});
	return { text: out, fields };
}

function fixWhat(fields: string[], itemIndex: number | undefined): string {
	const item = itemIndex === undefined ? '' : ` on input item ${itemIndex}`;
	if (!fields.length) return `Fix the field the message names${item}`;
	return `Fix ${fields.map((field) => `"${field}"`).join(' and ')}${item}`;
}

const RATE_LIMIT_REMEDY =
	'A refused request created nothing and cost nothing. Run fewer executions at once on this API key, raise "Seconds Between Requests" in the node options (the standard plan allows 1 request per 3 s; every execution on the key shares it), or ask MusicAPI for a higher limit.';

/**
 * A 429 that outlasted the operation's time: the requests were refused for that long, not retried a few times
 * and dropped. Says how long, so the user can tell a storm from a misconfigured interval.
 */
export function rateLimitOutlasted(mapped: MappedApiError, refusals: number, waitedMs: number): MappedApiError {
	const seconds = Math.round(waitedMs / 1000);
	return {
		...mapped,
		description: `MusicAPI answered 429 (too many requests) ${refusals} time(s) over ${seconds} s, until this operation's time ran out. ${RATE_LIMIT_REMEDY}`,
		details: { ...mapped.details, refusals, waitedSeconds: seconds },
	};
}

/**
 * MusicAPI answers where it is asked; a 3xx comes from a moved Base URL or something in between. It is not followed,
 * because following would send the API key to the address it names (a submit answered 3xx started no job).
 */
function redirectRefused(statusCode: number, location: unknown, context: { method: string; path: string }): MappedApiError {
	const target = typeof location === 'string' ? originOf(location) : undefined;
	return {
		kind: 'bad_response',
		httpCode: String(statusCode),
		message: `MusicAPI answered ${context.method} ${context.path} with a redirect (HTTP ${statusCode}${target ? ` to ${target}` : ''}), which is not followed`,
		description:
			'Redirects are never followed, so the API key is only ever sent to the Base URL. Set the Base URL in the MusicAPI credential to the address MusicAPI answers at directly (by default https://api.musicapi.ai/api/v1, or your own API host), then run again.',
		details: { request: `${context.method} ${context.path}`, httpCode: String(statusCode), ...(target ? { location: target } : {}) },
	};
}

/** Scheme, host and port of a URL (never its user info, path or query, which may carry tokens); undefined when unreadable. */
function originOf(url: string): string | undefined {
	const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#@]+)/i.exec(url.trim());
	return match ? `${match[1]}${match[2]}` : undefined;
}

/** Network-level failures: which ones certainly never reached MusicAPI. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

export function networkErrorCode(error: unknown): string | undefined {
	if (!error || typeof error !== 'object') return undefined;
	const record = error as Record<string, unknown>;
	for (const candidate of [record.code, (record.cause as Record<string, unknown> | undefined)?.code]) {
		if (typeof candidate === 'string') return candidate;
	}
	return undefined;
}

export function neverReachedServer(code: string | undefined): boolean {
	return code !== undefined && NEVER_SENT_CODES.has(code);
}

export function mapNetworkError(code: string | undefined, context: { method: string; path: string }) {
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
	return {
		kind: 'network' as const,
		message: timedOut
			? `MusicAPI did not answer ${context.method} ${context.path} in time`
			: `Could not reach MusicAPI (${code ?? 'network error'})`,
		description:
			'Check the Base URL in the credential and the network between n8n and MusicAPI; raise "Request Timeout" in the node options for slow endpoints.',
		// Not under `code`/`reason`: NodeApiError would replace our message with its generic network text.
		details: { request: `${context.method} ${context.path}`, ...(code ? { failure: code } : {}) } as JsonObject,
	};
}

/**
 * A create whose answer was lost (timeout, reset, ambiguous 5xx, unreadable body) may still have started a paid
 * job: we never send it again, and say so.
 */
export function unconfirmedSubmitError(reason: string, context: { method: string; path: string }): MappedApiError {
	return {
		kind: 'unconfirmed_submit',
		message: `MusicAPI did not confirm ${context.method} ${context.path} (${reason}); it was not sent again`,
		description:
			'The job may or may not have been created. It was not resubmitted so you are never charged twice. Check the MusicAPI dashboard or Credits → Get before running this item again.',
		details: { request: `${context.method} ${context.path}`, failure: reason },
	};
}

/** The credential's secrets that must never show in an item, an error or a log line: the API key, the webhook secret. */
export function credentialSecrets(credentials: Record<string, unknown>): string[] {
	return [credentials.apiKey, credentials.webhookSecret].filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * A parsed answer with every secret removed from its strings (keys included): whatever MusicAPI echoes back — a
 * webhook_secret repeated in a submit answer, a key in a clip's metadata — never reaches an item.
 */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
	if (!secrets.some((secret) => secret && secret.length >= 4)) return value;
	if (typeof value === 'string') return redact(value, secrets);
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([key, entry]) => [redact(key, secrets), redactDeep(entry, secrets)]),
		);
	}
	return value;
}

/**
 * Removes every occurrence of the given secrets from a text: as they are, and as they appear inside JSON text
 * (escaped once, e.g. in a serialised error, and up to three times, e.g. a JSON body quoted in serialised details). A secret with
 * `"` or `\` differs in each form. Longer forms go first, so no half of an escape sequence is left behind.
 */
export function redact(text: string, secrets: readonly string[]): string {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		// Each level of JSON a text went through escapes `"` and `\\` once more; three levels cover a body quoted in
		// an error's details that is itself serialised.
		for (let form = secret, level = 0; level <= 3; level++, form = JSON.stringify(form).slice(1, -1)) forms.add(form);
	}
	let out = text;
	for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
	return out;
}
