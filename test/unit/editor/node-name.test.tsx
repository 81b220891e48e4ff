import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';
import { RESOURCES } from '../../../nodes/MusicApi/actions/registry';

/**
 * How n8n 2.40's editor names a node (editor-ui, node name generation): the `action` of the chosen option in the
 * first Operation property whose `displayOptions.show.resource` includes the resource; without one,
 * "<Operation value, capitalised> <resource value>". And how its node picker lists actions: from the Operation
 * property shown for the resource and for the node's version (`@version`).
 */
const { description } = new MusicApi();
const operations = description.properties.filter((p) => p.name === 'operation');

function generatedName(resource: string, operation: string): string {
	const dropdown = operations.find((p) => (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource));
	const action = (dropdown?.options as INodePropertyOptions[] | undefined)?.find((o) => o.value === operation)?.action;
	return action ?? `${operation[0].toUpperCase()}${operation.slice(1)} ${resource}`;
}

function pickerActions(resource: string): string[] {
	const version = description.version as number;
	const shownForVersion = (p: INodeProperties) => {
		const versions = p.displayOptions?.show?.['@version'];
		return !versions || versions.includes(version);
	};
	const dropdown = operations.find((p) => (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) && shownForVersion(p));
	return ((dropdown?.options ?? []) as INodePropertyOptions[]).map((o) => o.action ?? o.name);
}

describe('n8n names the node after the action of every resource, legacy ones included', () => {
	it.each(RESOURCES.flatMap((r) => r.operations.map((op) => [r.value, op.value, op.action])))('%s → %s is named "%s"', (resource, operation, action) => {
		expect(generatedName(resource, operation)).toBe(action);
	});

	it('the node picker still offers no action of a legacy resource', () => {
		expect(RESOURCES.filter((r) => r.legacy).flatMap((r) => pickerActions(r.value))).toEqual([]);
		expect(pickerActions('sonic').length).toBeGreaterThan(10);
	});
});
