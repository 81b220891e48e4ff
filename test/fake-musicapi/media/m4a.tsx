/**
 * A real (if tiny) MPEG-4 audio file: ftyp + moov (one AAC-LC mono 44.1 kHz track) + mdat of silent AAC
 * frames. Each frame is the 4-byte raw_data_block "single channel element, global gain 160, no sections,
 * END", which decoders render as 1024 samples of silence.
 */
const SAMPLE_RATE = 44100;
const SAMPLES_PER_FRAME = 1024;
const SILENT_AAC_FRAME = [0x01, 0x40, 0x20, 0x07];
/** AudioSpecificConfig: object type 2 (LC), frequency index 4 (44.1 kHz), 1 channel. */
const AUDIO_SPECIFIC_CONFIG = [0x12, 0x08];
const UNITY_MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

const u8 = (...values: number[]): Buffer => Buffer.from(values);
function u16(value: number): Buffer {
	const buffer = Buffer.alloc(2);
	buffer.writeUInt16BE(value);
	return buffer;
}
function u32(...values: number[]): Buffer {
	const buffer = Buffer.alloc(4 * values.length);
	values.forEach((value, index) => buffer.writeUInt32BE(value >>> 0, index * 4));
	return buffer;
}
function box(type: string, ...payload: Buffer[]): Buffer {
	const body = Buffer.concat(payload);
	const head = Buffer.alloc(8);
	head.writeUInt32BE(body.length + 8);
	head.write(type, 4, 'ascii');
	return Buffer.concat([head, body]);
}
const fullBox = (type: string, flags: number, ...payload: Buffer[]): Buffer =>
	box(type, u8(0, (flags >> 16) & 0xff, (flags >> 8) & 0xff, flags & 0xff), ...payload);

function esds(): Buffer {
	const decoderSpecificInfo = [0x05, AUDIO_SPECIFIC_CONFIG.length, ...AUDIO_SPECIFIC_CONFIG];
	const decoderConfig = [0x40, 0x15, 0, 0, 0, 0, 0, 0x7d, 0, 0, 0, 0x7d, 0, ...decoderSpecificInfo]; // MPEG-4 audio stream, 32 kbit/s
	const slConfig = [0x06, 0x01, 0x02];
	const esDescriptor = [0x00, 0x01, 0x00, 0x04, decoderConfig.length, ...decoderConfig, ...slConfig];
	return fullBox('esds', 0, u8(0x03, esDescriptor.length, ...esDescriptor));
}

function moov(frames: number, dataOffset: number): Buffer {
	const mediaDuration = frames * SAMPLES_PER_FRAME;
	const movieDuration = Math.round((mediaDuration / SAMPLE_RATE) * 1000);
	const mvhd = fullBox('mvhd', 0, u32(0, 0, 1000, movieDuration, 0x00010000), u16(0x0100), Buffer.alloc(10), u32(...UNITY_MATRIX), Buffer.alloc(24), u32(2));
	const tkhd = fullBox('tkhd', 7, u32(0, 0, 1, 0, movieDuration), Buffer.alloc(8), u16(0), u16(0), u16(0x0100), u16(0), u32(...UNITY_MATRIX), u32(0, 0));
	const mdhd = fullBox('mdhd', 0, u32(0, 0, SAMPLE_RATE, mediaDuration), u16(0x55c4), u16(0));
	const hdlr = fullBox('hdlr', 0, u32(0), Buffer.from('soun', 'ascii'), Buffer.alloc(12), Buffer.from('SoundHandler\0', 'ascii'));
	const mp4a = box('mp4a', Buffer.alloc(6), u16(1), Buffer.alloc(8), u16(1), u16(16), u16(0), u16(0), u32(SAMPLE_RATE * 65536), esds());
	const stbl = box(
		'stbl',
		fullBox('stsd', 0, u32(1), mp4a),
		fullBox('stts', 0, u32(1, frames, SAMPLES_PER_FRAME)),
		fullBox('stsc', 0, u32(1, 1, frames, 1)),
		fullBox('stsz', 0, u32(SILENT_AAC_FRAME.length, frames)),
		fullBox('stco', 0, u32(1, dataOffset)),
	);
	const dinf = box('dinf', fullBox('dref', 0, u32(1), fullBox('url ', 1)));
	const minf = box('minf', fullBox('smhd', 0, u16(0), u16(0)), dinf, stbl);
	return box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
}

export function silentM4a(seconds = 2): Buffer {
	const frames = Math.ceil((seconds * SAMPLE_RATE) / SAMPLES_PER_FRAME);
	const ftyp = box('ftyp', Buffer.from('M4A ', 'ascii'), u32(0x200), Buffer.from('isomiso2M4A mp42', 'ascii'));
	const moovSize = moov(frames, 0).length;
	const mdat = box('mdat', Buffer.from(new Array<number[]>(frames).fill(SILENT_AAC_FRAME).flat()));
	return Buffer.concat([ftyp, moov(frames, ftyp.length + moovSize + 8), mdat]);
}
