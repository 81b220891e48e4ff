/** Minimal HTTP client over Node's fetch: n8n's three faces (REST, public API, webhooks) all speak JSON. */

export interface HttpResponse<T = unknown> {
	status: number;
	headers: Headers;
	/** Raw body text. */
	text: string;
	/** Parsed JSON when the server said JSON (and it parsed), else the text. */
	body: T;
}

export interface RequestOptions {
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are (signed webhooks need the exact bytes). */
	body?: unknown;
	timeoutMs?: number;
}

export class HttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly text: string,
	) {
		super(`${method} ${url} → HTTP ${status}: ${text.slice(0, 2000)}`);
		this.name = 'HttpError';
	}
}

function encodeBody(body: unknown, headers: Record<string, string>): string | Uint8Array | undefined {
	if (body === undefined) return undefined;
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return body;
	if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
	return JSON.stringify(body);
}

/** One request; never throws on an HTTP status (see expectOk). */
export async function request<T = unknown>(method: string, url: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
	const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
	const body = encodeBody(options.body, headers);
	const response = await fetch(url, {
		method,
		headers,
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
	});
	const text = await response.text();
	let parsed: unknown = text;
	if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') {
		try {
			parsed = JSON.parse(text);
		} catch {
			// Keep the text: a test may be checking exactly this malformed answer.
		}
	}
	return { status: response.status, headers: response.headers, text, body: parsed as T };
}

/** Throws HttpError (with the body, which carries n8n's explanation) unless the status is 2xx. */
export function expectOk<T>(method: string, url: string, response: HttpResponse<T>): HttpResponse<T> {
	if (response.status < 200 || response.status >= 300) throw new HttpError(method, url, response.status, response.text);
	return response;
}
