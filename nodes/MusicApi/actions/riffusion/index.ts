import type { ResourceDefinition } from '../../base/operation';
import { create } from './create.operation';
import { getTask } from './getTask.operation';
import { upload } from './upload.operation';

export const riffusion: ResourceDefinition = {
	value: 'riffusion',
	name: 'Riffusion (Legacy)',
	legacy: true,
	description: 'FUZZ models; deprecated by MusicAPI and may stop working',
	operations: [create, getTask, upload],
};
