import type { IDataObject, INode, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { MusicApi } from '../nodes/MusicApi/MusicApi.node';

/** Reading the node's own description the way n8n's editor does: what a node with these parameters shows. */
export const description = new MusicApi().description;

const node = (parameters: INodeParameters): INode => ({
	id: 'n',
	name: 'MusicAPI',
	type: 'n8n-nodes-musicapi.musicApi',
	typeVersion: 1,
	position: [0, 0],
	parameters,
});

/** The parameters n8n keeps for a node: declared, displayed, defaults filled in. */
export function resolvedParameters(parameters: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node(parameters), description) ?? {};
}

/** The top-level properties the parameter panel shows (not the Settings tab, not hidden ones). */
export function shownProperties(parameters: INodeParameters): INodeProperties[] {
	const values = resolvedParameters(parameters);
	return description.properties.filter(
		(p) =>
			!p.isNodeSetting &&
			p.type !== 'hidden' &&
			NodeHelpers.displayParameter(values, p, node(values), description),
	);
}

/** Every resource and operation of the node, from the description (a new operation is included by itself). */
export function allOperations(): Array<{ resource: string; operation: string; name: string }> {
	const resources = description.properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
	return resources.flatMap((resource) => {
		const values = resolvedParameters({ resource: resource.value as string });
		const dropdown = description.properties.find(
			(p) => p.name === 'operation' && NodeHelpers.displayParameter(values, p, node(values), description),
		);
		return ((dropdown?.options ?? []) as INodePropertyOptions[]).map((op) => ({
			resource: resource.value as string,
			operation: op.value as string,
			name: `${resource.name} → ${op.name}`,
		}));
	});
}

/** The options of a collection the panel offers in "Add Field"/"Add Option" for these parameters. */
export function collectionOptions(parameters: INodeParameters, collection: string): string[] {
	const values = resolvedParameters(parameters);
	const property = shownProperties(parameters).find((p) => p.name === collection);
	return ((property?.options ?? []) as INodeProperties[])
		.filter((o) => NodeHelpers.displayParameter(values, o, node(values), description, values as IDataObject as INodeParameters))
		.map((o) => o.displayName);
}
