import http from 'node:http';
import { type FakeMusicApi, startFakeMusicApi } from './index';
import { post } from './test-helpers';

async function download(url: string, method = 'GET'): Promise<{ status: number; type: string | null; length: string | null; bytes: Buffer }> {
	const response = await fetch(url, { method });
	return {
		status: response.status,
		type: response.headers.get('content-type'),
		length: response.headers.get('content-length'),
		bytes: Buffer.from(await response.arrayBuffer()),
	};
}

/** Walks the MP3 frames: each header must sync (11 bits set) and declare MPEG-1 Layer III. */
function countMp3Frames(bytes: Buffer): number {
	let offset = 0;
	let frames = 0;
	while (offset + 4 <= bytes.length) {
		const header = bytes.readUInt32BE(offset);
		expect(header >>> 21).toBe(0x7ff); // frame sync 0xFFE…
		expect((header >>> 19) & 0b11).toBe(0b11); // MPEG-1
		expect((header >>> 17) & 0b11).toBe(0b01); // Layer III
		const bitrate = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320][(header >>> 12) & 0xf] * 1000;
		const sampleRate = [44100, 48000, 32000][(header >>> 10) & 0b11];
		offset += Math.floor((144 * bitrate) / sampleRate) + ((header >>> 9) & 1);
		frames++;
	}
	expect(offset).toBe(bytes.length);
	return frames;
}

describe('fake MusicAPI: the files it hands out', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ largeWavBytes: 1024 * 1024 + 3000 });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('serves a valid silent MP3 of a few seconds, without auth', async () => {
		const file = await download(`${fake.origin}/files/abc.mp3`);
		expect(file.status).toBe(200);
		expect(file.type).toBe('audio/mpeg');
		expect(Number(file.length)).toBe(file.bytes.length);
		expect(file.bytes[0]).toBe(0xff);
		expect(file.bytes[1] & 0xe0).toBe(0xe0);
		const seconds = (countMp3Frames(file.bytes) * 1152) / 44100;
		expect(seconds).toBeGreaterThan(2);
		expect(seconds).toBeLessThan(10);
		expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/files/abc.mp3', status: 200 });
	});

	it('serves a PCM WAV with a RIFF/WAVE header that matches its size', async () => {
		const file = await download(`${fake.origin}/files/abc.wav`);
		expect(file.type).toBe('audio/wav');
		const { bytes } = file;
		expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
		expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
		expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
		expect(bytes.toString('ascii', 12, 16)).toBe('fmt ');
		expect(bytes.readUInt16LE(20)).toBe(1); // PCM
		expect(bytes.toString('ascii', 36, 40)).toBe('data');
		expect(bytes.readUInt32LE(40)).toBe(bytes.length - 44);
		// A tone, not silence.
		expect(Math.max(...Array.from({ length: 100 }, (_, index) => Math.abs(bytes.readInt16LE(44 + index * 2))))).toBeGreaterThan(1000);
	});

	it('serves a JPEG, an M4A (ftyp/moov/mdat), an MP4 and a MIDI file', async () => {
		const jpeg = await download(`${fake.origin}/files/abc.jpeg`);
		expect(jpeg.type).toBe('image/jpeg');
		expect(jpeg.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
		expect(jpeg.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
		const m4a = await download(`${fake.origin}/files/abc.m4a`);
		expect(m4a.type).toBe('audio/mp4');
		const boxes: string[] = [];
		for (let offset = 0; offset < m4a.bytes.length; offset += m4a.bytes.readUInt32BE(offset)) boxes.push(m4a.bytes.toString('ascii', offset + 4, offset + 8));
		expect(boxes).toEqual(['ftyp', 'moov', 'mdat']);
		expect(m4a.bytes.toString('ascii', 8, 12)).toBe('M4A ');
		expect((await download(`${fake.origin}/files/abc.mp4`)).type).toBe('video/mp4');
		const midi = await download(`${fake.origin}/files/abc.mid`);
		expect(midi.type).toBe('audio/midi');
		expect(midi.bytes.toString('ascii', 0, 4)).toBe('MThd');
		expect(midi.bytes.toString('ascii', 14, 18)).toBe('MTrk');
	});

	it('answers 404 for unknown file types and HEAD with headers only', async () => {
		expect((await download(`${fake.origin}/files/abc.exe`)).status).toBe(404);
		const head = await download(`${fake.origin}/files/abc.mp3`, 'HEAD');
		expect(head.status).toBe(200);
		expect(Number(head.length)).toBeGreaterThan(1000);
		expect(head.bytes.length).toBe(0);
	});

	it('streams /files/large.wav: header + largeWavBytes of PCM, with Content-Length', async () => {
		const url = (await post(fake, '/sonic/wav', { clip_id: 'large' })).body.data.wav_url;
		expect(url).toBe(`${fake.origin}/files/large.wav`);
		const file = await download(url);
		expect(file.status).toBe(200);
		expect(Number(file.length)).toBe(44 + fake.options.largeWavBytes);
		expect(file.bytes.length).toBe(44 + fake.options.largeWavBytes);
		expect(file.bytes.toString('ascii', 0, 4)).toBe('RIFF');
		expect(file.bytes.readUInt32LE(40)).toBe(fake.options.largeWavBytes);
	});

	it('respects backpressure: a paused reader holds the stream, and leaving early ends it', async () => {
		fake.options.largeWavBytes = 64 * 1024 * 1024;
		await new Promise<void>((resolve, reject) => {
			const request = http.get(`${fake.origin}/files/large.wav`, { agent: false }, (response) => {
				expect(response.headers['content-length']).toBe(String(44 + 64 * 1024 * 1024));
				let received = 0;
				response.on('data', (chunk: Buffer) => {
					received += chunk.length;
					if (received > 256 * 1024) {
						response.pause();
						// The fake must not have raced ahead into memory: nothing more arrives while paused.
						setTimeout(() => {
							expect(received).toBeLessThan(16 * 1024 * 1024);
							request.destroy();
							resolve();
						}, 100);
					}
				});
			});
			request.on('error', (error) => (String(error).includes('aborted') ? resolve() : reject(error)));
		});
		// The server is still healthy afterwards.
		expect((await download(`${fake.origin}/files/abc.mp3`)).status).toBe(200);
	});
});
