import type { ResourceDefinition } from '../../base/operation';
import { create } from './create.operation';
import { download } from './download.operation';
import { getTask } from './getTask.operation';
import { upload } from './upload.operation';

export const producer: ResourceDefinition = {
	value: 'producer',
	name: 'Producer',
	description: 'Background music, instrumentals and songs from a sound description (FUZZ / Lyria)',
	operations: [create, getTask, upload, download],
};
