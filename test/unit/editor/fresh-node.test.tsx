import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeType, INodeTypes } from 'n8n-workflow';

import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';
import { RESOURCES } from '../../../nodes/MusicApi/actions/registry';

const musicApi = new MusicApi();
const { description } = musicApi;

function node(parameters: INodeParameters): INode {
	return { id: 'n', name: 'MusicAPI', type: 'n8n-nodes-musicapi.musicApi', typeVersion: 1, position: [0, 0], parameters };
}

/** What the panel shows for these parameters, as n8n decides it: defaults filled in, displayOptions evaluated. */
function shownProperties(parameters: INodeParameters): INodeProperties[] {
	const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node(parameters), description);
	if (!values) throw new Error('n8n resolved no parameters');
	return description.properties.filter((p) => NodeHelpers.displayParameter(values, p, node(values), description));
}

describe('a fresh node, as the editor shows it', () => {
	// The most used operation is the one a fresh node opens on: Sonic → Create.
	const shown = shownProperties({});
	// Notices and hidden parameters are not fields a user fills in; node settings (isNodeSetting) render in the
	// Settings tab beside n8n's own Retry On Fail, not in the parameter panel.
	const belowOperation = shown
		.slice(shown.findIndex((p) => p.name === 'operation') + 1)
		.filter((p) => p.type !== 'notice' && p.type !== 'hidden' && !p.isNodeSetting);
	const collections = belowOperation.filter((p) => p.type === 'collection' || p.type === 'fixedCollection');
	const fields = belowOperation.filter((p) => !collections.includes(p));

	it('opens on Sonic → Create', () => {
		expect(shown.slice(0, 2).map((p) => [p.name, p.default])).toEqual([
			['resource', 'sonic'],
			['operation', 'create'],
		]);
	});

	it('shows at most 5 fields below Operation', () => {
		expect(fields.map((p) => p.displayName).length).toBeLessThanOrEqual(5);
	});

	it('shows at most 2 collections below Operation', () => {
		expect(collections.map((p) => p.displayName).length).toBeLessThanOrEqual(2);
	});
});

describe('the subtitle under the node names the model family (n8n names the node after its action)', () => {
	const nodeTypes: INodeTypes = {
		getByName: () => musicApi as INodeType,
		getByNameAndVersion: () => musicApi as INodeType,
		getKnownTypes: () => ({}),
	};

	function subtitle(parameters: INodeParameters): unknown {
		const n = node(parameters);
		const workflow = new Workflow({ nodes: [n], connections: {}, active: false, nodeTypes });
		return workflow.expression.getSimpleParameterValue(n, description.subtitle as string, 'internal', {});
	}

	it.each(RESOURCES.map((resource) => [resource.value, resource.name]))('%s → %s', (resource, name) => {
		for (const operation of RESOURCES.find((r) => r.value === resource)!.operations) {
			expect(subtitle({ resource, operation: operation.value })).toBe(name);
		}
	});

	it('does not repeat the action that n8n names the node after', () => {
		expect(subtitle({ resource: 'sonic', operation: 'create' })).not.toMatch(/create/i);
	});
});
