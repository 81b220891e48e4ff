import type { ResourceDefinition } from '../../base/operation';
import { addInstrumental } from './addInstrumental.operation';
import { addVocals } from './addVocals.operation';
import { concat } from './concat.operation';
import { cover } from './cover.operation';
import { create } from './create.operation';
import { getBatch } from './getBatch.operation';
import { createWithPersona } from './createWithPersona.operation';
import { extend } from './extend.operation';
import { getTask } from './getTask.operation';
import { remaster } from './remaster.operation';
import { sonicTools } from './tools';
import { sonicUtilities } from './utilities';

/** Each song intent is its own operation (all post to /sonic/create); n8n lists options alphabetically. */
const songs = [create, extend, cover, remaster, addVocals, addInstrumental, concat, createWithPersona];

export const sonic: ResourceDefinition = {
	value: 'sonic',
	name: 'Sonic',
	description: 'Vocal and instrumental songs, lyrics, stems, WAV, MIDI and voice tools',
	defaultOperation: 'create',
	operations: [...songs, getTask, getBatch, ...sonicUtilities, ...sonicTools].sort((a, b) => a.name.localeCompare(b.name)),
};
