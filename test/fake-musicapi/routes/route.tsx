import type { Charge } from '../credit-ledger';
import type { ApiReply } from '../http/reply';
import type { FakeState } from '../state';

export interface RouteContext {
	state: FakeState;
	apiKey: string;
	params: Record<string, string>;
	query: Record<string, string>;
	/** The JSON body of a POST ({} when empty); {} for GET. */
	body: Record<string, unknown>;
	/** What the pipeline charged before calling `handle` (zero for free calls). */
	charge: Charge;
}

/**
 * One endpoint. The pipeline runs `validate` (throws 400s), checks the moderation marker, charges `cost`,
 * then calls `handle`; if `handle` throws, the charge is refunded.
 */
export interface Route {
	method: 'GET' | 'POST';
	/** Path after /api/v1; `:name` segments become params. */
	path: string;
	validate?(ctx: RouteContext): void;
	cost?(ctx: RouteContext): number;
	/** Synchronous utilities answer the [fake:fail] marker with an error instead (before any charge). */
	syncFailure?: 'server-error' | 'bad-audio-url';
	handle(ctx: RouteContext): ApiReply | Promise<ApiReply>;
}

export function matchRoute(
	routes: readonly Route[],
	method: string,
	path: string,
): { route: Route; params: Record<string, string> } | undefined {
	const segments = path.split('/');
	for (const route of routes) {
		if (route.method !== method) continue;
		const pattern = route.path.split('/');
		if (pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		const ok = pattern.every((part, index) => {
			if (part.startsWith(':')) {
				if (segments[index] === '') return false;
				try {
					params[part.slice(1)] = decodeURIComponent(segments[index]);
					return true;
				} catch {
					return false; // malformed %-escapes: no route matches, the client gets a 404
				}
			}
			return part === segments[index];
		});
		if (ok) return { route, params };
	}
	return undefined;
}
