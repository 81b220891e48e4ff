/** Listing a workflow's executions through n8n's public API, robust to a loaded machine. */
import { HttpError, type Execution, type N8n } from '../harness';
import { waitFor } from './wait';

/**
 * GET on the public API. n8n answers 503 "Database is not ready!" to everything for a while when its database
 * ping (every 2 s, 5 s timeout) fails, which a loaded machine can cause: such answers are retried, never counted.
 */
export async function apiGet<T>(n8n: N8n, apiPath: string): Promise<T> {
	return await waitFor(
		`GET ${apiPath} without a 503`,
		async () => {
			try {
				return await n8n.api<T>('GET', apiPath);
			} catch (error) {
				if (error instanceof HttpError && error.status === 503) return undefined;
				throw error;
			}
		},
		60_000,
		250,
	);
}

/**
 * Every execution of the workflow, oldest first: the public API leaves running ones out unless asked for them
 * alone, so both lists are merged (by id; finished data wins).
 */
export async function allExecutionsOf(n8n: N8n, workflowId: string): Promise<Execution[]> {
	const running = await apiGet<{ data: Execution[] }>(n8n, `/executions?workflowId=${workflowId}&status=running&limit=250`);
	const others = await apiGet<{ data: Execution[] }>(n8n, `/executions?workflowId=${workflowId}&includeData=true&limit=250`);
	const byId = new Map([...running.data, ...others.data].map((e) => [e.id, e]));
	return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}
