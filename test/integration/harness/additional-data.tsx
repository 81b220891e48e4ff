import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

const BASE_URL = 'http://localhost:5678';

function unavailable(what: string) {
	return async (): Promise<never> => {
		throw new UnexpectedError(`Harness: ${what} is not available in the node test harness`);
	};
}

/**
 * What the n8n server hands the engine per execution (packages/cli WorkflowExecuteAdditionalData).
 * Only the parts a regular node can reach are real; sub-workflows, task runners and AI
 * agents fail loudly instead of silently doing nothing.
 */
export function buildAdditionalData(params: {
	credentialsHelper: ICredentialsHelper;
	hooks: ExecutionLifecycleHooks;
	workflowId: string;
	executionId: string;
}): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: params.credentialsHelper,
		hooks: params.hooks,
		workflowId: params.workflowId,
		executionId: params.executionId,
		rootExecutionMode: 'manual',
		currentNodeExecutionIndex: 0,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		// The server pushes these to the editor; the run's IRun carries the final status anyway.
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: unavailable('executeWorkflow (sub-workflows)'),
		startRunnerTask: unavailable('startRunnerTask (task runners)'),
	};
}
