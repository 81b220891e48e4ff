import type { Operation } from '../../base/operation';
import { alignedLyrics } from './alignedLyrics.operation';
import { bpm } from './bpm.operation';
import { createPersona } from './createPersona.operation';
import { generateLyrics } from './generateLyrics.operation';
import { midi } from './midi.operation';
import { upload } from './upload.operation';
import { upsampleTags } from './upsampleTags.operation';
import { vox } from './vox.operation';
import { wav } from './wav.operation';

/** Sonic endpoints that answer at once (lyrics, BPM, WAV, MIDI, persona, upload…). */
export const sonicUtilities: Operation[] = [
	generateLyrics,
	alignedLyrics,
	bpm,
	upsampleTags,
	createPersona,
	vox,
	midi,
	wav,
	upload,
];
