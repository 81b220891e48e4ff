import type { IDataObject } from 'n8n-workflow';

import { ReplayCache } from '../MusicApi/helpers/signature';
import type { ReplayEntry } from '../MusicApi/helpers/signature';

// What the trigger keeps in its node static data. MusicAPI has no API to register webhooks, so "registering"
// means recording which URL this node serves and since when; the replay cache lives beside it, because static
// data is the only state n8n keeps between two calls of an active workflow's webhook (and saves after each).

/**
 * Delivery ids are remembered for a day, not only for the 5-minute signature window: MusicAPI re-signs a
 * redelivery with a fresh timestamp but keeps its X-Webhook-Id, so only the id tells a retry apart.
 */
export const REPLAY_TTL_SECONDS = 24 * 60 * 60;

/** Bounds the static data (about 60 bytes per id) that n8n writes back after each delivery. */
export const REPLAY_MAX_ENTRIES = 1000;

export function loadReplayCache(staticData: IDataObject): ReplayCache {
	const stored = Array.isArray(staticData.replay) ? (staticData.replay as unknown[]) : [];
	const entries: ReplayEntry[] = [];
	for (const entry of stored) {
		const record = entry as { id?: unknown; at?: unknown } | null;
		if (typeof record?.id === 'string' && typeof record.at === 'number') entries.push({ id: record.id, at: record.at });
	}
	return new ReplayCache({ ttlSeconds: REPLAY_TTL_SECONDS, maxEntries: REPLAY_MAX_ENTRIES }, entries);
}

/** Assigns a new array (not an in-place edit), so n8n's observable static data marks itself changed. */
export function saveReplayCache(staticData: IDataObject, cache: ReplayCache): void {
	staticData.replay = cache.entries().map(({ id, at }): IDataObject => ({ id, at }));
}

export function recordRegistration(staticData: IDataObject, webhookUrl: string, now: Date): void {
	staticData.webhookUrl = webhookUrl;
	staticData.activatedAt = now.toISOString();
	staticData.replay = [];
}

export function clearRegistration(staticData: IDataObject): void {
	delete staticData.webhookUrl;
	delete staticData.activatedAt;
	delete staticData.replay;
}

export function registeredUrl(staticData: IDataObject): string | undefined {
	return typeof staticData.webhookUrl === 'string' ? staticData.webhookUrl : undefined;
}
