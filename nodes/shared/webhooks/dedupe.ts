import { createHash } from 'crypto';

import type { ReplayKey } from './signature';

// The keys deliveries are deduplicated by, for the trigger's caches and callback mode's batches alike.

/**
 * Every key goes into a cache as a fixed-size hash (128 bits, base64url): a sender chooses its X-Webhook-Id, and
 * 16 KB ids would otherwise fill static data and process memory with whatever it sends. `kind` keeps keys of
 * different meaning (a delivery id, a result, a scope) from ever colliding.
 */
export function hashKey(kind: string, value: string): string {
	return createHash('sha256').update(`${kind}\u0000${value}`).digest('base64url').slice(0, 22);
}

/** A delivery's own keys (its id, its signature), hashed, each with its lifetime. */
export function hashedReplayKeys(keys: readonly ReplayKey[]): ReplayKey[] {
	return keys.map((key) => ({ ...key, id: hashKey('delivery', key.id) }));
}

/**
 * The result a delivery carries: MusicAPI's webhook guide dedupes on (task_id, platform), and a resend comes with
 * a new X-Webhook-Id and a fresh signature. The event is part of it, so a job's streaming preview and its
 * completion are two results.
 */
export function resultKey(taskId: string, platform: string, event: string): ReplayKey {
	return { id: hashKey('result', JSON.stringify([taskId, platform, event])) };
}
