/**
 * Issue 12 for the MusicAPI Trigger: one run per result whatever the delivery id and signature, unsigned
 * deliveries only on the test URL and never leading to a download, bounded caches.
 */
import type { IDataObject } from 'n8n-workflow';

import { forgetAcceptedInProcess, processGuardSize, PROCESS_GUARD_MAX_ENTRIES, REPLAY_MAX_ENTRIES } from '../../../nodes/MusicApiTrigger/state';
import { completed, harness, items, run, signed, sonicClip } from './trigger-harness';

beforeEach(() => forgetAcceptedInProcess());

const now = (): number => Math.floor(Date.now() / 1000);

describe('exactly once per result (task id, platform, event)', () => {
	it('the same result again under a new X-Webhook-Id with a fresh signature → 200 duplicate, no second run', async () => {
		const staticData: IDataObject = {};
		expect(items(await run(harness(signed(completed(), { id: 'first' }), { staticData })))).toHaveLength(2);
		const again = harness(signed(completed(), { id: 'second', timestamp: now() + 3 }), { staticData });
		expect(await run(again)).toEqual({ noWebhookResponse: true });
		expect(again.res).toMatchObject({ statusCode: 200, body: { received: true, duplicate: true } });
	});

	it('holds across processes sharing static data (no process guard) and across copies in flight (no shared static data)', async () => {
		const staticData: IDataObject = {};
		expect(items(await run(harness(signed(completed(), { id: 'a' }), { staticData })))).toHaveLength(2);
		forgetAcceptedInProcess(); // another n8n process: only the static data is shared
		const elsewhere = harness(signed(completed(), { id: 'b', timestamp: now() + 1 }), { staticData });
		expect((await run(elsewhere)).workflowData).toBeUndefined();

		forgetAcceptedInProcess();
		// Concurrent copies: each loaded the static data before any saved it; the process guard lets one through.
		const copies = await Promise.all(
			['c1', 'c2', 'c3', 'c4'].map(async (id, i) => await run(harness(signed(completed('suno', { task_id: 'task-9' }), { id, timestamp: now() + i }), { staticData: {} }))),
		);
		expect(copies.filter((result) => result.workflowData !== undefined)).toHaveLength(1);
	});

	it('"suno" and "sonic" are one platform; song.succeeded and song.completed one event', async () => {
		expect(items(await run(harness(signed(completed('suno'), { id: 'x1' }))))).toHaveLength(2);
		expect((await run(harness(signed(completed('sonic'), { id: 'x2' })))).workflowData).toBeUndefined();
		expect((await run(harness(signed(completed('sonic', { event: 'song.succeeded' }), { id: 'x3' })))).workflowData).toBeUndefined();
	});

	it('another task, another platform or another event of the same task are other results', async () => {
		expect(items(await run(harness(signed(completed(), { id: 'r1' }))))).toHaveLength(2);
		expect(items(await run(harness(signed(completed('suno', { task_id: 'task-2' }), { id: 'r2' }))))).toHaveLength(2);
		const producer = { code: 200, task_id: 'task-1', platform: 'producer', event: 'song.completed', data: [{ clip_id: 'p1', audio_url: 'https://x/p1.m4a' }] };
		expect(items(await run(harness(signed(producer, { id: 'r3' }))))).toHaveLength(1);
		const streaming = completed('suno', { event: 'song.streaming', data: [sonicClip('a', 'streaming')] });
		expect(items(await run(harness(signed(streaming, { id: 'r4' }), { params: { events: ['streaming', 'completed'] } })))).toHaveLength(1);
	});

	it('an unsigned test delivery does not use up the result: the genuine signed one still runs', async () => {
		const params = { acceptUnsigned: true };
		const unsigned = { body: JSON.stringify(completed()), headers: { 'content-type': 'application/json' } };
		expect(items(await run(harness(unsigned, { params, mode: 'manual' })))[0].json.signatureVerified).toBe(false);
		expect(items(await run(harness(signed(completed()), { params, mode: 'manual' })))[0].json.signatureVerified).toBe(true);
	});
});

describe('unsigned deliveries: the test URL only, never a download', () => {
	const unsigned = (payload: unknown) => ({ body: JSON.stringify(payload), headers: { 'content-type': 'application/json', 'x-webhook-id': 'u-9' } });

	it.each([
		['with a secret in the credential', { apiKey: 'key', webhookSecret: 'cred-secret' }, /Missing X-Webhook-Signature/],
		['without a secret', { apiKey: 'key', webhookSecret: '' }, /test URL only/],
	])('on the production URL, the option on, %s → 401', async (_name, credentials, reason) => {
		const h = harness(unsigned(completed()), { params: { acceptUnsigned: true, downloadAudio: true }, credentials, mode: 'webhook' });
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res).toMatchObject({ statusCode: 401, body: { received: false, error: expect.stringMatching(reason) } });
		expect(h.helpers.httpRequest).not.toHaveBeenCalled();
	});

	it('on the test URL with Download Audio on: items, but no request to any URL the body names', async () => {
		const payload = completed('suno', { data: [sonicClip('a', 'succeeded', { audio_url: 'http://169.254.169.254/latest/meta-data/' })] });
		const h = harness(unsigned(payload), { params: { acceptUnsigned: true, downloadAudio: true }, mode: 'manual' });
		const [item] = items(await run(h));
		expect(h.helpers.httpRequest).not.toHaveBeenCalled();
		expect(h.helpers.prepareBinaryData).not.toHaveBeenCalled();
		expect(item.binary).toBeUndefined();
		expect(item.json).toMatchObject({ signatureVerified: false, audioUrl: 'http://169.254.169.254/latest/meta-data/', downloadError: expect.stringMatching(/unsigned/) });
	});

	it('a signed delivery on the test URL still downloads', async () => {
		const h = harness(signed(completed('suno', { data: [sonicClip('a')] })), { params: { acceptUnsigned: true, downloadAudio: true }, mode: 'manual' });
		const [item] = items(await run(h));
		expect(h.helpers.httpRequest).toHaveBeenCalledTimes(1);
		expect(item.binary?.data).toBeDefined();
	});
});

describe('bounded state: delivery ids are hashed and capped', () => {
	it('a 16 KB delivery id costs static data a fixed few bytes and the item at most 200 characters', async () => {
		const staticData: IDataObject = {};
		const longId = 'x'.repeat(16 * 1024);
		const h = harness({ body: JSON.stringify(completed()), headers: { 'x-webhook-id': longId } }, { params: { acceptUnsigned: true }, mode: 'manual', staticData });
		const [item] = items(await run(h));
		expect(JSON.stringify(staticData).length).toBeLessThan(200);
		expect(String(item.json.deliveryId)).toHaveLength(200);
	});

	it('300 distinct 16 KB ids: about 40 bytes each in static data, one fixed-size key each in the process guard', async () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < 300; i++) {
			const h = harness({ body: JSON.stringify(completed()), headers: { 'x-webhook-id': `${i}-${'y'.repeat(16 * 1024)}` } }, { params: { acceptUnsigned: true }, mode: 'manual', staticData });
			await run(h);
		}
		expect((staticData.replay as unknown[]).length).toBe(300);
		expect(JSON.stringify(staticData).length).toBeLessThan(300 * 50);
		expect(processGuardSize()).toBe(300);
		expect(REPLAY_MAX_ENTRIES * 50).toBeLessThan(200_000);
		expect(PROCESS_GUARD_MAX_ENTRIES).toBe(20_000);
	});

	it('ignores unhashed ids left by an older version instead of carrying their bytes', async () => {
		const staticData: IDataObject = { replay: [{ id: 'z'.repeat(4096), at: now() }] };
		await run(harness(signed(completed()), { staticData }));
		expect(JSON.stringify(staticData)).not.toContain('zzzz');
	});
});

describe('secrets never reach items, answers or logs', () => {
	it('Include Raw Data: a delivery echoing the API key or the webhook secret is masked in every item', async () => {
		const payload = completed('suno', { data: [sonicClip('a', 'succeeded', { metadata: { note: 'key key-SECRET-1 and cred-secret' } })] });
		const h = harness(signed(payload), { params: { options: { includeRaw: true } }, credentials: { apiKey: 'key-SECRET-1', webhookSecret: 'cred-secret' } });
		const text = JSON.stringify(items(await run(h)));
		expect(text).toContain('***');
		expect(text).not.toContain('key-SECRET-1');
		expect(text).not.toContain('cred-secret');
	});

	it('a refusal quoting the body (unsigned test delivery, malformed JSON) is masked in the answer and the log', async () => {
		const h = harness({ body: '{"note":"key-SECRET-1" oops', headers: {} }, { params: { acceptUnsigned: true }, mode: 'manual', credentials: { apiKey: 'key-SECRET-1', webhookSecret: '' } });
		await run(h);
		expect(h.res.statusCode).toBe(400);
		expect(JSON.stringify([h.res.body, h.logger.warn.mock.calls])).not.toContain('key-SECRET-1');
	});
});
