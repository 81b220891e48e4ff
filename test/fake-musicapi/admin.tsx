import type { IncomingMessage, ServerResponse } from 'node:http';
import { mergeOptions } from './defaults';
import { parseJson, readBody } from './http/read-body';
import { sendJson } from './http/reply';
import type { FakeState } from './state';
import type { Fault, FaultMatch, FakeOptions } from './types';

const FAULT_TYPES = ['status', 'reset', 'slow', 'malformed-json', 'html', 'task-lost'];

/**
 * Out-of-process control for e2e tests that drive a real n8n against the CLI server. Not logged, not
 * authenticated, not rate limited.
 */
export async function handleAdmin(state: FakeState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
	const parsed = parseJson(await readBody(req));
	const body = (parsed.value ?? {}) as Record<string, unknown>;
	const answer = (status: number, value: unknown): void => sendJson(res, undefined, status, value);
	if (parsed.invalid) return answer(400, { error: 'The request body is not valid JSON.' });
	switch (route) {
		case 'GET /__fake/requests':
			return answer(200, state.requests);
		case 'GET /__fake/deliveries':
			return answer(200, state.deliveries);
		case 'GET /__fake/options':
			return answer(200, state.options);
		case 'POST /__fake/options':
			return answer(200, mergeOptions(state.options, body as Partial<FakeOptions>));
		case 'POST /__fake/faults': {
			const rule = parseFaultRule(body);
			if (typeof rule === 'string') return answer(400, { error: rule });
			state.faults.add(rule.match, rule.fault, rule.times);
			return answer(200, { ok: true });
		}
		case 'DELETE /__fake/faults':
			state.faults.clear();
			return answer(200, { ok: true });
		case 'POST /__fake/reset':
			state.reset();
			return answer(200, { ok: true });
		case 'GET /__fake/credits':
			return answer(200, state.ledger.balance(url.searchParams.get('key') ?? state.defaultApiKey));
		case 'POST /__fake/credits': {
			const apiKey = typeof body.apiKey === 'string' ? body.apiKey : state.defaultApiKey;
			state.ledger.set(apiKey, Number(body.credits ?? 0), Number(body.extraCredits ?? 0));
			return answer(200, state.ledger.balance(apiKey));
		}
		case 'POST /__fake/advance':
			state.advanceTime(Number(body.ms ?? 0));
			return answer(200, { ok: true });
		default:
			return answer(404, { error: `Unknown admin route ${route}` });
	}
}

/** `{match:{method?, path: "…" | {regex:"…", flags?}}, fault, times?}`; times may be a number or "Infinity". */
function parseFaultRule(body: Record<string, unknown>): { match: FaultMatch; fault: Fault; times: number } | string {
	const match = body.match as Record<string, unknown> | undefined;
	const fault = body.fault as Fault | undefined;
	if (!match || typeof match !== 'object') return 'match is required.';
	if (!fault || typeof fault !== 'object' || !FAULT_TYPES.includes(fault.type)) return `fault.type should be one of ${FAULT_TYPES.join(', ')}.`;
	let path: string | RegExp;
	if (typeof match.path === 'string') path = match.path;
	else if (match.path && typeof (match.path as Record<string, unknown>).regex === 'string') {
		const spec = match.path as { regex: string; flags?: string };
		try {
			path = new RegExp(spec.regex, spec.flags ?? '');
		} catch (error) {
			return `Invalid regex: ${(error as Error).message}`;
		}
	} else return 'match.path should be a string or {regex}.';
	const times = body.times === undefined || body.times === null ? 1 : body.times === 'Infinity' ? Infinity : Number(body.times);
	if (!(times > 0)) return 'times should be a positive number or "Infinity".';
	return { match: { method: typeof match.method === 'string' ? match.method : undefined, path }, fault, times };
}
