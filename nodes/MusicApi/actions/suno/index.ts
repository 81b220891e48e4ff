import type { ResourceDefinition } from '../../base/operation';
import { create } from './create.operation';
import { getClip } from './getClip.operation';
import { getLyrics } from './getLyrics.operation';
import { getSong } from './getSong.operation';
import { makeLyrics } from './makeLyrics.operation';

export const suno: ResourceDefinition = {
	value: 'suno',
	name: 'Suno (Legacy)',
	legacy: true,
	description: 'Legacy names of the Sonic operations, kept by MusicAPI for old integrations',
	operations: [create, getClip, makeLyrics, getLyrics, getSong],
};
