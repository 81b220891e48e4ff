/**
 * Runs nodes once in the real n8n and returns their output: a core Webhook node (typeVersion 2, responseMode
 * "lastNode", responseData "allEntries") feeds the entry node, so the HTTP answer is the last node's items and
 * a node error answers HTTP 500. Simpler and faster than the CLI (`n8n execute` boots n8n again each time).
 */
import { randomUUID } from 'node:crypto';

import type { N8n } from './n8n';
import type { Connections, Execution, Workflow, WorkflowNode } from './workflows';

export const WRAPPER_WEBHOOK_NODE = 'E2E Webhook';

export interface WebhookRunOptions {
	/** Node that receives the webhook item; default: the first node given. */
	entryNode?: string;
	/** JSON posted to the webhook; the entry node sees it as `$json.body`. */
	input?: unknown;
	settings?: Record<string, unknown>;
	/** Leave the workflow published (e.g. to inspect it); default: unpublish and delete it afterwards. */
	keepWorkflow?: boolean;
}

export interface WebhookRunResult<T = Record<string, unknown>> {
	status: number;
	/** The last node's output items (`json` of each) when status is 200; else n8n's error body. */
	body: T[] | unknown;
	items: T[];
	workflow: Workflow;
	execution: Execution;
}

export async function runWorkflowViaWebhook<T = Record<string, unknown>>(
	n8n: N8n,
	nodes: WorkflowNode[],
	connections: Connections,
	options: WebhookRunOptions = {},
): Promise<WebhookRunResult<T>> {
	const entry = options.entryNode ?? nodes[0]?.name;
	if (!entry) throw new Error('runWorkflowViaWebhook needs at least one node');
	const webhookPath = `e2e-${randomUUID()}`;
	const webhook: WorkflowNode = {
		name: WRAPPER_WEBHOOK_NODE,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
	const workflow = await n8n.createWorkflow({
		name: `e2e run ${webhookPath}`,
		nodes: [webhook, ...nodes],
		connections: { ...connections, [WRAPPER_WEBHOOK_NODE]: { main: [[{ node: entry, type: 'main', index: 0 }]] } },
		settings: options.settings,
	});
	try {
		await n8n.activate(workflow.id);
		const response = await n8n.callWebhook<T[]>('POST', webhookPath, options.input ?? {}, { retryUntilRegistered: true });
		const [execution] = await n8n.waitForExecutions(workflow.id, 1, 30_000);
		const items = response.status === 200 && Array.isArray(response.body) ? response.body : [];
		return { status: response.status, body: response.body, items, workflow, execution };
	} finally {
		if (!options.keepWorkflow) {
			await n8n.deactivate(workflow.id).catch(() => undefined);
			await n8n.deleteWorkflow(workflow.id);
		}
	}
}
