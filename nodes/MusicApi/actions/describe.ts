import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { completionProperties } from '../helpers/completionFields';
import type { ResourceDefinition } from './types';

/** The Operation dropdown of one resource and every operation's fields, shown only for that operation. */
export function describeResource(resource: ResourceDefinition): INodeProperties[] {
	const firstOperation = resource.operations[0].value;
	const operationDropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		default: firstOperation,
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations.map((op) => ({
			name: op.name,
			value: op.value,
			action: op.action,
			description: op.description,
		})),
	};
	const fields = resource.operations.flatMap((op) =>
		updateDisplayOptions({ show: { resource: [resource.value], operation: [op.value] } }, op.properties),
	);
	const asyncOps = resource.operations.filter((op) => op.mode === 'async').map((op) => op.value);
	const completion = asyncOps.length
		? updateDisplayOptions({ show: { resource: [resource.value], operation: asyncOps } }, completionProperties)
		: [];
	return [operationDropdown, ...fields, ...completion];
}
