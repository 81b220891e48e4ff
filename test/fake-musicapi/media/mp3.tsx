/**
 * A few seconds of silence as MPEG-1 Layer III: 32 kbit/s, 44.1 kHz, mono, no CRC. Each frame is a valid
 * 4-byte header (sync 0xFFE…) followed by all-zero side info and main data, which decoders play as silence.
 */
const BITRATE = 32000;
const SAMPLE_RATE = 44100;
const SAMPLES_PER_FRAME = 1152;
/** 144 · bitrate / sample rate, rounded down (no padding bit). */
export const MP3_FRAME_BYTES = Math.floor((144 * BITRATE) / SAMPLE_RATE);
/** 0xFFFB: sync, MPEG-1, Layer III, no CRC · 0x10: 32 kbit/s, 44.1 kHz, no padding · 0xC4: mono, original. */
export const MP3_FRAME_HEADER = Buffer.from([0xff, 0xfb, 0x10, 0xc4]);

export function silentMp3(seconds = 3): Buffer {
	const frames = Math.ceil((seconds * SAMPLE_RATE) / SAMPLES_PER_FRAME);
	const frame = Buffer.alloc(MP3_FRAME_BYTES);
	MP3_FRAME_HEADER.copy(frame, 0);
	return Buffer.concat(Array.from({ length: frames }, () => frame));
}
