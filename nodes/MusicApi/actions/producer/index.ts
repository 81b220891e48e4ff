import type { ResourceDefinition } from '../../base/operation';
import { create } from './create.operation';
import { download } from './download.operation';
import { getTask } from './getTask.operation';
import { coverMusic, extendMusic, replaceSection, videoClip, writeLyrics } from './intents';
import { upload } from './upload.operation';

export const producer: ResourceDefinition = {
	value: 'producer',
	name: 'Producer',
	description: 'Background music, instrumentals and songs from a description of the music (FUZZ / Lyria)',
	defaultOperation: 'create',
	// Each task type its own operation, as Sonic's song intents; n8n lists options alphabetically.
	operations: [create, extendMusic, replaceSection, coverMusic, writeLyrics, videoClip, getTask, upload, download].sort((a, b) =>
		a.name.localeCompare(b.name),
	),
};
