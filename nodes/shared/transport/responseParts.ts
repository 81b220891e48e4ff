/** Reading the parts of an HTTP answer the client needs: its JSON body, Retry-After, the request id. */

export function parseBody(body: unknown): { value: unknown; ok: boolean } {
	if (typeof body !== 'string') return { value: body, ok: true };
	if (body.trim() === '') return { value: undefined, ok: true };
	try {
		return { value: JSON.parse(body), ok: true };
	} catch {
		return { value: body, ok: false };
	}
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(headers: Record<string, unknown>): number | undefined {
	const value = header(headers, 'retry-after');
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function requestId(headers: Record<string, unknown>): string | undefined {
	return header(headers, 'x-request-id') ?? header(headers, 'request-id');
}
