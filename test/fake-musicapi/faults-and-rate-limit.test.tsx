import http from 'node:http';
import { type FakeMusicApi, startFakeMusicApi } from './index';
import { CREATE_BODY, get, post, submit } from './test-helpers';

/** A raw request, so a reset socket shows up as an error instead of being retried by fetch. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { headers, agent: false }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		request.on('error', reject);
	});
}

describe('fake MusicAPI: fault injection and rate limit', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi();
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('a request held by a slow fault past reset() never reaches the new state (the rate limiter, jobs)', async () => {
		fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'slow', delayMs: 300 });
		const slow = post(fake, '/sonic/create', CREATE_BODY);
		while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
		fake.reset();
		fake.options.rateLimit = { requests: 1, perMs: 60_000 };
		await expect(slow).rejects.toThrow(); // the socket is closed: the test that sent it is over
		expect((await get(fake, '/get-credits')).status).toBe(200); // the one slot of the new window is still free
		expect(fake.requests.map((request) => request.status)).toEqual([200]);
	});

	it('status fault: answers the status with Retry-After when given, once by default, before auth', async () => {
		fake.injectFault({ path: '/get-credits' }, { type: 'status', status: 503, retryAfter: 7 });
		const faulted = await get(fake, '/get-credits', null);
		expect(faulted.status).toBe(503);
		expect(faulted.headers.get('retry-after')).toBe('7');
		expect(faulted.body).toEqual({ type: 'server_error', error: 'Service Unavailable.' });
		expect((await get(fake, '/get-credits')).status).toBe(200);
		expect(fake.requests.map((request) => [request.status, request.fault])).toEqual([
			[503, 'status'],
			[200, undefined],
		]);
	});

	it('status fault: 429 and 500 bodies, custom body, no Retry-After unless asked', async () => {
		fake.injectFault({ method: 'GET', path: '/get-credits' }, { type: 'status', status: 429 });
		fake.injectFault({ path: '/get-credits' }, { type: 'status', status: 500, body: 'plain failure' });
		const limited = await get(fake, '/get-credits');
		expect(limited.body).toEqual({ type: 'rate_limit', error: 'Too many requests.' });
		expect(limited.headers.get('retry-after')).toBeNull();
		const custom = await get(fake, '/get-credits');
		expect(custom.status).toBe(500);
		expect(custom.text).toBe('plain failure');
	});

	it('a fault given a duration lapses after it (a storm of a given length), whatever uses are left', async () => {
		const injected = Date.now();
		fake.injectFault({ path: '/get-credits' }, { type: 'status', status: 429 }, Infinity, 1000);
		expect((await get(fake, '/get-credits')).status).toBe(429);
		expect((await get(fake, '/get-credits')).status).toBe(429);
		await new Promise((resolve) => setTimeout(resolve, injected + 1050 - Date.now()));
		expect((await get(fake, '/get-credits')).status).toBe(200);
	});

	it('matches method and regex paths, counts times, and Infinity lasts until cleared', async () => {
		fake.injectFault({ method: 'POST', path: /^\/sonic\/task\// }, { type: 'status', status: 502 });
		fake.injectFault({ path: /^\/sonic\/task\/.+/g }, { type: 'status', status: 504 }, Infinity);
		const id = await submit(fake, '/sonic/create', CREATE_BODY);
		for (let call = 0; call < 3; call++) expect((await get(fake, `/sonic/task/${id}`)).status).toBe(504);
		fake.clearFaults();
		expect((await get(fake, `/sonic/task/${id}`)).status).toBe(202);
		fake.injectFault({ path: '/sonic/create' }, { type: 'status', status: 500 }, 2);
		expect((await post(fake, '/sonic/create', CREATE_BODY)).status).toBe(500);
		expect((await post(fake, '/sonic/create', CREATE_BODY)).status).toBe(500);
		expect((await post(fake, '/sonic/create', CREATE_BODY)).status).toBe(200);
		// A faulted create charged nothing.
		expect(fake.credits().credits).toBe(1000 - 20 - 20);
	});

	it('reset fault: destroys the socket without an answer', async () => {
		fake.injectFault({ path: '/get-credits' }, { type: 'reset' });
		await expect(rawGet(`${fake.baseUrl}/get-credits`, { Authorization: 'Bearer test-key' })).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect(fake.requests[0]).toMatchObject({ status: 0, fault: 'reset' });
		expect((await get(fake, '/get-credits')).status).toBe(200);
	});

	it('slow fault: answers normally after the delay (unscaled)', async () => {
		fake.options.timeScale = 0.0001;
		fake.injectFault({ path: '/get-credits' }, { type: 'slow', delayMs: 200 });
		const started = Date.now();
		const result = await get(fake, '/get-credits');
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
		expect(result.status).toBe(200);
		expect(fake.requests[0]).toMatchObject({ status: 200, fault: 'slow' });
	});

	it('malformed-json fault: 200 with a truncated JSON body', async () => {
		fake.injectFault({ path: '/get-credits' }, { type: 'malformed-json' });
		const result = await get(fake, '/get-credits');
		expect(result.status).toBe(200);
		expect(result.headers.get('content-type')).toMatch(/application\/json/);
		expect(() => JSON.parse(result.text)).toThrow();
	});

	it('html fault: an HTML error page, 502 by default', async () => {
		fake.injectFault({ path: '/get-credits' }, { type: 'html' });
		fake.injectFault({ path: '/get-credits' }, { type: 'html', status: 503 });
		const first = await get(fake, '/get-credits');
		expect(first.status).toBe(502);
		expect(first.headers.get('content-type')).toMatch(/text\/html/);
		expect(first.text).toContain('<html>');
		expect((await get(fake, '/get-credits')).status).toBe(503);
	});

	it('task-lost fault: 400 "task not found." for a task that exists', async () => {
		const id = await submit(fake, '/sonic/create', CREATE_BODY);
		fake.injectFault({ path: `/sonic/task/${id}` }, { type: 'task-lost' });
		expect((await get(fake, `/sonic/task/${id}`)).body).toEqual({ type: 'validation_error', error: 'task not found.' });
		expect((await get(fake, `/sonic/task/${id}`)).status).toBe(202);
	});

	it('faults can target file downloads', async () => {
		fake.injectFault({ path: '/files/c1.mp3' }, { type: 'status', status: 500 });
		expect((await rawGet(`${fake.origin}/files/c1.mp3`)).status).toBe(500);
		expect((await rawGet(`${fake.origin}/files/c1.mp3`)).status).toBe(200);
		expect(fake.requestsTo('GET', '/files/c1.mp3').map((request) => request.status)).toEqual([500, 200]);
	});

	it('rate limit: 429 rate_limit with Retry-After per key once the window is full; 429s are logged', async () => {
		fake.options.apiKeys.push('other-key');
		fake.options.rateLimit = { requests: 2, perMs: 3000 };
		expect((await get(fake, '/get-credits')).status).toBe(200);
		expect((await get(fake, '/get-credits')).status).toBe(200);
		const limited = await get(fake, '/get-credits');
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ type: 'rate_limit', error: 'Too many requests.' });
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(3);
		expect((await get(fake, '/get-credits', 'other-key')).status).toBe(200);
		// Files and admin routes are not limited.
		expect((await rawGet(`${fake.origin}/files/c1.mp3`)).status).toBe(200);
		expect(fake.requests.map((request) => request.status)).toEqual([200, 200, 429, 200, 200]);
		fake.advanceTime(3001);
		expect((await get(fake, '/get-credits')).status).toBe(200);
	});

	it('rate limit: Retry-After counts down to when the oldest request leaves the window', async () => {
		fake.options.rateLimit = { requests: 1, perMs: 10000 };
		await get(fake, '/get-credits');
		expect((await get(fake, '/get-credits')).headers.get('retry-after')).toBe('10');
		fake.advanceTime(8500);
		expect((await get(fake, '/get-credits')).headers.get('retry-after')).toBe('2');
		fake.options.rateLimit = null;
		expect((await get(fake, '/get-credits')).status).toBe(200);
	});

	it('processing comes after the rate limit counted the request, transit (slow fault) before it', async () => {
		fake.options.rateLimit = { requests: 1, perMs: 150 };
		fake.options.processingMs = 200;
		// Processing: the first request is counted on arrival and answered 200 ms later; a second one arriving
		// meanwhile is refused, and a third sent at the answer arrives 200 ms after the first count: admitted.
		const started = Date.now();
		const first = get(fake, '/get-credits');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect((await get(fake, '/get-credits')).status).toBe(429);
		expect((await first).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
		expect((await get(fake, '/get-credits')).status).toBe(200);
		// Transit: a request held 200 ms before the count leaves the window to one sent after it.
		fake.reset();
		fake.options.rateLimit = { requests: 1, perMs: 1000 };
		fake.injectFault({ path: '/get-credits' }, { type: 'slow', delayMs: 200 });
		const late = get(fake, '/get-credits');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect((await get(fake, '/get-credits')).status).toBe(200);
		expect((await late).status).toBe(429);
	});
});
