import type { ResourceDefinition } from '../types';
import { create } from './create.operation';
import { getBatch } from './getBatch.operation';
import { getTask } from './getTask.operation';
import { sonicTools } from './tools';
import { sonicUtilities } from './utilities';

export const sonic: ResourceDefinition = {
	value: 'sonic',
	name: 'Sonic',
	description: 'Vocal and instrumental songs, lyrics, stems, WAV, MIDI and voice tools',
	operations: [create, getTask, getBatch, ...sonicUtilities, ...sonicTools],
};
