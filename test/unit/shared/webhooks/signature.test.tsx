import { createHmac } from 'node:crypto';

import {
	DEFAULT_TOLERANCE_SECONDS,
	ReplayCache,
	headerValue,
	signPayload,
	verifyDelivery,
} from '../../../../nodes/shared/webhooks/signature';
import { signWebhook } from '../../../fake-musicapi/webhooks/sign';

const SECRET = 'whsec_test_0123456789';
const NOW = 1_760_000_000;
const BODY = JSON.stringify({ code: 200, message: 'success', task_id: 't-1', platform: 'suno', event: 'song.completed', data: [] });

function signedHeaders(overrides: Record<string, string | undefined> = {}, body = BODY, timestamp = NOW, secret = SECRET) {
	const headers: Record<string, string | undefined> = {
		'x-webhook-id': 'evt-1',
		'x-webhook-event': 'song.completed',
		'x-webhook-timestamp': String(timestamp),
		'x-webhook-signature': signPayload(secret, timestamp, body),
		...overrides,
	};
	for (const key of Object.keys(headers)) if (headers[key] === undefined) delete headers[key];
	return headers;
}

describe('signPayload', () => {
	it('is sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>', () => {
		const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
		expect(signPayload(SECRET, NOW, BODY)).toBe(`sha256=${expected}`);
		expect(signPayload(SECRET, String(NOW), Buffer.from(BODY))).toBe(`sha256=${expected}`);
	});

	it('agrees with the fake MusicAPI server (test/fake-musicapi signWebhook)', () => {
		for (const body of [BODY, '{"a":"ünïcødé 🎵"}', '']) {
			expect(signPayload(SECRET, NOW, body)).toBe(signWebhook(SECRET, NOW, body));
			expect(signPayload(SECRET, NOW, Buffer.from(body, 'utf8'))).toBe(signWebhook(SECRET, String(NOW), body));
		}
	});

	it('signs the exact bytes, not a re-serialisation', () => {
		const spaced = '{ "code": 200 }';
		expect(signPayload(SECRET, NOW, spaced)).not.toBe(signPayload(SECRET, NOW, JSON.stringify(JSON.parse(spaced))));
	});
});

describe('verifyDelivery', () => {
	const verify = (headers: Record<string, string | undefined>, overrides: Partial<Parameters<typeof verifyDelivery>[0]> = {}) =>
		verifyDelivery({ headers, rawBody: BODY, secret: SECRET, now: NOW, ...overrides });

	it('accepts a valid delivery and reports id and timestamp (not the event: its header is not signed)', () => {
		expect(verify(signedHeaders())).toEqual({
			ok: true,
			deliveryId: 'evt-1',
			timestamp: NOW,
			replayKeys: [{ id: 'evt-1' }, { id: `sha256:${signPayload(SECRET, NOW, BODY).slice(7)}`, ttlSeconds: 2 * DEFAULT_TOLERANCE_SECONDS }],
			duplicate: false,
		});
	});

	it('accepts the raw body as a Buffer', () => {
		expect(verify(signedHeaders(), { rawBody: Buffer.from(BODY) })).toMatchObject({ ok: true });
	});

	it('refuses a wrong secret with 401', () => {
		expect(verify(signedHeaders({}, BODY, NOW, 'another-secret'))).toEqual({
			ok: false,
			status: 401,
			reason: expect.stringContaining('Signature mismatch'),
		});
	});

	it('refuses a tampered body with 401', () => {
		const tampered = BODY.replace('t-1', 't-2');
		expect(verify(signedHeaders(), { rawBody: tampered })).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('mismatch') });
	});

	it('refuses a signature made for another timestamp', () => {
		const headers = signedHeaders({ 'x-webhook-timestamp': String(NOW + 1) });
		expect(verify(headers)).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('mismatch') });
	});

	it('refuses a stale timestamp (more than 5 minutes old), even correctly signed', () => {
		const old = NOW - DEFAULT_TOLERANCE_SECONDS - 1;
		expect(verify(signedHeaders({}, BODY, old))).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('old') });
		expect(verify(signedHeaders({}, BODY, NOW - DEFAULT_TOLERANCE_SECONDS))).toMatchObject({ ok: true });
	});

	it('refuses a timestamp more than 5 minutes in the future', () => {
		const future = NOW + DEFAULT_TOLERANCE_SECONDS + 1;
		expect(verify(signedHeaders({}, BODY, future))).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('future') });
		expect(verify(signedHeaders({}, BODY, NOW + DEFAULT_TOLERANCE_SECONDS))).toMatchObject({ ok: true });
	});

	it('honours a custom tolerance', () => {
		expect(verify(signedHeaders({}, BODY, NOW - 61), { toleranceSeconds: 60 })).toMatchObject({ ok: false, status: 401 });
	});

	it('uses the clock when no `now` is given', () => {
		const timestamp = Math.floor(Date.now() / 1000);
		const result = verifyDelivery({ headers: signedHeaders({}, BODY, timestamp), rawBody: BODY, secret: SECRET });
		expect(result).toMatchObject({ ok: true, timestamp });
	});

	it.each([
		['x-webhook-signature', 'Missing X-Webhook-Signature'],
		['x-webhook-timestamp', 'Missing X-Webhook-Timestamp'],
	])('refuses a delivery without %s with 401', (name, reason) => {
		expect(verify(signedHeaders({ [name]: undefined }))).toEqual({ ok: false, status: 401, reason: expect.stringContaining(reason) });
	});

	it('refuses a delivery without any headers', () => {
		expect(verify({})).toMatchObject({ ok: false, status: 401 });
		expect(verifyDelivery({ headers: undefined, rawBody: BODY, secret: SECRET, now: NOW })).toMatchObject({ ok: false, status: 401 });
	});

	it.each([
		['no prefix', () => signPayload(SECRET, NOW, BODY).slice('sha256='.length)],
		['another algorithm', () => signPayload(SECRET, NOW, BODY).replace('sha256=', 'sha1=')],
		['short hex', () => signPayload(SECRET, NOW, BODY).slice(0, -2)],
		['non-hex characters', () => `sha256=${'z'.repeat(64)}`],
		['empty value', () => 'sha256='],
		['garbage', () => 'not a signature'],
	])('refuses a malformed signature header (%s) with 401', (_label, make) => {
		expect(verify(signedHeaders({ 'x-webhook-signature': make() }))).toMatchObject({
			ok: false,
			status: 401,
			reason: expect.stringContaining('Malformed X-Webhook-Signature'),
		});
	});

	it('accepts upper-case hex in the signature', () => {
		const signature = signPayload(SECRET, NOW, BODY);
		expect(verify(signedHeaders({ 'x-webhook-signature': `sha256=${signature.slice(7).toUpperCase()}` }))).toMatchObject({ ok: true });
	});

	it.each(['17600000.5', 'yesterday', '-1760000000', '1760000000000000'])('refuses a malformed timestamp %p with 401', (timestamp) => {
		expect(verify(signedHeaders({ 'x-webhook-timestamp': timestamp }))).toMatchObject({
			ok: false,
			status: 401,
			reason: expect.stringContaining('Malformed X-Webhook-Timestamp'),
		});
	});

	it('reads header names case-insensitively', () => {
		const headers = {
			'X-Webhook-Id': 'evt-9',
			'X-WEBHOOK-EVENT': 'song.failed',
			'x-Webhook-Timestamp': String(NOW),
			'X-Webhook-Signature': signPayload(SECRET, NOW, BODY),
		};
		expect(verify(headers)).toMatchObject({ ok: true, deliveryId: 'evt-9', timestamp: NOW, duplicate: false });
	});

	it('takes the first value of a repeated header', () => {
		const headers = { ...signedHeaders(), 'x-webhook-signature': [signPayload(SECRET, NOW, BODY), 'sha256=00'] };
		expect(verifyDelivery({ headers, rawBody: BODY, secret: SECRET, now: NOW })).toMatchObject({ ok: true });
	});

	it('refuses with 401 when no secret is configured', () => {
		expect(verify(signedHeaders(), { secret: '' })).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('No webhook secret') });
	});

	it('answers 400 when there is no body at all', () => {
		expect(verify(signedHeaders(), { rawBody: undefined })).toMatchObject({ ok: false, status: 400 });
	});

	it('reports a repeated X-Webhook-Id as a duplicate (authentic, but not to be run again)', () => {
		const seen = new ReplayCache();
		expect(verify(signedHeaders(), { seen })).toMatchObject({ ok: true, duplicate: false, deliveryId: 'evt-1' });
		expect(verify(signedHeaders(), { seen })).toMatchObject({ ok: true, duplicate: true, deliveryId: 'evt-1' });
		// A redelivery: same id, fresh timestamp and signature.
		expect(verify(signedHeaders({}, BODY, NOW + 30), { seen, now: NOW + 30 })).toMatchObject({ ok: true, duplicate: true });
		const other = BODY.replace('t-1', 't-2');
		expect(verify(signedHeaders({ 'x-webhook-id': 'evt-2' }, other), { seen, rawBody: other })).toMatchObject({ ok: true, duplicate: false });
	});

	it('reports a captured delivery resent under a NEW X-Webhook-Id as a duplicate (the signature does not cover the id)', () => {
		const seen = new ReplayCache();
		expect(verify(signedHeaders(), { seen })).toMatchObject({ ok: true, duplicate: false });
		expect(verify(signedHeaders({ 'x-webhook-id': 'forged-new-id' }), { seen, now: NOW + 299 })).toMatchObject({ ok: true, duplicate: true });
		expect(verify(signedHeaders({ 'x-webhook-id': undefined }), { seen, now: NOW + 299 })).toMatchObject({ ok: true, duplicate: true });
		// The same body signed at another second is another signature, e.g. a new event with identical content.
		expect(verify(signedHeaders({ 'x-webhook-id': 'evt-3' }, BODY, NOW + 1), { seen, now: NOW + 1 })).toMatchObject({ duplicate: false });
	});

	it('remembers the signature for twice the tolerance, the id for the cache ttl', () => {
		const seen = new ReplayCache({ ttlSeconds: 86400 });
		verify(signedHeaders(), { seen });
		const signatureKey = `sha256:${signPayload(SECRET, NOW, BODY).slice(7)}`;
		expect(seen.entries()).toEqual([
			{ id: 'evt-1', at: NOW },
			{ id: signatureKey, at: NOW, ttl: 600 },
		]);
		expect(seen.has(signatureKey, NOW + 600)).toBe(true);
		expect(seen.has(signatureKey, NOW + 601)).toBe(false);
		expect(seen.has('evt-1', NOW + 601)).toBe(true);
	});

	it('does not remember ids of deliveries that fail verification', () => {
		const seen = new ReplayCache();
		expect(verify(signedHeaders({}, BODY, NOW, 'wrong'), { seen })).toMatchObject({ ok: false });
		expect(seen.size).toBe(0);
		expect(verify(signedHeaders(), { seen })).toMatchObject({ ok: true, duplicate: false });
	});

	it('without X-Webhook-Id, dedupes exact replays by their signature', () => {
		const seen = new ReplayCache();
		const headers = signedHeaders({ 'x-webhook-id': undefined });
		const first = verify(headers, { seen });
		expect(first).toMatchObject({ ok: true, duplicate: false, deliveryId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
		expect(verify(headers, { seen })).toMatchObject({ ok: true, duplicate: true });
	});
});

describe('ReplayCache', () => {
	it('forgets ids after its ttl', () => {
		const cache = new ReplayCache({ ttlSeconds: 300 });
		cache.remember('a', NOW);
		expect(cache.has('a', NOW + 300)).toBe(true);
		expect(cache.has('a', NOW + 301)).toBe(false);
		expect(cache.checkAndRemember('a', NOW + 301)).toBe(false);
		expect(cache.checkAndRemember('a', NOW + 302)).toBe(true);
	});

	it('defaults to the tolerance window', () => {
		expect(new ReplayCache().ttlSeconds).toBe(DEFAULT_TOLERANCE_SECONDS);
	});

	it('is bounded: past maxEntries the oldest ids go first', () => {
		const cache = new ReplayCache({ ttlSeconds: 3600, maxEntries: 3 });
		['a', 'b', 'c', 'd'].forEach((id, i) => cache.remember(id, NOW + i));
		expect(cache.size).toBe(3);
		expect(cache.has('a', NOW + 4)).toBe(false);
		expect(cache.entries().map((e) => e.id)).toEqual(['b', 'c', 'd']);
	});

	it('prunes expired ids when it remembers a new one', () => {
		const cache = new ReplayCache({ ttlSeconds: 10 });
		cache.remember('old', NOW);
		cache.remember('new', NOW + 11);
		expect(cache.entries()).toEqual([{ id: 'new', at: NOW + 11 }]);
	});

	it('round-trips through plain entries (workflow static data), dropping junk and keeping the bound', () => {
		const cache = new ReplayCache({ ttlSeconds: 3600 });
		cache.remember('12', NOW);
		cache.remember('a', NOW + 1);
		const restored = new ReplayCache({ ttlSeconds: 3600, maxEntries: 2 }, [
			...JSON.parse(JSON.stringify(cache.entries())),
			{ id: 5, at: NOW } as never,
			{ id: 'x', at: 'soon' } as never,
		]);
		expect(restored.entries()).toEqual([
			{ id: '12', at: NOW },
			{ id: 'a', at: NOW + 1 },
		]);
		expect(restored.has('12', NOW + 2)).toBe(true);
	});

	it('keeps a per-entry ttl through plain entries', () => {
		const cache = new ReplayCache({ ttlSeconds: 3600 });
		cache.remember('long', NOW);
		cache.remember('short', NOW, 10);
		const restored = new ReplayCache({ ttlSeconds: 3600 }, JSON.parse(JSON.stringify(cache.entries())));
		expect(restored.entries()).toEqual([
			{ id: 'long', at: NOW },
			{ id: 'short', at: NOW, ttl: 10 },
		]);
		expect(restored.has('short', NOW + 11)).toBe(false);
		restored.prune(NOW + 11);
		expect(restored.entries()).toEqual([{ id: 'long', at: NOW }]);
	});

	it('checkAndRememberAll: a duplicate when any key was seen; otherwise remembers them all', () => {
		const cache = new ReplayCache({ ttlSeconds: 3600 });
		expect(cache.checkAndRememberAll([{ id: 'a' }, { id: 'sig-a', ttlSeconds: 60 }], NOW)).toBe(false);
		expect(cache.checkAndRememberAll([{ id: 'b' }, { id: 'sig-a', ttlSeconds: 60 }], NOW + 1)).toBe(true);
		expect(cache.has('b', NOW + 1)).toBe(false);
		expect(cache.checkAndRememberAll([{ id: 'b' }, { id: 'sig-a', ttlSeconds: 60 }], NOW + 61)).toBe(false);
	});

	it('clear() forgets everything', () => {
		const cache = new ReplayCache();
		cache.remember('a', NOW);
		cache.clear();
		expect(cache.size).toBe(0);
	});
});

describe('headerValue', () => {
	it('finds names case-insensitively and trims', () => {
		expect(headerValue({ 'X-Webhook-Id': '  abc ' }, 'x-webhook-id')).toBe('abc');
		expect(headerValue({ 'x-webhook-id': ['a', 'b'] }, 'X-WEBHOOK-ID')).toBe('a');
		expect(headerValue({ other: 'x' }, 'x-webhook-id')).toBeUndefined();
		expect(headerValue(undefined, 'x-webhook-id')).toBeUndefined();
	});
});
