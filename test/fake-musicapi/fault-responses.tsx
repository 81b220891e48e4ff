import type { ServerResponse } from 'node:http';
import { sendJson, sendRaw } from './http/reply';
import type { FakeState } from './state';
import type { Fault, LoggedRequest } from './types';

const STATUS_ERRORS: Record<number, { type: string; error: string }> = {
	200: { type: 'success', error: '' },
	404: { type: 'not_found', error: 'Not found.' },
	405: { type: 'method_not_allowed', error: 'Method not allowed.' },
	429: { type: 'rate_limit', error: 'Too many requests.' },
	500: { type: 'server_error', error: 'Internal Server Error.' },
	502: { type: 'server_error', error: 'Bad Gateway.' },
	503: { type: 'server_error', error: 'Service Unavailable.' },
	504: { type: 'server_error', error: 'Gateway Timeout.' },
};

/** What a proxy in front of the API answers when the upstream is down: HTML, not JSON. */
function htmlPage(status: number): string {
	const title = `${status} ${status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Temporarily Unavailable' : 'Error'}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * Applies an injected fault. Returns true when the fault answered the request (or killed it); false when
 * the request should go on normally (a slow fault only delays it).
 */
export async function applyFault(state: FakeState, fault: Fault, res: ServerResponse, entry: LoggedRequest): Promise<boolean> {
	switch (fault.type) {
		case 'status': {
			const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
			if (fault.body !== undefined) {
				const json = isJson(fault.body);
				sendRaw(res, entry, fault.status, fault.body, { 'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', ...headers });
			} else {
				sendJson(res, entry, fault.status, STATUS_ERRORS[fault.status] ?? { type: 'server_error', error: 'Server error.' }, headers);
			}
			return true;
		}
		case 'reset':
			entry.status = 0;
			// Without an answer: the client sees ECONNRESET / "socket hang up".
			res.socket?.destroy();
			return true;
		case 'slow':
			await state.requestTimers.sleep(fault.delayMs);
			return false;
		case 'malformed-json':
			sendRaw(res, entry, 200, '{"code":200,"message":"success","data":[{"clip_id":"', { 'Content-Type': 'application/json; charset=utf-8' });
			return true;
		case 'html': {
			const status = fault.status ?? 502;
			sendRaw(res, entry, status, htmlPage(status), { 'Content-Type': 'text/html; charset=utf-8' });
			return true;
		}
		case 'task-lost':
			sendJson(res, entry, 400, { type: 'validation_error', error: 'task not found.' });
			return true;
	}
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}
