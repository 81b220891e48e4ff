import type { IDataObject } from 'n8n-workflow';

import { hashKey } from '../shared/webhooks/dedupe';
import { ReplayCache, SIGNATURE_WINDOW_SECONDS } from '../shared/webhooks/signature';
import type { ReplayEntry, ReplayKey } from '../shared/webhooks/signature';

// What the trigger keeps in its node static data. MusicAPI has no API to register webhooks, so "registering"
// means recording which URL this node serves and since when; the replay cache lives beside it, because static
// data is the only state n8n keeps between two calls of an active workflow's webhook (and saves after each).

/**
 * Keys are remembered for a day, not only for the 5-minute signature window: MusicAPI re-signs a redelivery with
 * a fresh timestamp (and may send it under a new X-Webhook-Id), so only the id and the result tell a retry apart.
 */
export const REPLAY_TTL_SECONDS = 24 * 60 * 60;

/**
 * Bounds the static data n8n writes back after each delivery (up to 3 keys a delivery, about 50 bytes each), by
 * count only beyond the signature window: what was accepted in the last 10 minutes is kept whatever the count, so
 * no number of genuine deliveries can push out the keys a replay within the window would be caught by.
 */
export const REPLAY_MAX_ENTRIES = 3000;

/** How a trigger's replay caches are bounded: a day, and REPLAY_MAX_ENTRIES beyond the signature window. */
const REPLAY_LIMITS = { ttlSeconds: REPLAY_TTL_SECONDS, maxEntries: REPLAY_MAX_ENTRIES, keepWithinSeconds: SIGNATURE_WINDOW_SECONDS };

export function loadReplayCache(staticData: IDataObject): ReplayCache {
	const stored = Array.isArray(staticData.replay) ? (staticData.replay as unknown[]) : [];
	const entries: ReplayEntry[] = [];
	for (const entry of stored) {
		const record = entry as { id?: unknown; at?: unknown; ttl?: unknown } | null;
		// Only hashes are kept; anything longer was not written by this version (and is not worth its bytes).
		if (typeof record?.id !== 'string' || record.id.length > 64 || typeof record.at !== 'number') continue;
		entries.push(typeof record.ttl === 'number' ? { id: record.id, at: record.at, ttl: record.ttl } : { id: record.id, at: record.at });
	}
	return new ReplayCache(REPLAY_LIMITS, entries);
}

/** Assigns a new array (not an in-place edit), so n8n's observable static data marks itself changed. */
export function saveReplayCache(staticData: IDataObject, cache: ReplayCache): void {
	staticData.replay = cache.entries().map(({ id, at, ttl }): IDataObject => (ttl === undefined ? { id, at } : { id, at, ttl }));
}

/**
 * Deliveries accepted by this n8n process, one guard per trigger (workflow + node). Static data alone cannot stop
 * two copies of one delivery that arrive together: n8n loads it from the database for each request and writes it
 * back after the webhook has answered, so concurrent requests (or a resend right after the answer) all see the cache
 * without each other. Checking and remembering here happens in one synchronous step, so within a process exactly
 * one copy passes. (Several webhook processes, in queue mode, still share only the static data.)
 *
 * One guard per trigger, each bounded like its static data: another workflow's deliveries (with its own secret)
 * fill only its own guard, and can never push this trigger's entries out. A guard left empty is dropped.
 */
const guards = new Map<string, ReplayCache>();

function guardOf(scope: string, nowSeconds?: number): ReplayCache {
	let guard = guards.get(scope);
	if (!guard) {
		for (const [other, cache] of guards) {
			cache.prune(nowSeconds);
			if (cache.size === 0) guards.delete(other);
		}
		guard = new ReplayCache(REPLAY_LIMITS);
		guards.set(scope, guard);
	}
	return guard;
}

/** True when this process already accepted one of the (hashed) keys for `scope` (workflow + node); else remembers them. */
export function alreadyAcceptedInProcess(scope: string, keys: readonly ReplayKey[], nowSeconds?: number): boolean {
	return guardOf(scope, nowSeconds).checkAndRememberAll(
		keys.map((key) => ({ ...key, id: hashKey(scope, key.id) })),
		nowSeconds,
	);
}

/** Whether this process accepted one of the keys for `scope`, without remembering anything. */
export function acceptedInProcessBefore(scope: string, keys: readonly ReplayKey[], nowSeconds?: number): boolean {
	const guard = guards.get(scope);
	return guard !== undefined && keys.some((key) => guard.has(hashKey(scope, key.id), nowSeconds));
}

/** How many keys the process guards hold, all triggers together (tests: they stay bounded). */
export function processGuardSize(): number {
	let size = 0;
	for (const guard of guards.values()) size += guard.size;
	return size;
}

/** Forgets the in-process guards (tests). */
export function forgetAcceptedInProcess(): void {
	guards.clear();
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
