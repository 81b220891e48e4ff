import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError, sleepUnlessCancelled } from './nodeError';

import {
	isFinalTaskTimeout,
	mapHttpError,
	type FieldNames,
	mapNetworkError,
	rateLimitOutlasted,
	networkErrorCode,
	neverReachedServer,
	credentialSecrets,
	redact,
	redactDeep,
	unconfirmedSubmitError,
	type MappedApiError,
} from './errors';
import { budgetKey, spacerFor, type RequestSpacer } from './RequestSpacer';
import { CREDENTIAL_NAME, DEFAULT_BASE_URL } from '../constants';
export { CREDENTIAL_NAME } from '../constants';
import { parseBody, requestId, retryAfterMs } from './responseParts';
export { retryAfterMs } from './responseParts';

export type ApiContext = IExecuteFunctions | IWebhookFunctions;

export interface RequestSettings {
	/** Retries after the first attempt, for the failures that may be retried (a 429 is not one: see below). */
	maxRetries: number;
	/** Minimum gap between two requests on this API key (all executions of the process); 0 turns spacing off. */
	intervalMs: number;
	/** First backoff; doubles each retry (with jitter), capped at 60 s. */
	retryDelayMs: number;
	timeoutMs: number;
	/**
	 * How long a request keeps waiting out 429s when the operation has no deadline of its own (a request that
	 * belongs to a wait for results carries that wait's deadline instead).
	 */
	rateLimitWaitMs: number;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	maxRetries: 3,
	intervalMs: 3000,
	retryDelayMs: 1000,
	timeoutMs: 60_000,
	rateLimitWaitMs: 10 * 60_000,
};

export interface ApiRequest {
	method: 'GET' | 'POST';
	/** Path below the base URL, e.g. `/sonic/create`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/**
	 * `submit` starts billable work and is never sent twice unless the first attempt certainly did not arrive
	 * (429, 503, connection refused); `read` (polls, GETs) is safe to repeat.
	 */
	kind: 'submit' | 'read';
	/**
	 * For a read that only asks whether a job is done before anything says it could be (the scout's poll): how long
	 * it lets waiting submits and reads on the key go first (see RequestSpacer).
	 */
	yieldForMs?: number;
	/** Overrides the node's request timeout (the sync upload takes ~20 s). Any 2xx answer counts as success. */
	timeoutMs?: number;
	/**
	 * The operation's own deadline (ms since epoch), e.g. the end of a wait for results: until then a 429 is
	 * waited out. Defaults to `rateLimitWaitMs` from the first attempt.
	 */
	deadline?: number;
	/** API field → panel name, so MusicAPI's errors name fields as the panel does. */
	fieldNames?: FieldNames;
	/** A batch: its errors blame no one input item. */
	manyItems?: boolean;
}

export interface ApiResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
	/** Set when MusicAPI refused the request with 429 before answering it: the answer came late. */
	rateLimited?: boolean;
}

interface Attempt {
	response?: ApiResponse;
	networkCode?: string;
	unreadable?: boolean;
}

/**
 * The one place that talks HTTP to MusicAPI: base URL and auth from the credential (n8n injects the bearer
 * token), request spacing shared per API key, retries with backoff and Retry-After, and the single error
 * mapping of docs/reliability.md.
 *
 * A 429 means the request was not served: a refused create created nothing and a refused read is free to
 * repeat. So 429s are waited out (Retry-After, else backoff) until the operation's deadline and never use up
 * the retries meant for real failures — giving up after three would turn a busy minute into failed runs and,
 * for polls, into paid songs the workflow never receives.
 */
export class MusicApiClient {
	private constructor(
		private readonly ctx: ApiContext,
		readonly baseUrl: string,
		private readonly secrets: string[],
		readonly settings: RequestSettings,
		private readonly spacer: RequestSpacer,
		/** Names the rate budget (a hash of the key, and the host) for what else is shared per key. */
		readonly budget: string,
	) {}

	/** `given`: the MusicAPI credential when the caller has already read it (read here otherwise). */
	static async create(
		ctx: ApiContext,
		settings: Partial<RequestSettings> = {},
		given?: ICredentialDataDecryptedObject,
	): Promise<MusicApiClient> {
		const credentials = given ?? (await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_NAME));
		const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
		const secrets = credentialSecrets(credentials);
		const merged = { ...DEFAULT_REQUEST_SETTINGS, ...definedOnly(settings) };
		// MusicAPI limits requests per key, so every execution using this key on this host shares one budget.
		const apiKey = String(credentials.apiKey ?? '');
		return new MusicApiClient(ctx, baseUrl, secrets, merged, spacerFor(apiKey, baseUrl), budgetKey(apiKey, baseUrl));
	}

	/** Masks one more secret in everything this client returns, throws and logs (callback mode's derived secret). */
	redactAlso(secret: string): void {
		if (secret && !this.secrets.includes(secret)) this.secrets.push(secret);
	}

	get node() {
		return this.ctx.getNode();
	}

	get cancelSignal(): AbortSignal | undefined {
		return 'getExecutionCancelSignal' in this.ctx ? this.ctx.getExecutionCancelSignal() : undefined;
	}

	/**
	 * Sends one request; resolves with any 2xx answer (and, for reads, with a task poll's final 504 timeout, which is
	 * the job's answer: see isFinalTaskTimeout), throws a mapped NodeApiError otherwise.
	 */
	async request(req: ApiRequest, itemIndex = 0): Promise<ApiResponse> {
		const where = { method: req.method, path: req.path };
		const firstAt = Date.now();
		const deadline = req.deadline ?? firstAt + this.settings.rateLimitWaitMs;
		const { intervalMs } = this.settings;
		let failures = 0;
		let refusals = 0;
		for (;;) {
			const ticket = await this.spacer.acquire(req.kind, intervalMs, this.cancelSignal, req.yieldForMs).catch((error: unknown) => {
				throw asNodeError(this.node, error, itemIndex);
			});
			const result = await this.send(req).catch((error: unknown) => {
				this.spacer.release(ticket);
				throw error;
			});
			const { response } = result;
			const served = response !== undefined && response.statusCode >= 200 && response.statusCode < 300 && !result.unreadable;
			this.spacer.release(ticket, served);

			const final = req.kind === 'read' && response !== undefined && isFinalTaskTimeout(response.statusCode, response.body);
			if (response && (served || final)) {
				return { ...response, body: redactDeep(response.body, this.secrets), ...(refusals ? { rateLimited: true } : {}) };
			}

			if (response?.statusCode === 429) {
				refusals++;
				const left = deadline - Date.now();
				if (left <= 0) {
					const mapped = mapHttpError(429, response.body, where);
					throw this.error(rateLimitOutlasted(mapped, refusals, Date.now() - firstAt), itemIndex);
				}
				// Retry-After 0 (or none) must not turn a storm into a tight loop.
				const told = retryAfterMs(response.headers) ?? this.backoff(refusals - 1);
				const wait = Math.min(Math.max(told, this.settings.retryDelayMs), left);
				// The whole key waits: the next request of any execution would only be refused too.
				this.spacer.pushBack(wait);
				this.log(`MusicAPI rate limit on ${req.method} ${req.path}; retrying in ${wait} ms`);
				continue;
			}
			const retriable = this.isRetriable(req, result);
			if (retriable && failures < this.settings.maxRetries) {
				const wait = this.backoff(failures);
				failures++;
				this.log(`MusicAPI ${describe(result)} on ${req.method} ${req.path}; retry ${failures} in ${wait} ms`);
				await sleepUnlessCancelled(this.node, wait, this.cancelSignal);
				continue;
			}
			if (!retriable && req.kind === 'submit' && this.ambiguous(result)) {
				throw this.error(unconfirmedSubmitError(describe(result), where), itemIndex);
			}
			if (result.networkCode !== undefined || !response) {
				throw this.error(mapNetworkError(result.networkCode, where), itemIndex);
			}
			if (result.unreadable) {
				throw this.error(
					{
						kind: 'bad_response',
						message: `MusicAPI answered ${req.method} ${req.path} with a body that is not JSON`,
						description: 'MusicAPI or a proxy in between sent an unreadable answer; run again later.',
						details: { request: `${req.method} ${req.path}`, httpCode: String(response.statusCode) },
					},
					itemIndex,
				);
			}
			const answer = { requestId: requestId(response.headers), location: response.headers.location };
			throw this.error(mapHttpError(response.statusCode, response.body, { ...where, ...answer, fieldNames: req.fieldNames, itemIndex: req.manyItems ? undefined : itemIndex }), itemIndex);
		}
	}

	/** Fails with a NodeApiError carrying a user message, remedy and the item index. */
	error(mapped: Omit<MappedApiError, 'kind'> & { kind: string }, itemIndex: number): NodeApiError {
		const clean = (text: string) => redact(text, this.secrets);
		const details = JSON.parse(clean(JSON.stringify(mapped.details))) as JsonObject;
		const error = new NodeApiError(this.ctx.getNode(), { ...details, kind: mapped.kind }, {
			message: clean(mapped.message),
			description: clean(mapped.description),
			httpCode: mapped.httpCode,
			itemIndex,
		});
		// NodeApiError swaps any message naming a network code (ECONNRESET…) for its generic text; ours says more.
		error.message = clean(mapped.message);
		return error;
	}

	private async send(req: ApiRequest): Promise<Attempt> {
		const options: IHttpRequestOptions = {
			method: req.method,
			url: `${this.baseUrl}${req.path}`,
			qs: req.qs,
			body: req.body,
			json: req.body !== undefined,
			// Parse ourselves: proxies answer HTML and faults answer half a JSON document; both must be seen as such.
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: req.timeoutMs ?? this.settings.timeoutMs,
			abortSignal: this.cancelSignal,
			// n8n would follow a redirect and re-send the key to any origin: a 3xx is an error instead (mapHttpError).
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		};
		let raw: { statusCode: number; body: unknown; headers: Record<string, unknown> };
		try {
			raw = (await this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, CREDENTIAL_NAME, options)) as typeof raw;
		} catch (error) {
			if (this.cancelSignal?.aborted) throw asNodeError(this.node, error);
			return { networkCode: networkErrorCode(error) ?? 'UNKNOWN' };
		}
		const { value, ok } = parseBody(raw.body);
		const response = { statusCode: raw.statusCode, body: value, headers: raw.headers ?? {} };
		// An unreadable success is a broken answer; an unreadable error page is still an error with a status.
		return { response, unreadable: !ok && raw.statusCode >= 200 && raw.statusCode < 300 };
	}

	private isRetriable(req: ApiRequest, result: Attempt): boolean {
		const status = result.response?.statusCode;
		if (req.kind === 'read') {
			return result.networkCode !== undefined || result.unreadable === true || (status !== undefined && status >= 500);
		}
		// A create is repeated only when it certainly did not start a job.
		return status === 503 || neverReachedServer(result.networkCode);
	}

	private ambiguous(result: Attempt): boolean {
		const status = result.response?.statusCode;
		return result.networkCode !== undefined || result.unreadable === true || (status !== undefined && status >= 500);
	}

	private backoff(attempt: number): number {
		const base = this.settings.retryDelayMs * 2 ** attempt;
		return Math.min(60_000, Math.round(base * (0.8 + Math.random() * 0.4)));
	}

	private log(message: string) {
		this.ctx.logger.info(redact(message, this.secrets));
	}
}

function definedOnly<T extends object>(value: Partial<T>): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

function describe(result: Attempt): string {
	if (result.networkCode) return result.networkCode;
	if (result.unreadable) return 'unreadable answer';
	return `HTTP ${result.response?.statusCode}`;
}
