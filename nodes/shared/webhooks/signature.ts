import { createHmac, timingSafeEqual } from 'crypto';

// MusicAPI webhook signatures (contract §5.1), in one place for the trigger and the action node's callback mode:
//   X-Webhook-Signature: sha256=<lowercase hex HMAC-SHA256(secret, "<X-Webhook-Timestamp>.<raw body bytes>")>
// plus X-Webhook-Id (the delivery id, kept across redeliveries), X-Webhook-Event and X-Webhook-Timestamp
// (Unix seconds at signing). Only the timestamp and the body are signed: the id and the event header are not.

export const SIGNATURE_HEADER = 'x-webhook-signature';
export const TIMESTAMP_HEADER = 'x-webhook-timestamp';
export const ID_HEADER = 'x-webhook-id';
export const EVENT_HEADER = 'x-webhook-event';

/** Deliveries signed more than this far from now (either way) are refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type RawBody = string | Buffer;

/** Header maps as Node, Express and n8n hand them over (Node lower-cases the names; tests and proxies may not). */
export type HeaderMap = Record<string, string | string[] | number | undefined>;

/** `sha256=<hex>` for a body, exactly as MusicAPI computes it. */
export function signPayload(secret: string, timestamp: number | string, rawBody: RawBody): string {
	const hmac = createHmac('sha256', secret);
	hmac.update(`${timestamp}.`);
	hmac.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
	return `sha256=${hmac.digest('hex')}`;
}

/** A header's value by case-insensitive name; the first value when it was sent more than once. */
export function headerValue(headers: HeaderMap | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		const first = Array.isArray(value) ? value[0] : value;
		if (first === undefined) return undefined;
		return String(first).trim();
	}
	return undefined;
}

export interface ReplayEntry {
	id: string;
	/** Unix seconds when the id was first accepted. */
	at: number;
	/** How long this id is remembered, when not the cache's `ttlSeconds` (signature keys need only minutes). */
	ttl?: number;
}

/** One key a delivery is known by in a replay cache, with its own lifetime (default: the cache's). */
export interface ReplayKey {
	id: string;
	ttlSeconds?: number;
}

export interface ReplayCacheOptions {
	/** How long an id is remembered; default: the timestamp tolerance (300 s). */
	ttlSeconds?: number;
	/** At most this many ids are kept; the oldest go first. */
	maxEntries?: number;
	/**
	 * Ids accepted less than this long ago are never dropped to stay under `maxEntries` (only when they expire):
	 * what a replay within the signature window would be caught by must outlast any number of newer deliveries.
	 */
	keepWithinSeconds?: number;
}

/** What a replay cache must hold by time, whatever the count: twice the tolerance (see replayKeys below). */
export const SIGNATURE_WINDOW_SECONDS = 2 * DEFAULT_TOLERANCE_SECONDS;

/**
 * Remembers accepted delivery ids for a while, bounded in size, so a repeated X-Webhook-Id can be acknowledged
 * without running twice. Plain data in and out (`entries()`), so it can live in workflow static data.
 */
export class ReplayCache {
	readonly ttlSeconds: number;

	readonly maxEntries: number;

	readonly keepWithinSeconds: number;

	/** id → when it was accepted and for how long it counts; insertion order is age order. */
	private readonly seen = new Map<string, { at: number; ttl: number }>();

	constructor(options: ReplayCacheOptions = {}, entries: readonly ReplayEntry[] = []) {
		this.ttlSeconds = Math.max(1, options.ttlSeconds ?? DEFAULT_TOLERANCE_SECONDS);
		this.maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 1000));
		this.keepWithinSeconds = Math.max(0, options.keepWithinSeconds ?? 0);
		const valid = entries.filter((entry) => typeof entry?.id === 'string' && Number.isFinite(entry?.at));
		for (const entry of [...valid].sort((a, b) => a.at - b.at)) this.seen.set(entry.id, { at: entry.at, ttl: this.ttlOf(entry.ttl) });
		this.trim();
	}

	get size(): number {
		return this.seen.size;
	}

	/** Whether `id` was accepted within its ttl (the cache's `ttlSeconds` unless remembered with another). */
	has(id: string, nowSeconds: number = unixNow()): boolean {
		const entry = this.seen.get(id);
		return entry !== undefined && nowSeconds - entry.at <= entry.ttl;
	}

	/** Records `id` as accepted now; drops expired ids and, past `maxEntries`, the oldest. */
	remember(id: string, nowSeconds: number = unixNow(), ttlSeconds?: number): void {
		this.prune(nowSeconds);
		this.seen.delete(id);
		this.seen.set(id, { at: nowSeconds, ttl: this.ttlOf(ttlSeconds) });
		this.trim(nowSeconds);
	}

	/** True when `id` was already seen (a duplicate); otherwise remembers it and returns false. */
	checkAndRemember(id: string, nowSeconds: number = unixNow()): boolean {
		return this.checkAndRememberAll([{ id }], nowSeconds);
	}

	/**
	 * True when any of a delivery's keys was already seen (a duplicate); otherwise remembers all of them and
	 * returns false. Synchronous, so two requests of one process can never both pass.
	 */
	checkAndRememberAll(keys: readonly ReplayKey[], nowSeconds: number = unixNow()): boolean {
		if (keys.some((key) => this.has(key.id, nowSeconds))) return true;
		for (const key of keys) this.remember(key.id, nowSeconds, key.ttlSeconds);
		return false;
	}

	prune(nowSeconds: number = unixNow()): void {
		for (const [id, entry] of this.seen) if (nowSeconds - entry.at > entry.ttl) this.seen.delete(id);
	}

	clear(): void {
		this.seen.clear();
	}

	/** Oldest first, for storing; `ttl` only where it differs from the cache's. */
	entries(): ReplayEntry[] {
		return [...this.seen].map(([id, { at, ttl }]) => (ttl === this.ttlSeconds ? { id, at } : { id, at, ttl }));
	}

	private ttlOf(ttlSeconds: number | undefined): number {
		return typeof ttlSeconds === 'number' && Number.isFinite(ttlSeconds) ? Math.max(1, ttlSeconds) : this.ttlSeconds;
	}

	/** Drops the oldest ids beyond `maxEntries`, but none accepted within `keepWithinSeconds` (they come last). */
	private trim(nowSeconds: number = unixNow()): void {
		for (const [id, entry] of this.seen) {
			if (this.seen.size <= this.maxEntries || nowSeconds - entry.at < this.keepWithinSeconds) break;
			this.seen.delete(id);
		}
	}
}

export interface VerifyDeliveryInput {
	headers: HeaderMap | undefined;
	/** The exact bytes received; the signature covers them, not a re-serialisation of the parsed JSON. */
	rawBody: RawBody | undefined;
	secret: string;
	/** Unix seconds; default: the clock. */
	now?: number;
	toleranceSeconds?: number;
	/** When given, an authentic delivery whose id was seen before comes back with `duplicate: true`. */
	seen?: ReplayCache;
}

export type VerifyDeliveryResult =
	| {
			ok: true;
			/** X-Webhook-Id, or `sha256:<signature>` when the header is absent (still dedupes exact replays). */
			deliveryId: string;
			timestamp: number;
			/**
			 * Every key this delivery is deduplicated by: the delivery id, and its signature for twice the tolerance
			 * (the signature covers timestamp and body but not X-Webhook-Id, so a captured delivery resent under a
			 * new id within the window is the same delivery).
			 */
			replayKeys: ReplayKey[];
			/** The delivery (by id or by signature) was accepted before: acknowledge, but do not process again. */
			duplicate: boolean;
	  }
	| { ok: false; status: 400 | 401; reason: string };

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

/**
 * Checks one delivery: signature over the raw body (constant-time), timestamp within the tolerance, then the
 * replay cache. 401 for anything that fails authentication, 400 when there is no body to check at all.
 */
export function verifyDelivery(input: VerifyDeliveryInput): VerifyDeliveryResult {
	const { headers, rawBody, secret } = input;
	const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	const now = input.now ?? unixNow();

	if (rawBody === undefined || rawBody === null) {
		return { ok: false, status: 400, reason: 'The request has no body to verify' };
	}
	if (!secret) {
		return { ok: false, status: 401, reason: 'No webhook secret is configured, so the delivery cannot be verified' };
	}

	const signatureHeader = headerValue(headers, SIGNATURE_HEADER);
	if (!signatureHeader) return { ok: false, status: 401, reason: 'Missing X-Webhook-Signature header' };
	const timestampHeader = headerValue(headers, TIMESTAMP_HEADER);
	if (!timestampHeader) return { ok: false, status: 401, reason: 'Missing X-Webhook-Timestamp header' };

	const provided = SIGNATURE_FORMAT.exec(signatureHeader);
	if (!provided) {
		return { ok: false, status: 401, reason: 'Malformed X-Webhook-Signature header (expected sha256=<64 hex digits>)' };
	}
	if (!TIMESTAMP_FORMAT.test(timestampHeader)) {
		return { ok: false, status: 401, reason: 'Malformed X-Webhook-Timestamp header (expected Unix seconds)' };
	}

	const expected = Buffer.from(signPayload(secret, timestampHeader, rawBody).slice('sha256='.length), 'hex');
	const received = Buffer.from(provided[1], 'hex');
	if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
		return { ok: false, status: 401, reason: 'Signature mismatch (wrong webhook secret, or the body was altered)' };
	}

	const timestamp = Number(timestampHeader);
	if (now - timestamp > tolerance) {
		return { ok: false, status: 401, reason: `Timestamp is more than ${tolerance} s old` };
	}
	if (timestamp - now > tolerance) {
		return { ok: false, status: 401, reason: `Timestamp is more than ${tolerance} s in the future` };
	}

	const signatureKey = `sha256:${provided[1].toLowerCase()}`;
	const deliveryId = headerValue(headers, ID_HEADER) || signatureKey;
	// A signature stops verifying `tolerance` s after its timestamp, which was at most `tolerance` s ahead of now.
	const replayKeys: ReplayKey[] =
		deliveryId === signatureKey ? [{ id: deliveryId }] : [{ id: deliveryId }, { id: signatureKey, ttlSeconds: 2 * tolerance }];
	const duplicate = input.seen ? input.seen.checkAndRememberAll(replayKeys, now) : false;
	// X-Webhook-Event is left out on purpose: it is not signed, so it decides nothing about a verified delivery.
	return { ok: true, deliveryId, timestamp, replayKeys, duplicate };
}

function unixNow(): number {
	return Math.floor(Date.now() / 1000);
}
