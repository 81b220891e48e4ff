import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError, sleepUnlessCancelled } from '../transport/nodeError';

const MIME_BY_EXTENSION: Record<string, string> = {
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	wav: 'audio/wav',
	flac: 'audio/flac',
	ogg: 'audio/ogg',
	mid: 'audio/midi',
	midi: 'audio/midi',
	mp4: 'video/mp4',
	jpeg: 'image/jpeg',
	jpg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
};

const EXTENSION_BY_MIME: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mp4': 'm4a',
	'audio/x-m4a': 'm4a',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/flac': 'flac',
	'audio/midi': 'mid',
	'image/jpeg': 'jpeg',
	'image/png': 'png',
	'video/mp4': 'mp4',
};

export function extensionOf(url: string): string | undefined {
	const match = /\.([a-z0-9]{2,5})(?:$|[?#])/i.exec(url);
	return match?.[1].toLowerCase();
}

/** "Night Drive" + clip id → "night-drive-<clip id>"; titles may hold anything, file names may not. */
export function baseFileName(title: string | undefined, clipId: string): string {
	const slug = (title ?? '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return slug ? `${slug}-${clipId}` : clipId;
}

/**
 * The title a clip's files are named after: a stem's title plus its stem name, unless the title names the stem
 * already ("Source Song Vocals" + vocals → "Source Song Vocals", not "… Vocals vocals").
 */
export function clipFileTitle(clip: { title?: string; stemType?: string }): string | undefined {
	if (!clip.stemType) return clip.title;
	const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
	const title = words(clip.title ?? '');
	const stem = words(clip.stemType);
	const named = stem.length > 0 && title.some((_, at) => stem.every((word, k) => title[at + k] === word));
	return named ? clip.title : `${clip.title ?? ''} ${clip.stemType}`;
}

/** What a download needs from n8n: satisfied by the action node's IExecuteFunctions and the trigger's IWebhookFunctions. */
export type DownloadContext = Pick<IExecuteFunctions, 'getNode'> & {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest' | 'prepareBinaryData'>;
};

export interface DownloadSettings {
	maxRetries: number;
	retryDelayMs: number;
	timeoutMs: number;
	signal?: AbortSignal;
}

/** Minimum time one file may take: result files run to hundreds of MB, far past a normal request's timeout. */
const MIN_DOWNLOAD_TIMEOUT_MS = 600_000;

/** A run's retry and cancel behaviour, with the longer timeout files need. */
export function downloadSettingsOf(client: {
	settings: { maxRetries: number; retryDelayMs: number; timeoutMs: number };
	cancelSignal?: AbortSignal;
}): DownloadSettings {
	const { maxRetries, retryDelayMs, timeoutMs } = client.settings;
	return { maxRetries, retryDelayMs, timeoutMs: Math.max(timeoutMs, MIN_DOWNLOAD_TIMEOUT_MS), signal: client.cancelSignal };
}

/**
 * Streams a result file (audio, image, MIDI) from its URL into n8n's binary store: the body is never held in
 * memory whole, so a 300 MB WAV costs a stream buffer, not 300 MB. CDN URLs are public, so no credential is
 * sent. Network failures and 5xx are retried before the stream is handed over.
 */
export async function downloadBinary(
	fn: DownloadContext,
	url: string,
	baseName: string,
	settings: DownloadSettings,
	itemIndex: number,
): Promise<IBinaryData> {
	for (let attempt = 0; ; attempt++) {
		let failure: string;
		try {
			const response = (await fn.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: settings.timeoutMs,
				abortSignal: settings.signal,
			})) as { statusCode: number; headers: Record<string, string>; body: NodeJS.ReadableStream & { destroy?: () => void } };
			if (response.statusCode >= 200 && response.statusCode < 300) {
				const mimeType = mimeTypeOf(response.headers['content-type'], url);
				const extension = EXTENSION_BY_MIME[mimeType] ?? extensionOf(url) ?? 'bin';
				return await fn.helpers.prepareBinaryData(response.body as never, `${baseName}.${extension}`, mimeType);
			}
			response.body.destroy?.();
			failure = `HTTP ${response.statusCode}`;
			if (response.statusCode < 500 && response.statusCode !== 429) attempt = settings.maxRetries;
		} catch (error) {
			if (settings.signal?.aborted) throw asNodeError(fn.getNode(), error, itemIndex);
			failure = (error as { code?: string }).code ?? (error as Error).message;
		}
		if (attempt >= settings.maxRetries) {
			const message = `Could not download ${stripQuery(url)} (${failure})`;
			const error = new NodeApiError(fn.getNode(), { url: stripQuery(url), failure }, {
				message,
				description:
					'The job finished but its file could not be fetched. The URL is in the item; download it later, or run Get Task for the task to get fresh URLs. Set "Download Audio" off to return URLs only.',
				itemIndex,
			});
			error.message = message; // keep the URL and cause; NodeApiError would swap in generic network text
			throw error;
		}
		await sleepUnlessCancelled(fn.getNode(), settings.retryDelayMs * 2 ** attempt, settings.signal);
	}
}

function mimeTypeOf(contentType: string | undefined, url: string): string {
	const declared = contentType?.split(';')[0].trim().toLowerCase();
	if (declared && declared !== 'application/octet-stream' && declared !== 'binary/octet-stream') return declared;
	return MIME_BY_EXTENSION[extensionOf(url) ?? ''] ?? 'application/octet-stream';
}

/** Signed CDN URLs carry tokens in the query; errors show the file, not the token. */
function stripQuery(url: string): string {
	return url.split('?')[0];
}
