import type { ResourceDefinition } from '../../base/operation';
import { create } from './create.operation';
import { getTask } from './getTask.operation';

export const studio: ResourceDefinition = {
	value: 'studio',
	name: 'Studio (Legacy)',
	legacy: true,
	description: 'Studio models; marked unavailable in some MusicAPI docs',
	operations: [create, getTask],
};
