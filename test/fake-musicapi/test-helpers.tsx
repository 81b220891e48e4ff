import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeMusicApi } from './index';

/** Answers are read loosely in tests; the expect() calls do the checking. */
export type Json = any;

export interface CallResult<T = Json> {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON, or undefined when the body is not JSON. */
	body: T;
}

/** One call against the fake over real HTTP, with the default test key unless told otherwise. */
export async function call<T = Json>(
	fake: FakeMusicApi,
	method: string,
	path: string,
	body?: unknown,
	options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<CallResult<T>> {
	const headers: Record<string, string> = { ...options.headers };
	const key = options.key === undefined ? 'test-key' : options.key;
	if (key !== null) headers.Authorization = `Bearer ${key}`;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const url = path.startsWith('http') ? path : `${fake.baseUrl}${path}`;
	const response = await fetch(url, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: response.status, headers: response.headers, text, body: parsed as T };
}

export const post = <T = Json>(fake: FakeMusicApi, path: string, body: unknown = {}, key?: string | null): Promise<CallResult<T>> =>
	call<T>(fake, 'POST', path, body, { key });
export const get = <T = Json>(fake: FakeMusicApi, path: string, key?: string | null): Promise<CallResult<T>> => call<T>(fake, 'GET', path, undefined, { key });

/** A minimal valid create body (description mode). */
export const CREATE_BODY = Object.freeze({ custom_mode: false, mv: 'sonic-v5', gpt_description_prompt: 'uplifting synthwave with female vocals' });

/** Submits and returns the task id, failing loudly on anything but 200. */
export async function submit(fake: FakeMusicApi, path: string, body: unknown): Promise<string> {
	const result = await post(fake, path, body);
	if (result.status !== 200 || typeof result.body?.task_id !== 'string') throw new Error(`submit ${path} → ${result.status} ${result.text}`);
	return result.body.task_id as string;
}

/** Moves the fake's clock past the end of every task started with default timings. */
export const FINISH_MS = 61000;

export interface Received {
	headers: http.IncomingHttpHeaders;
	body: string;
	path: string;
}

/** A webhook receiver on 127.0.0.1 that answers `status` (or the next of `statuses`) and records each delivery. */
export async function startReceiver(statuses: number[] = [200]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
	const received: Received[] = [];
	let index = 0;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
			res.writeHead(statuses[Math.min(index++, statuses.length - 1)], { 'Content-Type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
