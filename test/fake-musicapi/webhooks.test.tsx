import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Delivery, type FakeMusicApi, signWebhook, startFakeMusicApi } from './index';
import { CREATE_BODY, FINISH_MS, type Received, startReceiver, submit } from './test-helpers';

/** Verifies a delivery the way a receiver must: HMAC-SHA256(secret, "<ts>.<raw body>"), constant-time. */
function verify(received: Received, secret: string): boolean {
	const timestamp = String(received.headers['x-webhook-timestamp']);
	const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest('hex')}`);
	const provided = Buffer.from(String(received.headers['x-webhook-signature']));
	return expected.length === provided.length && timingSafeEqual(expected, provided);
}

describe('fake MusicAPI: webhooks', () => {
	let fake: FakeMusicApi;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeAll(async () => {
		fake = await startFakeMusicApi();
	});
	afterAll(() => fake.stop());
	beforeEach(async () => {
		fake.reset();
		receiver = await startReceiver();
	});
	afterEach(() => receiver.close());

	it('signWebhook is sha256= + lowercase hex HMAC of "<ts>.<body>"', () => {
		const signature = signWebhook('secret', 1760000000, '{"a":1}');
		expect(signature).toBe(`sha256=${createHmac('sha256', 'secret').update('1760000000.{"a":1}').digest('hex')}`);
		expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
	});

	it('delivers song.completed with the documented headers and a valid signature', async () => {
		const id = await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url, webhook_secret: 'my-secret' });
		fake.advanceTime(FINISH_MS);
		const [delivery] = await fake.waitForDeliveries(1);
		const [received] = receiver.received;
		expect(received.headers['content-type']).toBe('application/json');
		expect(received.headers['x-webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
		expect(received.headers['x-webhook-event']).toBe('song.completed');
		expect(Math.abs(Number(received.headers['x-webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(10);
		expect(verify(received, 'my-secret')).toBe(true);
		expect(verify(received, 'other-secret')).toBe(false);
		const payload = JSON.parse(received.body);
		expect(payload).toMatchObject({ code: 200, message: 'success', task_id: id, platform: 'suno', event: 'song.completed' });
		expect(payload.data.map((clip: { state: string }) => clip.state)).toEqual(['succeeded', 'succeeded']);
		expect(delivery).toEqual<Delivery>({
			url: receiver.url,
			headers: expect.objectContaining({ 'X-Webhook-Event': 'song.completed', 'X-Webhook-Signature': String(received.headers['x-webhook-signature']) }),
			body: received.body,
			status: 200,
			event: 'song.completed',
			taskId: id,
			sentAt: expect.any(Number),
			time: expect.any(Number),
		});
		expect(delivery.sentAt).toBeLessThanOrEqual(delivery.time);
	});

	it('records when each delivery was sent and when it was answered: a slow answer does not reorder sends', async () => {
		// The streaming delivery's answer is held until the completion (sent later) has been answered.
		const answered: string[] = [];
		let releaseStreaming: (() => void) | undefined;
		let streamingArrived: () => void = () => undefined;
		const arrived = new Promise<void>((resolve) => (streamingArrived = resolve));
		const server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				const answer = (): void => {
					answered.push(String(req.headers['x-webhook-event']));
					res.writeHead(200, { 'Content-Type': 'application/json' });
					res.end('{}');
				};
				if (req.headers['x-webhook-event'] === 'song.streaming') {
					releaseStreaming = answer;
					streamingArrived();
				} else {
					answer();
					res.on('finish', () => releaseStreaming?.());
				}
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			fake.options.streamingCallback = true;
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
			await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: url, webhook_secret: 's' });
			fake.advanceTime(40000);
			await arrived;
			expect(fake.deliveriesInFlight()).toEqual([expect.objectContaining({ event: 'song.streaming', sentAt: expect.any(Number) })]);
			fake.advanceTime(FINISH_MS);
			const deliveries = await fake.waitForDeliveries(2);
			// Recorded as answered: the completion first. Sent: the streaming delivery first.
			expect(deliveries.map((delivery) => delivery.event)).toEqual(['song.completed', 'song.streaming']);
			expect(answered).toEqual(['song.completed', 'song.streaming']);
			const [completed, streaming] = deliveries;
			expect(streaming.sentAt).toBeLessThanOrEqual(completed.sentAt);
			expect(streaming.time).toBeGreaterThanOrEqual(completed.time);
			for (const delivery of deliveries) expect(delivery.sentAt).toBeLessThanOrEqual(delivery.time);
			expect(fake.deliveriesInFlight()).toEqual([]);
		} finally {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
	});

	it('signs with the default secret when the submit had none, and can call the platform "sonic"', async () => {
		fake.options.platform = 'sonic';
		await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url });
		fake.advanceTime(FINISH_MS);
		await fake.waitForDeliveries(1);
		expect(verify(receiver.received[0], 'musicapi-default-secret')).toBe(true);
		expect(JSON.parse(receiver.received[0].body).platform).toBe('sonic');
	});

	it('sends song.streaming first when streamingCallback is on', async () => {
		fake.options.streamingCallback = true;
		await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url, webhook_secret: 's' });
		fake.advanceTime(40000);
		const [streaming] = await fake.waitForDeliveries(1);
		expect(streaming.event).toBe('song.streaming');
		expect(JSON.parse(streaming.body).data[0].state).toBe('streaming');
		fake.advanceTime(FINISH_MS);
		const deliveries = await fake.waitForDeliveries(2);
		expect(deliveries.map((delivery) => delivery.event)).toEqual(['song.streaming', 'song.completed']);
		expect(new Set(receiver.received.map((received) => received.headers['x-webhook-id'])).size).toBe(2);
		expect(receiver.received.every((received) => verify(received, 's'))).toBe(true);
	});

	it('delivers song.failed with a 5xx code and the reason, also for timeouts', async () => {
		await submit(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: 'x [fake:fail]', webhook_url: receiver.url });
		await submit(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: 'x [fake:timeout]', webhook_url: receiver.url });
		fake.advanceTime(FINISH_MS);
		const deliveries = await fake.waitForDeliveries(2);
		// Two deliveries race each other: order them by code.
		const payloads = deliveries.map((delivery) => JSON.parse(delivery.body)).sort((a, b) => a.code - b.code);
		expect(payloads.map((payload) => [payload.event, payload.code])).toEqual([
			['song.failed', 500],
			['song.failed', 504],
		]);
		expect(payloads[0].message).toEqual(expect.any(String));
		expect(payloads[0].data[0]).toMatchObject({ state: 'failed', error_message: expect.any(String) });
		expect(payloads[1].message).toBe('Task failed due to timeout. Credits were previously refunded.');
	});

	it('uses platform "producer" (clip array) and "nuro" (one object); create-voice sends the persona', async () => {
		await submit(fake, '/producer/create', { sound: 'piano', webhook_url: receiver.url });
		await submit(fake, '/nuro/create', { type: 'bgm', description: 'lofi', webhook_url: receiver.url });
		await submit(fake, '/sonic/create-voice', { audio_url: 'https://example.com/v.mp3', name: 'Me', webhook_url: receiver.url });
		fake.advanceTime(FINISH_MS);
		const payloads = (await fake.waitForDeliveries(3)).map((delivery) => JSON.parse(delivery.body));
		const byPlatform = Object.fromEntries(payloads.map((payload) => [payload.platform === 'suno' ? 'voice' : payload.platform, payload]));
		expect(Array.isArray(byPlatform.producer.data)).toBe(true);
		expect(byPlatform.producer.data[0]).toMatchObject({ audio_url: expect.stringMatching(/\.m4a$/), wav_url: expect.stringMatching(/\.wav$/) });
		expect(byPlatform.nuro.data).toMatchObject({ audio_url: expect.stringMatching(/\.wav$/), duration: expect.any(Number) });
		expect(byPlatform.voice.data).toEqual({ persona_id: expect.any(String), name: 'Me' });
	});

	it('delivers on its own with real (scaled) time, and records the receiver status', async () => {
		await receiver.close();
		receiver = await startReceiver([500]);
		fake.options.timeScale = 0.001;
		await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url });
		const [delivery] = await fake.waitForDeliveries(1, 3000);
		expect(delivery.status).toBe(500);
	});

	it('redelivers after a failure when webhookRetries is set, keeping the X-Webhook-Id', async () => {
		await receiver.close();
		receiver = await startReceiver([503, 200]);
		fake.options.webhookRetries = 2;
		fake.options.webhookRetryDelayMs = 0;
		await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url });
		fake.advanceTime(FINISH_MS);
		const deliveries = await fake.waitForDeliveries(2);
		expect(deliveries.map((delivery) => delivery.status)).toEqual([503, 200]);
		expect(deliveries[0].headers['X-Webhook-Id']).toBe(deliveries[1].headers['X-Webhook-Id']);
	});

	it('records a network error as status null', async () => {
		const closedUrl = receiver.url;
		await receiver.close();
		await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: closedUrl });
		fake.advanceTime(FINISH_MS);
		const [delivery] = await fake.waitForDeliveries(1);
		expect(delivery.status).toBeNull();
		receiver = await startReceiver();
	});

	it('waitForDeliveries rejects after its timeout', async () => {
		await expect(fake.waitForDeliveries(1, 50)).rejects.toThrow(/waiting for 1 webhook deliveries \(got 0\)/);
	});
});
