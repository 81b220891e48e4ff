import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { INode, INodeExecutionData, IRun, IWorkflowBase } from 'n8n-workflow';
import { Workflow, createRunExecutionData, deepCopy } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { completeNodes } from './complete-node';
import { HarnessCredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { driveExecution } from './drive-execution';
import { installEnvironment, type HarnessEnvironment } from './environment';
import { HarnessNodeTypes, START_NODE_TYPE } from './node-types';
import { buildResult, readStoredBinaries } from './result';
import type { HarnessResult, RunWorkflowOptions } from './types';

const WORKFLOW_ID = 'harness-workflow';
let executionCounter = 0;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a workflow in n8n-core's WorkflowExecute, as a manual execution from the editor.
 * Runs are queued one at a time: n8n-core reads its services from one process-wide DI
 * container, so two runs with different binary modes or loggers must not overlap
 * (runWorkflowsAtOnce runs a group that shares one environment concurrently).
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<HarnessResult> {
	const [result] = await runWorkflowsAtOnce([options]);
	return result;
}

/**
 * Runs several executions concurrently, as an n8n instance does when many webhooks arrive at once (they share
 * one environment, hence one binary mode, taken from the first; every result carries the logs of all of them).
 * The group as a whole still waits its turn behind other runs.
 */
export async function runWorkflowsAtOnce(list: RunWorkflowOptions[]): Promise<HarnessResult[]> {
	const run = queue.then(async () => {
		const env = await installEnvironment(list[0]?.binaryMode ?? 'default');
		try {
			return await Promise.all(list.map(async (options) => await execute(options, env)));
		} finally {
			await env.dispose();
		}
	});
	queue = run.catch(() => undefined);
	return await run;
}

async function execute(options: RunWorkflowOptions, env: HarnessEnvironment): Promise<HarnessResult> {
	const nodeTypes = new HarnessNodeTypes(options.nodeTypes);
	const credentials = options.credentials ?? {};
	const credentialsHelper = new HarnessCredentialsHelper(
		new HarnessCredentialTypes(options.credentialTypes ?? []),
		credentials,
	);
	const nodes = completeNodes(options.workflow.nodes, nodeTypes, Object.keys(credentials));
	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: options.workflow.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections: options.workflow.connections,
		// v1 is what every workflow created in n8n 1.x+ uses.
		settings: { executionOrder: 'v1', ...options.workflowSettings },
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes });
	const startNode = pickStartNode(workflow, options.startNode);

	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	const additionalData = buildAdditionalData({
		credentialsHelper,
		hooks,
		workflowId: WORKFLOW_ID,
		executionId,
	});

	// Copied: the engine writes pairedItem and more into the items it is given.
	const items: INodeExecutionData[] = deepCopy(options.items ?? [{ json: {} }]);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [items] }, source: null }],
		},
	});
	const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const run: IRun = await driveExecution(
		() => workflowExecute.processRunExecutionData(workflow),
		options,
	);

	return buildResult({
		run,
		resultNode: options.resultNode ?? run.data.resultData.lastNodeExecuted,
		logger: env.logger,
		executionOrder,
		binaryDataService: env.binaryDataService,
		storedBinaries: options.keepBinaries === false ? new Map() : await readStoredBinaries(run, env.binaryDataService),
	});
}

/**
 * The named node; else a harness start node; else n8n's own choice (a trigger); else the
 * first node nothing feeds into — getStartNode() alone only knows trigger-type nodes.
 */
function pickStartNode(workflow: Workflow, name: string | undefined): INode {
	const nodes = Object.values(workflow.nodes);
	const node = name
		? workflow.getNode(name)
		: (nodes.find((candidate) => candidate.type === START_NODE_TYPE) ??
			workflow.getStartNode() ??
			nodes.find((candidate) => !workflow.connectionsByDestinationNode[candidate.name]));
	if (!node) {
		throw new Error(`Harness: start node ${name ? `"${name}" ` : ''}not found in the workflow`);
	}
	return node;
}
