import type { INode, INodeCredentials, INodeTypeBaseDescription } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import type { HarnessNodeTypes } from './node-types';
import type { NodeInput } from './types';

/**
 * Fills in what the editor would have put on a saved node. Credentials matter most:
 * n8n only hands a node the credentials referenced in `node.credentials`, so every
 * credential type the node declares and the test supplied is referenced here.
 */
export function completeNodes(
	inputs: readonly NodeInput[],
	nodeTypes: HarnessNodeTypes,
	suppliedCredentialTypes: readonly string[],
): INode[] {
	return inputs.map((input, index) => {
		const baseDescription: INodeTypeBaseDescription & { version?: number | number[] } =
			nodeTypes.getByName(input.type).description;
		const typeVersion = input.typeVersion ?? latestVersion(baseDescription);
		const { description } = nodeTypes.getByNameAndVersion(input.type, typeVersion);

		const credentials: INodeCredentials = {};
		for (const { name } of description.credentials ?? []) {
			if (suppliedCredentialTypes.includes(name)) credentials[name] = { id: name, name };
		}
		Object.assign(credentials, input.credentials);

		return {
			...deepCopy(input),
			id: input.id ?? `harness-node-${index}`,
			name: input.name ?? description.defaults.name ?? description.displayName,
			typeVersion,
			position: input.position ?? [index * 220, 0],
			parameters: deepCopy(input.parameters ?? {}),
			...(Object.keys(credentials).length > 0 && { credentials }),
		};
	});
}

function latestVersion(
	description: INodeTypeBaseDescription & { version?: number | number[] },
): number {
	if (description.defaultVersion !== undefined) return description.defaultVersion;
	const { version } = description;
	if (Array.isArray(version)) return Math.max(...version);
	return version ?? 1;
}
