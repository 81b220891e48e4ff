import type { ServerResponse } from 'node:http';
import type { LoggedRequest } from '../types';
import { sendJson } from '../http/reply';
import { tinyJpeg } from './jpeg';
import { silentM4a } from './m4a';
import { tinyMidi } from './midi';
import { silentMp3 } from './mp3';
import { sinePcm, sineWav, wavHeader } from './wav';

const CHUNK_BYTES = 64 * 1024;

/** Built once: every clip id of a type gets the same bytes (the content is not what tests look at). */
let cache: Record<string, { type: string; bytes: Buffer }> | undefined;
function files(): Record<string, { type: string; bytes: Buffer }> {
	cache ??= {
		mp3: { type: 'audio/mpeg', bytes: silentMp3() },
		m4a: { type: 'audio/mp4', bytes: silentM4a() },
		mp4: { type: 'video/mp4', bytes: silentM4a() },
		wav: { type: 'audio/wav', bytes: sineWav() },
		jpeg: { type: 'image/jpeg', bytes: tinyJpeg() },
		jpg: { type: 'image/jpeg', bytes: tinyJpeg() },
		mid: { type: 'audio/midi', bytes: tinyMidi() },
	};
	return cache;
}

/** Serves `/files/<name>.<ext>` (no auth, like a CDN); `/files/large.wav` is streamed. */
export async function serveFile(
	res: ServerResponse,
	entry: LoggedRequest,
	method: string,
	path: string,
	largeWavBytes: number,
): Promise<void> {
	if (method !== 'GET' && method !== 'HEAD') {
		sendJson(res, entry, 405, { type: 'method_not_allowed', error: 'Files are read-only.' });
		return;
	}
	const name = path.slice('/files/'.length);
	if (name === 'large.wav') {
		await streamLargeWav(res, entry, Math.max(0, Math.floor(largeWavBytes)), method === 'HEAD');
		return;
	}
	const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	const file = extension ? files()[extension] : undefined;
	if (!name || name.includes('/') || !file) {
		sendJson(res, entry, 404, { type: 'not_found', error: 'File not found.' });
		return;
	}
	entry.status = 200;
	res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': String(file.bytes.length), 'Cache-Control': 'public, max-age=31536000' });
	res.end(method === 'HEAD' ? undefined : file.bytes);
}

/**
 * A WAV header plus `dataBytes` of PCM, written 64 KiB at a time and only as fast as the client reads
 * (write() → false waits for 'drain'), so a 300 MB download never sits in the fake's memory.
 */
async function streamLargeWav(res: ServerResponse, entry: LoggedRequest, dataBytes: number, headOnly: boolean): Promise<void> {
	const header = wavHeader(dataBytes);
	entry.status = 200;
	res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(header.length + dataBytes) });
	if (headOnly) {
		res.end();
		return;
	}
	const chunk = sinePcm(CHUNK_BYTES);
	let remaining = dataBytes;
	if (!res.write(header) && !(await drained(res))) return;
	while (remaining > 0) {
		if (res.destroyed) return;
		const size = Math.min(CHUNK_BYTES, remaining);
		remaining -= size;
		const more = res.write(size === CHUNK_BYTES ? chunk : chunk.subarray(0, size));
		if (!more && !(await drained(res))) return;
	}
	res.end();
}

/** Resolves true on 'drain', false when the client went away first. */
function drained(res: ServerResponse): Promise<boolean> {
	return new Promise((resolve) => {
		const onDrain = (): void => finish(true);
		const onClose = (): void => finish(false);
		function finish(value: boolean): void {
			res.off('drain', onDrain);
			res.off('close', onClose);
			resolve(value);
		}
		res.on('drain', onDrain);
		res.on('close', onClose);
	});
}
