import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';

import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';
import { RESOURCES } from '../../../nodes/MusicApi/actions/registry';

const { description } = new MusicApi();

function node(parameters: INodeParameters): INode {
	return { id: 'n', name: 'MusicAPI', type: 'n8n-nodes-musicapi.musicApi', typeVersion: 1, position: [0, 0], parameters };
}

/** What the editor keeps of a node's parameters after a change (n8n's own resolution: shown parameters only, no defaults). */
function keptAfterChange(parameters: INodeParameters): INodeParameters {
	const kept = NodeHelpers.getNodeParameters(description.properties, parameters, false, false, node(parameters), description);
	if (!kept) throw new Error('n8n resolved no parameters');
	return kept;
}

/** The resources (with an operation) a property is shown for, by n8n's display rules. */
function resourcesShowing(property: INodeProperties): string[] {
	return RESOURCES.filter((resource) =>
		resource.operations.some((op) => {
			const values = NodeHelpers.getNodeParameters(description.properties, { resource: resource.value, operation: op.value }, true, false, node({}), description);
			return values !== null && NodeHelpers.displayParameter(values, property, node(values), description);
		}),
	).map((resource) => resource.value);
}

describe('a model chosen for one resource does not follow the node to another', () => {
	const models = description.properties.filter((p) => p.displayName === 'Model' && p.type === 'resourceLocator');

	it('Sonic → Studio (Legacy) → Sonic leaves no Studio model on the node', () => {
		const studioModel = models.find((p) => resourcesShowing(p).includes('studio'));
		expect(studioModel).toBeDefined();
		const onStudio = keptAfterChange({ resource: 'studio', operation: 'create', prompt: 'jazz' });
		const picked = keptAfterChange({ ...onStudio, [studioModel?.name ?? '']: { __rl: true, mode: 'list', value: 'studio130-v1.5' } });
		expect(JSON.stringify(picked)).toContain('studio130-v1.5');
		const backOnSonic = keptAfterChange({ ...picked, resource: 'sonic', operation: 'create' });
		expect(JSON.stringify(backOnSonic)).not.toContain('studio130-v1.5');
	});

	it('a model parameter name belongs to one model family (Suno (Legacy) Create takes the Sonic models, as its path does)', () => {
		const families = new Map<string, Set<unknown>>();
		for (const property of models) {
			const family = property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod;
			families.set(property.name, (families.get(property.name) ?? new Set()).add(family));
		}
		expect([...families].filter(([, found]) => found.size > 1).map(([name, found]) => `${name}: ${[...found].join(', ')}`)).toEqual([]);
	});
});

describe('model options say what they are', () => {
	it.each(Object.entries(new MusicApi().methods.listSearch))('%s gives every option a one-line description', async (_name, search) => {
		const { results } = await search.call({} as never);
		expect(results.length).toBeGreaterThan(0);
		expect(results.filter((option) => !option.description || option.description.includes('\n')).map((option) => option.name)).toEqual([]);
	});
});
