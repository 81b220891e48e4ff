import type { ServerResponse } from 'node:http';
import type { LoggedRequest } from '../types';

/** What a route hands back; the pipeline writes it. */
export interface ApiReply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/** Writes a JSON answer and records its status in the request log entry. */
export function sendJson(
	res: ServerResponse,
	entry: LoggedRequest | undefined,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	sendRaw(res, entry, status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export function sendRaw(
	res: ServerResponse,
	entry: LoggedRequest | undefined,
	status: number,
	text: string,
	headers: Record<string, string>,
): void {
	if (entry) entry.status = status;
	if (res.headersSent || res.destroyed) return;
	const payload = Buffer.from(text, 'utf8');
	res.writeHead(status, { ...headers, 'Content-Length': String(payload.length) });
	res.end(payload);
}
