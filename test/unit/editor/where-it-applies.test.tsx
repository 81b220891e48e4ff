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

describe('Producer reads as what users look for, as Sonic does', () => {
	const shownLabels = (parameters: INodeParameters) => {
		const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node(parameters), description) ?? {};
		return description.properties
			.filter((p) => p.type !== 'hidden' && NodeHelpers.displayParameter(values, p, node(values), description))
			.map((p) => p.displayName);
	};

	it('a new Producer node shows no Task Type and no field called Sound', () => {
		const labels = shownLabels({ resource: 'producer' });
		expect(labels).toEqual(expect.arrayContaining(['Model', 'Music Description', 'Lyrics']));
		expect(labels.filter((label) => /^(Task Type|Sound)$/.test(label))).toEqual([]);
	});

	it('each Producer task type is its own operation', () => {
		const producer = RESOURCES.find((r) => r.value === 'producer');
		expect(producer?.operations.map((op) => op.action)).toEqual(
			expect.arrayContaining([
				'Create background music or a song',
				'Extend music with Producer',
				'Replace a section of music with Producer',
				'Cover music with Producer',
				'Write lyrics with Producer',
				'Make a video of a Producer clip',
			]),
		);
	});
});
