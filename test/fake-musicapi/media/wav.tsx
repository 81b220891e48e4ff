/** PCM WAV: 16-bit mono at 22.05 kHz keeps files small while any player accepts them. */
export const WAV_SAMPLE_RATE = 22050;
const BITS = 16;
const CHANNELS = 1;

/** The 44-byte RIFF/WAVE header for `dataBytes` of PCM. */
export function wavHeader(dataBytes: number): Buffer {
	const header = Buffer.alloc(44);
	const blockAlign = (CHANNELS * BITS) / 8;
	header.write('RIFF', 0, 'ascii');
	// RIFF sizes are 32-bit; clamp so a huge test file still has a well-formed header.
	header.writeUInt32LE(Math.min(0xffffffff, 36 + dataBytes), 4);
	header.write('WAVE', 8, 'ascii');
	header.write('fmt ', 12, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(CHANNELS, 22);
	header.writeUInt32LE(WAV_SAMPLE_RATE, 24);
	header.writeUInt32LE(WAV_SAMPLE_RATE * blockAlign, 28);
	header.writeUInt16LE(blockAlign, 32);
	header.writeUInt16LE(BITS, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(Math.min(0xffffffff, dataBytes), 40);
	return header;
}

/** `bytes` of a quiet 440 Hz sine; a whole number of samples, so chunks can be repeated seamlessly enough. */
export function sinePcm(bytes: number, frequency = 440): Buffer {
	const pcm = Buffer.alloc(bytes);
	for (let sample = 0; sample * 2 + 1 < bytes; sample++) {
		const value = Math.round(Math.sin((2 * Math.PI * frequency * sample) / WAV_SAMPLE_RATE) * 8000);
		pcm.writeInt16LE(value, sample * 2);
	}
	return pcm;
}

export function sineWav(seconds = 1): Buffer {
	const pcm = sinePcm(Math.round(seconds * WAV_SAMPLE_RATE) * 2);
	return Buffer.concat([wavHeader(pcm.length), pcm]);
}
