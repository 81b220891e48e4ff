import type { Route } from './route';

/** `{credits, extra_credits}` with no envelope (contract §3.10). */
export const accountRoutes: Route[] = [
	{
		method: 'GET',
		path: '/get-credits',
		handle: (ctx) => ({ status: 200, body: ctx.state.ledger.balance(ctx.apiKey) }),
	},
];
