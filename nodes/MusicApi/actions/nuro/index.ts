import type { ResourceDefinition } from '../../base/operation';
import { create } from './create.operation';
import { getTask } from './getTask.operation';

export const nuro: ResourceDefinition = {
	value: 'nuro',
	name: 'Nuro (Legacy)',
	legacy: true,
	description: 'Vocal songs and BGM; retired on a sister MusicAPI host and may be unavailable',
	operations: [create, getTask],
};
