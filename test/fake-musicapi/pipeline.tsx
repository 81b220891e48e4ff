import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { authenticate } from './auth';
import { applyFault } from './fault-responses';
import { ApiError, invalid } from './http/api-error';
import { parseJson, readBody } from './http/read-body';
import { type ApiReply, sendJson } from './http/reply';
import { hasMarker, MARKERS, moderationSnippet } from './markers';
import { serveFile } from './media/file-server';
import { API_ROUTES } from './routes';
import { matchRoute, type RouteContext } from './routes/route';
import { SchedulerCancelled } from './scheduler';
import type { FakeState } from './state';

export const API_PREFIX = '/api/v1';
export const CREDITS_MESSAGE = 'The remaining credits are not enough. You can buy more one-time credit packs or subscribe.';
const BAD_AUDIO_URL_MESSAGE = 'Audio URL is not accessible. Please provide a public direct audio file URL.';

/**
 * One request: log → injected fault → auth → rate limit → route → validation → moderation → credits →
 * handler. Every request except admin ones is logged with the status it got, faults and 401/429 included.
 */
export async function handleRequest(state: FakeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	if (url.pathname === '/__fake' || url.pathname.startsWith('/__fake/')) {
		await handleAdmin(state, req, res, url);
		return;
	}
	const rawBody = await readBody(req);
	const parsed = parseJson(rawBody);
	const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
	const path = isApi ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
	const entry = state.log({ method, path, query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, body: parsed.value, rawBody });
	try {
		const epoch = state.epoch;
		const fault = state.faults.take(method, path);
		if (fault) {
			entry.fault = fault.type;
			if (await applyFault(state, fault, res, entry)) return;
		}
		// Held past a reset (slow fault): the test that sent it is over; answer nothing rather than touch the new state.
		if (state.epoch !== epoch) {
			res.destroy();
			return;
		}
		if (!isApi) {
			if (path.startsWith('/files/')) await serveFile(res, entry, method, path, state.options.largeWavBytes);
			else sendJson(res, entry, 404, { type: 'not_found', error: `Not found: ${method} ${path}` });
			return;
		}
		const reply = await runApiRoute(state, req, method, path, url, parsed);
		sendJson(res, entry, reply.status, reply.body, reply.headers);
	} catch (error) {
		if (error instanceof ApiError) sendJson(res, entry, error.status, error.body, error.headers);
		else if (error instanceof SchedulerCancelled) res.destroy();
		else sendJson(res, entry, 500, { type: 'server_error', error: `Internal Server Error. (fake: ${String((error as Error)?.message ?? error)})` });
	}
}

async function runApiRoute(
	state: FakeState,
	req: IncomingMessage,
	method: string,
	path: string,
	url: URL,
	parsed: { value: unknown; invalid: boolean },
): Promise<ApiReply> {
	const apiKey = authenticate(req.headers.authorization, state.options.apiKeys);
	// Due refunds and webhooks happen before anything reads the state.
	state.tasks.tick();
	const retryAfter = state.limiter.admit(apiKey, state.options.rateLimit, state.now());
	if (retryAfter !== null) throw new ApiError(429, 'rate_limit', 'Too many requests.', { 'Retry-After': String(retryAfter) });
	const matched = matchRoute(API_ROUTES, method, path);
	if (!matched) throw new ApiError(404, 'not_found', `The endpoint ${method} ${API_PREFIX}${path} does not exist.`);
	const { route, params } = matched;
	let body: Record<string, unknown> = {};
	if (method === 'POST') {
		if (parsed.invalid) invalid('The request body is not valid JSON.');
		if (parsed.value !== undefined) {
			if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) invalid('The request body should be a JSON object.');
			body = parsed.value as Record<string, unknown>;
		}
	}
	const ctx: RouteContext = { state, apiKey, params, query: Object.fromEntries(url.searchParams), body, charge: { apiKey, credits: 0, extra: 0 } };
	route.validate?.(ctx);
	const snippet = method === 'POST' ? moderationSnippet(body) : undefined;
	if (snippet !== undefined) throw new ApiError(403, 'forbidden', `Your lyrics contain inappropriate content: '${snippet}'`);
	if (route.syncFailure && hasMarker(body, MARKERS.fail)) {
		if (route.syncFailure === 'bad-audio-url') invalid(BAD_AUDIO_URL_MESSAGE);
		throw new ApiError(500, 'server_error', 'Internal Server Error.');
	}
	const charge = state.ledger.charge(apiKey, route.cost?.(ctx) ?? 0);
	if (!charge) throw new ApiError(state.options.creditErrorStatus, 'forbidden', CREDITS_MESSAGE);
	ctx.charge = charge;
	try {
		const reply = await route.handle(ctx);
		// Counted and started, MusicAPI still works on it (a create can take seconds): the answer comes this much later.
		const processing = state.scaled(state.options.processingMs);
		if (processing > 0) await state.requestTimers.sleep(processing);
		return reply;
	} catch (error) {
		state.ledger.refund(charge);
		throw error;
	}
}
