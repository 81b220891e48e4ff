import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { completionProperties } from '../descriptions/completionFields';
import type { ResourceDefinition } from '../base/operation';

/**
 * The Operation dropdown of one resource and every operation's fields, shown only for that operation.
 *
 * Legacy resources stay usable but out of n8n's node picker. The picker (n8n editor-ui,
 * components/Node/NodeCreator/composables/useActionsGeneration.ts, resourceCategories) lists a resource's actions
 * from the Operation property whose `displayOptions.show.resource` includes it, and shows an operation without
 * `action` as "<Resource> <Operation>", so leaving `action` out would not hide it. A legacy resource's Operation
 * dropdown is therefore tied to it by `hide` (every other resource) instead of `show`: the parameter panel shows it
 * exactly when that resource is chosen, and the picker finds no actions for it.
 */
export function describeResource(resource: ResourceDefinition, all: ResourceDefinition[]): INodeProperties[] {
	const onlyFor: IDisplayOptions = resource.legacy
		? { hide: { resource: all.filter((r) => r.value !== resource.value).map((r) => r.value) } }
		: { show: { resource: [resource.value] } };
	const firstOperation = resource.defaultOperation ?? resource.operations[0].value;
	const operationDropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		default: firstOperation,
		noDataExpression: true,
		displayOptions: onlyFor,
		// Sorted by what the user reads, however short the list (n8n's rule asks it from five options on).
		options: resource.operations
			.map((op) => ({ name: operationName(op.action), value: op.value, action: op.action, description: op.description }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
	const asyncOps = resource.operations.filter((op) => op.mode === 'async').map((op) => op.value);
	return [
		operationDropdown,
		...(resource.legacy ? [namingTwin(operationDropdown, resource.value)] : []),
		...resource.operations.flatMap((op) => shownFor(resource.value, [op.value], op.properties)),
		...(asyncOps.length ? shownFor(resource.value, asyncOps, completionProperties) : []),
	];
}

/**
 * n8n names a node after its action and renames it when the action changes. It finds the action in the first
 * Operation property whose `displayOptions.show.resource` includes the resource (editor-ui, node name generation);
 * without one the name is "<operation value> <resource value>": switching to Suno (Legacy) named the node
 * "Create suno". A legacy resource's dropdown is tied by `hide` (see above), so it gets a twin the naming finds:
 * shown for the resource but for no node version (`@version` 0), so the panel never shows it and the node picker,
 * which lists only operations shown for the node's version, offers none of its actions.
 */
function namingTwin(dropdown: INodeProperties, resource: string): INodeProperties {
	return { ...dropdown, displayOptions: { show: { resource: [resource], '@version': [0] } } };
}

/** Words n8n's title case leaves lower-case inside a name. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * One name per action: the Operation dropdown shows the action's own words in title case ("Extract a vocal
 * segment" → "Extract a Vocal Segment"), so the picker and the panel never call one action two things. Product
 * names and acronyms keep their capitals.
 */
export function operationName(action: string): string {
	return action
		.split(' ')
		.map((word, i) =>
			i > 0 && SMALL_WORDS.has(word) ? word : word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word,
		)
		.join(' ');
}

/**
 * Fields shown only for this resource and these operations. Resource and operation come first in the show
 * conditions: n8n reads a condition on an expression as met, so a field's own condition (say, on a Task Type
 * given as an expression) must never be the one that decides.
 */
function shownFor(resource: string, operations: string[], properties: INodeProperties[]): INodeProperties[] {
	return properties.map((p) => ({
		...p,
		displayOptions: { ...p.displayOptions, show: { resource: [resource], operation: operations, ...p.displayOptions?.show } },
	}));
}
