import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';

import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';
import { RESOURCES } from '../../../nodes/MusicApi/actions/registry';

const { description } = new MusicApi();

function node(parameters: INodeParameters): INode {
	return { id: 'n', name: 'MusicAPI', type: 'n8n-nodes-musicapi.musicApi', typeVersion: 1, position: [0, 0], parameters };
}

/** The options "Add Field" offers in a shown collection of this resource and operation, as n8n decides it. */
function offeredOptions(resource: string, operation: string): string[] {
	const values = NodeHelpers.getNodeParameters(description.properties, { resource, operation }, true, false, node({}), description) ?? {};
	const shown = description.properties.filter((p) => p.type === 'collection' && NodeHelpers.displayParameter(values, p, node(values), description));
	return shown.flatMap((collection) =>
		((collection.options ?? []) as INodeProperties[])
			.filter((option) => NodeHelpers.displayParameter({}, option, node(values), description, values))
			.map((option) => `${collection.name}.${option.name}`),
	);
}

describe('Use Suno CDN is offered only where it applies (the Suno path)', () => {
	const where = RESOURCES.flatMap((resource) =>
		resource.operations.filter((op) => offeredOptions(resource.value, op.value).some((o) => o.endsWith('.useSunoCdn'))).map((op) => `${resource.value}/${op.value}`),
	);

	it('on Suno (Legacy) → Create, and on no Sonic operation', () => {
		expect(where).toEqual(['suno/create']);
	});
});
