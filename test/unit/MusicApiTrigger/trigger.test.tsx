import { Readable } from 'node:stream';

import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { MUSICAPI_TRIGGER_WEBHOOK } from '../../../nodes/MusicApiTrigger/description';
import { forgetAcceptedInProcess, REPLAY_MAX_ENTRIES, REPLAY_TTL_SECONDS } from '../../../nodes/MusicApiTrigger/state';
import { hashKey } from '../../../nodes/shared/webhooks/dedupe';
import { signWebhook } from '../../fake-musicapi/webhooks/sign';
import { completed, harness, items, NODE, run, SECRET, signed, sonicClip, trigger, type Delivery, type Harness } from './trigger-harness';

// Each test starts as a fresh n8n process would: nothing accepted yet.
beforeEach(() => forgetAcceptedInProcess());

describe('MusicApiTrigger description', () => {
	it('is a trigger with one POST webhook at …/musicapi, no inputs, the MusicAPI credential', () => {
		const { description } = trigger;
		expect(description.name).toBe('musicApiTrigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'musicApiApi', required: true }]);
		expect(description.webhooks).toEqual([MUSICAPI_TRIGGER_WEBHOOK]);
		expect(MUSICAPI_TRIGGER_WEBHOOK).toMatchObject({ name: 'default', httpMethod: 'POST', path: 'musicapi', isFullPath: false });
	});

	it('has the documented parameters and defaults', () => {
		const byName = Object.fromEntries(trigger.description.properties.map((p) => [p.name, p]));
		expect(byName.events.default).toEqual(['completed', 'failed']);
		expect(byName.platforms.default).toEqual(['nuro', 'producer', 'sonic']);
		expect(byName.outputMode.default).toBe('clip');
		expect(byName.downloadAudio.default).toBe(true);
		expect(byName.acceptUnsigned.default).toBe(false);
		expect(byName.acceptUnsignedNotice).toMatchObject({ type: 'notice', displayOptions: { show: { acceptUnsigned: [true] } } });
		expect(byName.setupNotice.displayName).toContain('platform default secret');
	});
});

describe('MusicApiTrigger.webhook: accepted deliveries', () => {
	it('a valid delivery → 200 {received: true} and one item per clip', async () => {
		const h = harness(signed(completed()));
		const result = await run(h);
		expect(h.res).toMatchObject({ statusCode: 200, body: { received: true }, writes: 1 });
		expect(result.noWebhookResponse).toBe(true);
		expect(items(result).map((i) => i.json)).toEqual([
			expect.objectContaining({
				taskId: 'task-1',
				event: 'song.completed',
				platform: 'sonic',
				deliveryId: 'evt-1',
				signatureVerified: true,
				clipId: 'a',
				state: 'succeeded',
				title: 'Night Drive',
				duration: 104.88,
				audioUrl: 'https://cdn.example/a.mp3',
				model: 'chirp-v5',
			}),
			expect.objectContaining({ clipId: 'b', taskId: 'task-1' }),
		]);
		expect(items(result)[0].json.raw).toBeUndefined();
		expect(h.helpers.httpRequest).not.toHaveBeenCalled();
	});

	it.each(['suno', 'sonic'])('platform spelled %p counts as Sonic', async (platform) => {
		const h = harness(signed(completed(platform)), { params: { platforms: ['sonic'] } });
		const result = await run(h);
		expect(items(result)).toHaveLength(2);
		expect(items(result)[0].json.platform).toBe('sonic');
	});

	it('verifies deliveries signed by the fake MusicAPI (signWebhook) too', async () => {
		const body = JSON.stringify(completed());
		const timestamp = Math.floor(Date.now() / 1000);
		const h = harness({
			body,
			headers: { 'X-Webhook-Id': 'fake-1', 'X-Webhook-Timestamp': String(timestamp), 'X-Webhook-Signature': signWebhook(SECRET, timestamp, body) },
		});
		const result = await run(h);
		expect(h.res.statusCode).toBe(200);
		expect(items(result)[0].json.deliveryId).toBe('fake-1');
	});

	it('verifies over the exact raw bytes (whitespace and key order as sent)', async () => {
		const body = '{ "task_id":"task-1",  "platform":"suno", "event":"song.completed", "code":200, "data":[] }\n';
		const h = harness(signed(body));
		const result = await run(h);
		expect(h.res.statusCode).toBe(200);
		expect(items(result)).toHaveLength(1);
	});

	it('reads the raw body on demand when n8n has not yet', async () => {
		const h = harness(signed(completed()), { lazyRawBody: true });
		expect(items(await run(h))).toHaveLength(2);
	});

	it('"One Item per Delivery" → one item carrying the clips', async () => {
		const h = harness(signed(completed()), { params: { outputMode: 'delivery', options: { includeRaw: true } } });
		const result = await run(h);
		expect(items(result)).toHaveLength(1);
		const json = items(result)[0].json;
		expect(json).toMatchObject({ taskId: 'task-1', event: 'song.completed', platform: 'sonic', deliveryId: 'evt-1', state: 'succeeded' });
		expect((json.clips as IDataObject[]).map((c) => [c.clipId, (c.raw as IDataObject).clip_id])).toEqual([
			['a', 'a'],
			['b', 'b'],
		]);
	});

	it('a failed delivery → items with state failed and the reason', async () => {
		const payload = completed('sonic', { code: 500, message: 'Generation error', event: 'song.failed', data: [sonicClip('a', 'failed')] });
		const h = harness(signed(payload));
		const result = await run(h);
		expect(items(result).map((i) => i.json)).toEqual([
			expect.objectContaining({ event: 'song.failed', clipId: 'a', state: 'failed', error: 'Clip failed', taskError: 'Generation error' }),
		]);
	});

	it('a failed delivery without clips → one summary item', async () => {
		const payload = { code: 500, message: 'api_error', task_id: 'n-1', platform: 'nuro', event: 'song.failed', data: null };
		const result = await run(harness(signed(payload)));
		expect(items(result).map((i) => i.json)).toEqual([
			expect.objectContaining({ taskId: 'n-1', event: 'song.failed', platform: 'nuro', state: 'failed', error: 'api_error' }),
		]);
	});

	it('a Nuro delivery (one flat song) → one clip item', async () => {
		const payload = { code: 200, message: 'success', task_id: 'n-1', platform: 'nuro', event: 'song.completed', data: { audio_url: 'https://cdn.example/n.wav', duration: '45.5' } };
		const result = await run(harness(signed(payload)));
		expect(items(result).map((i) => i.json)).toEqual([
			expect.objectContaining({ taskId: 'n-1', platform: 'nuro', clipId: 'n-1', audioUrl: 'https://cdn.example/n.wav', duration: 45.5 }),
		]);
	});

	it('streaming deliveries run the workflow when Streaming is selected', async () => {
		const payload = completed('suno', { event: 'song.streaming', data: [sonicClip('a', 'streaming')] });
		const h = harness(signed(payload), { params: { events: ['streaming'] } });
		const result = await run(h);
		expect(items(result).map((i) => [i.json.event, i.json.state])).toEqual([['song.streaming', 'streaming']]);
	});

	it('has no secret of its own: a leftover node Webhook Secret (saved before it was removed) is ignored', async () => {
		expect(trigger.description.properties.some((p) => p.typeOptions?.password)).toBe(false);
		expect(JSON.stringify(trigger.description.properties)).not.toContain('webhookSecret');
		const leftover = { options: { webhookSecret: 'node-secret' } };
		const credentialSigned = harness(signed(completed(), { secret: SECRET }), { params: leftover });
		expect(items(await run(credentialSigned))).toHaveLength(2);

		const nodeSigned = harness(signed(completed('suno', { task_id: 'task-2' }), { secret: 'node-secret', id: 'evt-2' }), { params: leftover });
		expect((await run(nodeSigned)).workflowData).toBeUndefined();
		expect(nodeSigned.res.statusCode).toBe(401);
	});
});

describe('MusicApiTrigger.webhook: refused deliveries do not start the workflow', () => {
	const refused = async (h: Harness, status: number, error: string | RegExp) => {
		const result = await run(h);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(h.res).toMatchObject({ statusCode: status, body: { received: false, error: expect.stringMatching(error) }, writes: 1 });
		return result;
	};

	it('wrong secret → 401', async () => {
		await refused(harness(signed(completed(), { secret: 'someone-else' })), 401, /Signature mismatch/);
	});

	it('tampered body → 401', async () => {
		const delivery = signed(completed());
		delivery.body = (delivery.body as string).replace('task-1', 'task-2');
		await refused(harness(delivery), 401, /Signature mismatch/);
	});

	it('missing signature → 401', async () => {
		const delivery = signed(completed());
		delete delivery.headers!['x-webhook-signature'];
		await refused(harness(delivery), 401, /Missing X-Webhook-Signature/);
	});

	it('malformed signature header → 401', async () => {
		const delivery = signed(completed());
		delivery.headers!['x-webhook-signature'] = 'md5=abc';
		await refused(harness(delivery), 401, /Malformed X-Webhook-Signature/);
	});

	it('stale timestamp → 401', async () => {
		await refused(harness(signed(completed(), { timestamp: Math.floor(Date.now() / 1000) - 301 })), 401, /old/);
	});

	it('future timestamp → 401', async () => {
		await refused(harness(signed(completed(), { timestamp: Math.floor(Date.now() / 1000) + 301 })), 401, /future/);
	});

	it('no secret in the credential nor on the node → 401 naming the fix', async () => {
		const h = harness(signed(completed()), { credentials: { apiKey: 'key', webhookSecret: '' } });
		await refused(h, 401, /No webhook secret is configured.*platform default secret.*credential/);
		expect(h.logger.warn).toHaveBeenCalled();
		expect(JSON.stringify(h.logger.warn.mock.calls)).not.toContain(SECRET);
	});

	it('malformed JSON (validly signed) → 400', async () => {
		await refused(harness(signed('{"code":200,"data":[')), 400, /not valid JSON/);
	});

	it('JSON that is not an object → 400', async () => {
		await refused(harness(signed('[1,2,3]')), 400, /not a JSON object/);
	});

	it('no body → 400', async () => {
		const delivery = signed(completed());
		delete delivery.body;
		await refused(harness(delivery), 400, /no body/);
	});

	it('does not remember the id of a refused delivery', async () => {
		const staticData: IDataObject = {};
		await run(harness(signed(completed(), { secret: 'wrong' }), { staticData }));
		expect(staticData.replay).toBeUndefined();
		expect(items(await run(harness(signed(completed()), { staticData })))).toHaveLength(2);
	});
});

describe('MusicApiTrigger.webhook: acknowledged without running', () => {
	it('a repeated X-Webhook-Id → 200 duplicate, the workflow runs once (replay cache in static data)', async () => {
		const staticData: IDataObject = {};
		const first = harness(signed(completed(), { id: 'evt-7' }), { staticData });
		expect(items(await run(first))).toHaveLength(2);
		// Hashed (22 characters whatever the id's length): the id, the signature (for 10 minutes), the result.
		expect(staticData.replay).toEqual([
			{ id: hashKey('delivery', 'evt-7'), at: expect.any(Number) },
			{ id: expect.stringMatching(/^[\w-]{22}$/), at: expect.any(Number), ttl: 600 },
			{ id: expect.stringMatching(/^[\w-]{22}$/), at: expect.any(Number) },
		]);
		expect(JSON.stringify(staticData)).not.toContain('evt-7');

		// A redelivery: same id, signed afresh.
		const again = harness(signed(completed(), { id: 'evt-7', timestamp: Math.floor(Date.now() / 1000) + 5 }), { staticData });
		const result = await run(again);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(again.res).toMatchObject({ statusCode: 200, body: { received: true, duplicate: true } });

		const other = harness(signed(completed('suno', { task_id: 'task-2' }), { id: 'evt-8' }), { staticData });
		expect(items(await run(other))).toHaveLength(2);
		const ids = (staticData.replay as IDataObject[]).map((e) => e.id as string);
		expect(ids).toHaveLength(6);
		expect(ids).toContain(hashKey('delivery', 'evt-8'));
	});

	it('a captured delivery resent under a new X-Webhook-Id (same body, timestamp, signature) → 200 duplicate', async () => {
		const staticData: IDataObject = {};
		const original = signed(completed(), { id: 'evt-20' });
		expect(items(await run(harness(original, { staticData })))).toHaveLength(2);
		const replay = harness({ ...original, headers: { ...original.headers, 'x-webhook-id': 'attacker-chosen' } }, { staticData });
		expect(await run(replay)).toEqual({ noWebhookResponse: true });
		expect(replay.res).toMatchObject({ statusCode: 200, body: { received: true, duplicate: true } });
	});

	it('copies in flight: requests that each loaded the static data before the other saved it → only the first runs', async () => {
		// n8n hands each request its own copy of the static data, so the replay cache alone lets both through.
		const delivery = signed(completed(), { id: 'evt-30' });
		expect(items(await run(harness(delivery, { staticData: {} })))).toHaveLength(2);
		const copy = harness(delivery, { staticData: {} });
		expect(await run(copy)).toEqual({ noWebhookResponse: true });
		expect(copy.res).toMatchObject({ statusCode: 200, body: { received: true, duplicate: true } });

		// The process guard is per workflow and node: another workflow's trigger takes its own copy.
		const elsewhere = harness(delivery, { staticData: {} });
		(elsewhere.fn as unknown as { getWorkflow: () => { id: string } }).getWorkflow = () => ({ id: 'wf-2' });
		expect(items(await run(elsewhere))).toHaveLength(2);
	});

	it('keeps ids for a day, at most REPLAY_MAX_ENTRIES of them beyond the signature window', async () => {
		expect(REPLAY_TTL_SECONDS).toBe(86400);
		const now = Math.floor(Date.now() / 1000);
		const staticData: IDataObject = {
			replay: Array.from({ length: REPLAY_MAX_ENTRIES }, (_, i) => ({ id: `old-${i}`, at: now - 1000 })),
		};
		await run(harness(signed(completed(), { id: 'new' }), { staticData }));
		const ids = (staticData.replay as IDataObject[]).map((e) => e.id);
		expect(ids).toHaveLength(REPLAY_MAX_ENTRIES);
		// The id, the delivery's signature and its result came in, the three oldest went.
		expect(ids[0]).toBe('old-3');
		expect(ids.slice(-3)[0]).toBe(hashKey('delivery', 'new'));
	});

	it('streaming is off by default → 200 ignored', async () => {
		const payload = completed('suno', { event: 'song.streaming', data: [sonicClip('a', 'streaming')] });
		const h = harness(signed(payload));
		const result = await run(h);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(h.res).toMatchObject({ statusCode: 200, body: { received: true, ignored: true } });
	});

	it('a signed body without an event is read from its clips (streaming → ignored by default)', async () => {
		const payload = { code: 200, task_id: 't', platform: 'suno', data: [sonicClip('a', 'streaming')] };
		const h = harness(signed(payload, { event: 'song.streaming' }));
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res.body).toEqual({ received: true, ignored: true });
	});

	it('an unselected platform → 200 ignored', async () => {
		const payload = { code: 200, message: 'success', task_id: 'p', platform: 'producer', event: 'song.completed', data: [{ clip_id: 'p1', audio_url: 'https://x/p1.m4a' }] };
		const h = harness(signed(payload), { params: { platforms: ['sonic'] } });
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res).toMatchObject({ statusCode: 200, body: { received: true, ignored: true } });
	});

	it('an unselected event (failed) → 200 ignored', async () => {
		const payload = completed('suno', { code: 500, message: 'boom', event: 'song.failed' });
		const h = harness(signed(payload), { params: { events: ['completed'] } });
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res.body).toEqual({ received: true, ignored: true });
	});

	it('an unknown event → 200 ignored', async () => {
		const h = harness(signed(completed('suno', { event: 'song.lyrics_ready' })));
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res.body).toEqual({ received: true, ignored: true });
	});
});

describe('MusicApiTrigger.webhook: Accept Unsigned Deliveries (testing only)', () => {
	const unsigned = (payload: unknown, headers: Record<string, string> = {}): Delivery => ({ body: JSON.stringify(payload), headers });

	it('off (default): an unsigned delivery → 401', async () => {
		const h = harness(unsigned(completed()));
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res.statusCode).toBe(401);
	});

	it('on: an unsigned delivery runs, marked as not verified', async () => {
		const h = harness(unsigned(completed(), { 'x-webhook-id': 'u-1' }), { params: { acceptUnsigned: true }, mode: 'manual' });
		const result = await run(h);
		expect(items(result).map((i) => [i.json.signatureVerified, i.json.deliveryId])).toEqual([
			[false, 'u-1'],
			[false, 'u-1'],
		]);
	});

	it('on, without any secret: even signed deliveries are taken unverified', async () => {
		const h = harness(signed(completed()), { params: { acceptUnsigned: true }, credentials: { webhookSecret: '' }, mode: 'manual' });
		expect(items(await run(h))[0].json.signatureVerified).toBe(false);
	});

	it('on: a signature that is present is still checked', async () => {
		const h = harness(signed(completed(), { secret: 'wrong' }), { params: { acceptUnsigned: true }, mode: 'manual' });
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res.statusCode).toBe(401);
	});

	it('on: repeated ids are still acknowledged once', async () => {
		const staticData: IDataObject = {};
		const params = { acceptUnsigned: true };
		expect(items(await run(harness(unsigned(completed(), { 'x-webhook-id': 'u-2' }), { params, staticData, mode: 'manual' })))).toHaveLength(2);
		const again = harness(unsigned(completed(), { 'x-webhook-id': 'u-2' }), { params, staticData, mode: 'manual' });
		expect(await run(again)).toEqual({ noWebhookResponse: true });
		expect(again.res.body).toEqual({ received: true, duplicate: true });
	});

	it('on: malformed JSON is still 400', async () => {
		const h = harness({ body: 'not json', headers: {} }, { params: { acceptUnsigned: true }, mode: 'manual' });
		expect(await run(h)).toEqual({ noWebhookResponse: true });
		expect(h.res.statusCode).toBe(400);
	});
});

describe('MusicApiTrigger.webhook: Download Audio', () => {
	it('answers MusicAPI first, then attaches each succeeded clip as binary', async () => {
		const payload = completed('suno', { data: [sonicClip('a'), sonicClip('b', 'failed', { audio_url: null })] });
		const h = harness(signed(payload), { params: { downloadAudio: true, binaryProperty: 'audio' } });
		const result = await run(h);
		expect(h.order).toEqual(['response', 'download']);
		expect(h.helpers.httpRequest).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://cdn.example/a.mp3', encoding: 'stream' }));
		const [first, second] = items(result);
		expect(first.binary?.audio).toMatchObject({ fileName: 'night-drive-a.mp3', mimeType: 'audio/mpeg' });
		expect(second.binary).toBeUndefined();
	});

	it('one item per delivery: <property>_<index> per clip', async () => {
		const h = harness(signed(completed()), { params: { downloadAudio: true, outputMode: 'delivery' } });
		const [item] = items(await run(h));
		expect(Object.keys(item.binary ?? {})).toEqual(['data_0', 'data_1']);
	});

	it('a failed download keeps the item, with the URL and a downloadError', async () => {
		const h = harness(signed(completed('suno', { data: [sonicClip('a')] })), { params: { downloadAudio: true } });
		h.helpers.httpRequest.mockResolvedValue({ statusCode: 404, headers: {}, body: Readable.from([]) });
		const result = await run(h);
		expect(h.res).toMatchObject({ statusCode: 200, body: { received: true } });
		expect(items(result)[0].json).toMatchObject({ audioUrl: 'https://cdn.example/a.mp3', downloadError: expect.stringContaining('HTTP 404') });
		expect(items(result)[0].binary).toBeUndefined();
	});
});

describe('MusicApiTrigger webhook lifecycle (no registration API: the node keeps its own record)', () => {
	const hook = (url: string | undefined, staticData: IDataObject) =>
		({
			getNodeWebhookUrl: () => url,
			getWorkflowStaticData: () => staticData,
			getNode: () => NODE,
			logger: { warn: jest.fn(), debug: jest.fn(), info: jest.fn(), error: jest.fn() },
		}) as unknown as IHookFunctions & { logger: { warn: jest.Mock } };
	const methods = trigger.webhookMethods.default;
	const URL = 'https://n8n.example/webhook/0b7e/musicapi';

	it('checkExists → create → checkExists → delete', async () => {
		const staticData: IDataObject = {};
		const fn = hook(URL, staticData);
		expect(await methods.checkExists.call(fn)).toBe(false);
		expect(await methods.create.call(fn)).toBe(true);
		expect(staticData).toEqual({ webhookUrl: URL, activatedAt: expect.any(String), replay: [] });
		expect(Number.isNaN(Date.parse(staticData.activatedAt as string))).toBe(false);
		expect(await methods.checkExists.call(fn)).toBe(true);
		expect(fn.logger.warn).not.toHaveBeenCalled();

		staticData.replay = [{ id: 'evt-1', at: 1 }];
		expect(await methods.delete.call(fn)).toBe(true);
		expect(staticData).toEqual({});
		expect(await methods.checkExists.call(fn)).toBe(false);
	});

	it('a changed webhook URL is not taken as existing', async () => {
		const staticData: IDataObject = { webhookUrl: 'https://old.example/webhook/x/musicapi' };
		expect(await methods.checkExists.call(hook(URL, staticData))).toBe(false);
	});

	it('warns (without failing) when the URL is not HTTPS, which MusicAPI requires', async () => {
		const fn = hook('http://127.0.0.1:5678/webhook/0b7e/musicapi', {});
		expect(await methods.create.call(fn)).toBe(true);
		expect(fn.logger.warn).toHaveBeenCalledWith(expect.stringContaining('HTTPS'));
	});

	it('create fails loudly when n8n has no URL for the node', async () => {
		await expect(methods.create.call(hook(undefined, {}))).rejects.toThrow('no webhook URL');
	});
});
