import type { ResourceDefinition } from '../../base/operation';
import { get } from './get.operation';

export const credits: ResourceDefinition = {
	value: 'credits',
	// Singular, as n8n names resources; "credits" still finds it in the node picker (codex alias).
	name: 'Account',
	description: 'The credits left on your MusicAPI account',
	operations: [get],
};
