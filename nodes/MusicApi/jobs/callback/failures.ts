import type { INode, IWebhookFunctions } from 'n8n-workflow';

// How a resumed "Wait for Callback" node reports failed jobs. What n8n 2.40.7 allows on resume (read in its
// source): WaitingWebhooks.getWebhookExecutionData (packages/cli/src/webhooks/waiting-webhooks.ts) marks the
// waiting node disabled and calls the node's webhook with the waiting execution's run data;
// webhook-helpers.ts prepareExecutionData puts the webhook's items on the node's execution stack entry (keeping
// its metadata, adding forwardAllOutputs); WorkflowExecute.runNode (packages/core/src/execution-engine/
// workflow-execute.ts) then, *before* the disabled pass-through, fails the node with `metadata.resumeError` if one
// is set — the path n8n itself uses when a sub-workflow it waited for failed (workflow-helpers.ts) — and after a
// run, processNodeOutput → handleNodeErrorOutput moves items carrying `error` to the error output when "On Error"
// is "Continue (using error output)". A webhook cannot add execution hints (no addExecutionHints on
// IWebhookFunctions), and throwing from the webhook answers 500 and wipes the run data. So:
// - "Stop Workflow": the node fails with the same error poll mode throws (task ids, reasons, finished jobs);
// - "Continue (using error output)": each failed job's item (it carries `error`) goes to the error output;
// - "Continue": the failed job's item, with its error, stays on the regular output.

/** Whether the node's "On Error" setting continues (on either output) instead of stopping the workflow. */
export function continuesOnFail(node: INode): boolean {
	return node.continueOnFail === true || node.onError === 'continueRegularOutput' || node.onError === 'continueErrorOutput';
}

interface StackEntry {
	node?: { name?: string };
	metadata?: Record<string, unknown>;
}

/**
 * Sets `error` as the resuming node's resumeError, so n8n fails the node (and, with "Stop Workflow", the
 * execution) with it. The waiting execution's run data is the webhook context's own (WebhookContext gets it from
 * WebhookService.runWebhook); false when this n8n does not hand it over, and the caller falls back to error items.
 */
export function failResumedNode(fn: IWebhookFunctions, error: Error): boolean {
	const runData = (fn as unknown as { runExecutionData?: { executionData?: { nodeExecutionStack?: StackEntry[] } } }).runExecutionData;
	const entry = runData?.executionData?.nodeExecutionStack?.[0];
	if (!entry || entry.node?.name !== fn.getNode().name) return false;
	entry.metadata = { ...(entry.metadata ?? {}), resumeError: error };
	return true;
}
