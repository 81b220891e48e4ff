import { NodeConnectionTypes } from 'n8n-workflow';

import { HarnessNodeTypes, START_NODE_TYPE } from './node-types';
import { runWorkflow } from './run-workflow';
import type { HarnessResult, RunNodeOptions } from './types';

const START_NODE_NAME = 'Harness Start';

/**
 * Runs one node the way a user would in the editor: a start node (the Manual Trigger's
 * stand-in) emits `items` into the node under test, and its output is the result.
 */
export async function runNode(options: RunNodeOptions): Promise<HarnessResult> {
	const { node, ...common } = options;
	// Resolved up front so the connection below uses the name the node will actually get.
	const { description } = new HarnessNodeTypes(options.nodeTypes).getByNameAndVersion(
		node.type,
		node.typeVersion,
	);
	const name = node.name ?? description.defaults.name ?? description.displayName;
	if (name === START_NODE_NAME) throw new Error(`Harness: "${START_NODE_NAME}" is reserved`);

	return await runWorkflow({
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
	});
}
