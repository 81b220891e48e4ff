import type { ResourceDefinition } from '../types';
import { get } from './get.operation';

export const credits: ResourceDefinition = {
	value: 'credits',
	name: 'Credits',
	operations: [get],
};
