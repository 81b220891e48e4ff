import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	baseFileName,
	clipFileTitle,
	downloadBinary,
	type DownloadContext,
	type DownloadSettings,
} from '../shared/results/download';
import { clipJson, taskSummaryJson } from '../shared/results/output';
import type { Clip, WebhookDelivery } from '../shared/tasks';
import type { OutputMode, TriggerEvent, TriggerPlatform } from './description';

/** What the trigger knows about a delivery beyond its body. */
export interface DeliveryMeta {
	/** X-Webhook-Id (or a signature-derived id when it was missing); undefined for an unsigned delivery without one. */
	deliveryId: string | undefined;
	signatureVerified: boolean;
}

/** completed / failed / streaming; undefined for an event the trigger does not know. */
export function eventKind(delivery: WebhookDelivery): TriggerEvent | undefined {
	if (delivery.task.state === 'failed') return 'failed';
	const event = delivery.event.toLowerCase();
	if (event.endsWith('.streaming')) return 'streaming';
	if (event.endsWith('.completed') || event.endsWith('.succeeded')) return 'completed';
	if (event.endsWith('.failed')) return 'failed';
	return undefined;
}

/** `suno` and `sonic` are one platform; riffusion and studio send no webhooks (contract §5.1). */
export function platformOf(delivery: WebhookDelivery): TriggerPlatform | undefined {
	const { dialect } = delivery;
	return dialect === 'sonic' || dialect === 'producer' || dialect === 'nuro' ? dialect : undefined;
}

/** Why a delivery is left out by the node's filters, or undefined when it runs the workflow. */
export function filteredOut(
	delivery: WebhookDelivery,
	events: readonly string[],
	platforms: readonly string[],
): string | undefined {
	const kind = eventKind(delivery);
	if (!kind) return `event ${delivery.event || '(none)'} is not one the trigger handles`;
	if (!events.includes(kind)) return `event ${kind} is not selected`;
	const platform = platformOf(delivery);
	if (!platform) return `platform ${delivery.platform || delivery.dialect} is not one the trigger handles`;
	if (!platforms.includes(platform)) return `platform ${platform} is not selected`;
	return undefined;
}

const MAX_DELIVERY_ID_CHARS = 200;

function header(delivery: WebhookDelivery, meta: DeliveryMeta): IDataObject {
	const json: IDataObject = {
		taskId: delivery.taskId,
		event: delivery.event,
		platform: platformOf(delivery) ?? delivery.dialect,
		signatureVerified: meta.signatureVerified,
	};
	// Capped: an unsigned test delivery chooses its id, and the item should not carry kilobytes of it.
	if (meta.deliveryId !== undefined) json.deliveryId = meta.deliveryId.slice(0, MAX_DELIVERY_ID_CHARS);
	return json;
}

/**
 * A completion delivery whose clip is not done (it said succeeded before its audio URL existed, contract §4) is
 * output as it is, still running, with a note on where the finished clip will be: the delivery is the only one.
 */
function earlyNotice(delivery: WebhookDelivery, state: string): string | undefined {
	if (eventKind(delivery) !== 'completed' || state === 'succeeded' || state === 'failed') return undefined;
	return `MusicAPI reported this as completed before its audio existed; fetch it with Get Task (task ID ${delivery.taskId}) in a minute.`;
}

export interface BuiltItems {
	items: INodeExecutionData[];
	/** Per item, the clips whose audio belongs in it (for Download Audio). */
	clipsByItem: Clip[][];
}

/** The delivery as n8n items: one per clip (or one summary when there is none), or one for the delivery. */
export function deliveryItems(
	delivery: WebhookDelivery,
	meta: DeliveryMeta,
	outputMode: OutputMode,
	includeRaw: boolean,
): BuiltItems {
	const { task } = delivery;
	if (outputMode === 'delivery' || task.clips.length === 0) {
		const json: IDataObject = { ...header(delivery, meta), ...taskSummaryJson(task) };
		if (task.clips.length) json.clips = task.clips.map((clip) => clipJson(task, clip, includeRaw));
		const notice = earlyNotice(delivery, task.state);
		if (notice) json.notice = notice;
		return { items: [{ json }], clipsByItem: [task.clips] };
	}
	const items = task.clips.map((clip): INodeExecutionData => {
		const json: IDataObject = { ...header(delivery, meta), ...clipJson(task, clip, includeRaw) };
		// The delivery's own reason (its `message`), beside the clip's: often the only informative one.
		if (task.state === 'failed' && task.error) json.taskError = task.error;
		const notice = earlyNotice(delivery, clip.state);
		if (notice) json.notice = notice;
		return { json };
	});
	return { items, clipsByItem: task.clips.map((clip) => [clip]) };
}

export const TRIGGER_DOWNLOAD_SETTINGS: DownloadSettings = { maxRetries: 2, retryDelayMs: 1000, timeoutMs: 300_000 };

/**
 * Attaches each succeeded clip's audio. A failed download does not lose the delivery (MusicAPI has already been
 * told it arrived): the item keeps the URL and says what went wrong in `downloadError`.
 */
export async function attachAudio(
	fn: DownloadContext & { logger: { warn(message: string): void } },
	built: BuiltItems,
	binaryProperty: string,
	settings: DownloadSettings = TRIGGER_DOWNLOAD_SETTINGS,
): Promise<void> {
	for (const [index, item] of built.items.entries()) {
		const clips = built.clipsByItem[index] ?? [];
		const many = item.json.clips !== undefined;
		const binary: Record<string, IBinaryData> = {};
		const errors: string[] = [];
		for (const [clipIndex, clip] of clips.entries()) {
			if (clip.state !== 'succeeded' || !clip.audioUrl) continue;
			const key = many ? `${binaryProperty}_${clipIndex}` : binaryProperty;
			try {
				binary[key] = await downloadBinary(fn, clip.audioUrl, baseFileName(clipFileTitle(clip), clip.clipId), settings, index);
			} catch (error) {
				const message = (error as Error).message;
				fn.logger.warn(`MusicAPI Trigger: ${message}`);
				errors.push(clips.length > 1 ? `${clip.clipId}: ${message}` : message);
			}
		}
		if (Object.keys(binary).length) item.binary = { ...(item.binary ?? {}), ...binary };
		if (errors.length) item.json.downloadError = errors.join('; ');
	}
}

/** Download Audio on, but nothing fetched (an unsigned delivery): each item with audio says why it has no file. */
export function skipAudio(built: BuiltItems, reason: string): void {
	for (const [index, item] of built.items.entries()) {
		const clips = built.clipsByItem[index] ?? [];
		if (clips.some((clip) => clip.state === 'succeeded' && clip.audioUrl)) item.json.downloadError = reason;
	}
}
