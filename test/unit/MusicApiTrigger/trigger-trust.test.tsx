/**
 * Issue 12 for the MusicAPI Trigger: one run per result whatever the delivery id and signature, unsigned
 * deliveries only on the test URL and never leading to a download, bounded caches.
 */
import type { IDataObject } from 'n8n-workflow';

import { alreadyAcceptedInProcess, forgetAcceptedInProcess, processGuardSize, REPLAY_MAX_ENTRIES } from '../../../nodes/MusicApiTrigger/state';
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

	it('Download Audio: a title echoing the API key does not reach the file name (issue 23, N6)', async () => {
		const payload = completed('suno', { data: [sonicClip('a', 'succeeded', { title: 'Night key-SECRET-1 Drive' })] });
		const h = harness(signed(payload), { params: { downloadAudio: true }, credentials: { apiKey: 'key-SECRET-1', webhookSecret: 'cred-secret' } });
		const [item] = items(await run(h));
		const fileNames = h.helpers.prepareBinaryData.mock.calls.map((call) => call[1] as string);
		expect(fileNames).toEqual(['night-drive-a.mp3']);
		expect(JSON.stringify([item, h.logger.warn.mock.calls, h.logger.debug.mock.calls])).not.toMatch(/key-SECRET-1|secret-1/i);
	});

	it('a refusal quoting the body (unsigned test delivery, malformed JSON) is masked in the answer and the log', async () => {
		const h = harness({ body: '{"note":"key-SECRET-1" oops', headers: {} }, { params: { acceptUnsigned: true }, mode: 'manual', credentials: { apiKey: 'key-SECRET-1', webhookSecret: '' } });
		await run(h);
		expect(h.res.statusCode).toBe(400);
		expect(JSON.stringify([h.res.body, h.logger.warn.mock.calls])).not.toContain('key-SECRET-1');
	});
});

// Issue 23 (N8, A4c): what stops a replay is kept by time, per trigger; no other workflow and no number of
// deliveries can push it out.
describe('replay protection no count can wear down', () => {
	it("another workflow's deliveries (its own secret) cannot push this trigger's entries out of the process guard", async () => {
		const delivery = signed(completed('suno', { task_id: 'task-n8' }), { id: 'mine' });
		expect(items(await run(harness(delivery, { staticData: {} })))).toHaveLength(2);
		// Another trigger accepted 25,000 deliveries in this process, one a second (most beyond the signature window,
		// so the count bounds its guard).
		const start = now() - 30_000;
		for (let i = 0; i < 25_000; i++) alreadyAcceptedInProcess('wf-2/Other Trigger', [{ id: `other-${i}` }], start + i);
		// A concurrent copy of this trigger's delivery (no static data seen yet): the guard still knows it.
		const copy = harness({ ...delivery, headers: { ...delivery.headers, 'x-webhook-id': 'mine-copy' } }, { staticData: {} });
		expect((await run(copy)).workflowData).toBeUndefined();
		expect(copy.res.body).toEqual({ received: true, duplicate: true });
		expect(processGuardSize()).toBeLessThanOrEqual(2 * REPLAY_MAX_ENTRIES);
	});

	it('static data keeps every delivery of the signature window, however many: a captured one does not replay after 3,000 real ones', async () => {
		const staticData: IDataObject = {};
		const captured = signed(completed('suno', { task_id: 'task-a4c' }), { id: 'captured' });
		expect(items(await run(harness(captured, { staticData })))).toHaveLength(2);
		// REPLAY_MAX_ENTRIES keys of genuine deliveries accepted after it, all within the window.
		const later = now();
		staticData.replay = [...(staticData.replay as IDataObject[]), ...Array.from({ length: REPLAY_MAX_ENTRIES }, (_, i) => ({ id: `real-${i}`, at: later }))];
		forgetAcceptedInProcess(); // a restart, or another process: only static data remembers
		const replay = harness({ ...captured, headers: { ...captured.headers, 'x-webhook-id': 'replayed' } }, { staticData });
		expect((await run(replay)).workflowData).toBeUndefined();
		expect(replay.res.body).toEqual({ received: true, duplicate: true });
	});

	it('beyond the window the count bounds it again: keys older than 10 minutes go first', async () => {
		const old = now() - 3600;
		const staticData: IDataObject = { replay: Array.from({ length: REPLAY_MAX_ENTRIES }, (_, i) => ({ id: `old-${i}`, at: old })) };
		await run(harness(signed(completed(), { id: 'new' }), { staticData }));
		expect((staticData.replay as IDataObject[]).length).toBe(REPLAY_MAX_ENTRIES);
	});
});
