import { NodeConnectionTypes } from 'n8n-workflow';

import { HarnessNodeTypes, START_NODE_TYPE } from './node-types';
import { runWorkflow, runWorkflowsAtOnce } from './run-workflow';
import type { HarnessResult, RunNodeOptions, RunWorkflowOptions } from './types';

const START_NODE_NAME = 'Harness Start';

/**
 * Runs one node the way a user would in the editor: a start node (the Manual Trigger's
 * stand-in) emits `items` into the node under test, and its output is the result.
 */
export async function runNode(options: RunNodeOptions): Promise<HarnessResult> {
	return await runWorkflow(asWorkflow(options));
}

/** Several single-node executions at once (see runWorkflowsAtOnce). */
export async function runNodesAtOnce(list: RunNodeOptions[]): Promise<HarnessResult[]> {
	return await runWorkflowsAtOnce(list.map(asWorkflow));
}

function asWorkflow(options: RunNodeOptions): RunWorkflowOptions {
	const { node, ...common } = options;
	// Resolved up front so the connection below uses the name the node will actually get.
	const { description } = new HarnessNodeTypes(options.nodeTypes).getByNameAndVersion(
		node.type,
		node.typeVersion,
	);
	const name = node.name ?? description.defaults.name ?? description.displayName;
	if (name === START_NODE_NAME) throw new Error(`Harness: "${START_NODE_NAME}" is reserved`);

	return {
		...common,
		workflow: {
			nodes: [{ name: START_NODE_NAME, type: START_NODE_TYPE, typeVersion: 1 }, { ...node, name }],
			connections: {
				[START_NODE_NAME]: {
					[NodeConnectionTypes.Main]: [[{ node: name, type: NodeConnectionTypes.Main, index: 0 }]],
				},
			},
		},
		startNode: START_NODE_NAME,
		resultNode: name,
	};
}
