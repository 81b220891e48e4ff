import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, UnexpectedError } from 'n8n-workflow';

export type AnyNodeType = INodeType | IVersionedNodeType;
export type NodeTypeInput = AnyNodeType | (new () => AnyNodeType);

export const START_NODE_TYPE = 'n8n-nodes-harness.start';

/**
 * The harness' stand-in for the Manual Trigger (n8n-nodes-base is not installed here):
 * it has no inputs, so the engine starts from it, and it emits exactly the items the
 * test put on the execution stack, so tests control what the node under test receives.
 */
export class HarnessStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: START_NODE_TYPE,
		group: ['trigger'],
		version: 1,
		description: 'Emits the items given to the test harness',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * INodeTypes over the classes a test hands in. Registered under the description's name
 * and also found by the part after the last dot, so both `musicApi` and the installed
 * name `n8n-nodes-musicapi.musicApi` resolve.
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, AnyNodeType>();

	constructor(inputs: readonly NodeTypeInput[]) {
		for (const input of [HarnessStart, ...inputs]) {
			const nodeType = typeof input === 'function' ? new input() : input;
			this.byName.set(nodeType.description.name, nodeType);
		}
	}

	getByName(nodeType: string): AnyNodeType {
		const found = this.byName.get(nodeType) ?? this.byName.get(nodeType.split('.').pop() ?? '');
		if (!found) {
			throw new UnexpectedError(
				`Harness: unknown node type "${nodeType}" (known: ${[...this.byName.keys()].join(', ')})`,
			);
		}
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.byName.keys()].map((name) => [name, {}]));
	}
}
