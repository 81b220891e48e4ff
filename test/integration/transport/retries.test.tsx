import { API_KEY, FAST_WAIT, runMusicApi, SONIC_CREATE, useFakeMusicApi, WEBHOOK_SECRET } from '../musicapi';

const fake = useFakeMusicApi();

const credits = { resource: 'credits', operation: 'get' };
/** One request per input item (Credits → Get asks once per run, whatever comes in). */
const perItemRead = { resource: 'sonic', operation: 'bpm', clipId: 'clip-1' };
const create = { ...SONIC_CREATE, completion: 'submit' };
const getTask = (taskId: string) => ({ resource: 'sonic', operation: 'getTask', taskId, resultOptions: { downloadAudio: false } });

function noSecrets(result: { error?: unknown; logs: string[]; items: unknown[] }) {
	const everything = JSON.stringify([result.error, result.items, result.logs, (result.error as Error | undefined)?.message, (result.error as { description?: string } | undefined)?.description]);
	expect(everything).not.toContain(API_KEY);
	expect(everything).not.toContain(WEBHOOK_SECRET);
}

describe('transport: reads are retried', () => {
	it('honours Retry-After on 429 and then succeeds', async () => {
		fake().injectFault({ method: 'GET', path: '/get-credits' }, { type: 'status', status: 429, retryAfter: 1 });
		const started = Date.now();
		const result = await runMusicApi(fake(), credits);
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(fake().requestsTo('GET', '/get-credits').map((r) => r.status)).toEqual([429, 200]);
		expect(result.logs.join('\n')).toMatch(/rate limit on GET \/get-credits; retrying in 1000 ms/);
	});

	it('waits out a 429 storm beyond Max Retries until Max Wait on Rate Limit, then a rate-limit error saying how long', async () => {
		fake().injectFault({ method: 'GET', path: '/get-credits' }, { type: 'status', status: 429 }, Infinity);
		const started = Date.now();
		const result = await runMusicApi(fake(), { ...credits, requestOptions: { maxRetries: 2, rateLimitWait: 1 } });
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(result.error?.message).toMatch(/rate limit reached/);
		expect(result.error?.description).toMatch(/answered 429 \(too many requests\) \d+ time\(s\) over \d+ s.*Seconds Between Requests/);
		// A 429 is not a failure that uses up the retries: far more than 1 + Max Retries requests were sent.
		expect(fake().requestsTo('GET', '/get-credits').length).toBeGreaterThan(3);
		noSecrets(result);
	});

	it('a 429 storm shorter than the wait: the request gets through, however many 429s it met', async () => {
		fake().injectFault({ method: 'GET', path: '/get-credits' }, { type: 'status', status: 429 }, Infinity, 500);
		const result = await runMusicApi(fake(), { ...credits, requestOptions: { maxRetries: 0 } });
		expect(result.error).toBeUndefined();
		const statuses = fake().requestsTo('GET', '/get-credits').map((r) => r.status);
		expect(statuses.at(-1)).toBe(200);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(1);
	});

	it.each([
		['500', { type: 'status', status: 500 } as const],
		['502 HTML page', { type: 'html', status: 502 } as const],
		['503', { type: 'status', status: 503 } as const],
		['504', { type: 'status', status: 504 } as const],
		['connection reset', { type: 'reset' } as const],
		['malformed JSON', { type: 'malformed-json' } as const],
	])('retries a poll after %s and then succeeds', async (_name, fault) => {
		const submitted = await runMusicApi(fake(), create);
		const taskId = String(submitted.items[0].json.taskId);
		fake().injectFault({ method: 'GET', path: `/sonic/task/${taskId}` }, fault, 2);
		const result = await runMusicApi(fake(), getTask(taskId));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.taskId).toBe(taskId);
		expect(fake().requestsTo('GET', `/sonic/task/${taskId}`)).toHaveLength(3);
	});

	it('times out a slow poll and retries it', async () => {
		const submitted = await runMusicApi(fake(), create);
		const taskId = String(submitted.items[0].json.taskId);
		fake().injectFault({ method: 'GET', path: `/sonic/task/${taskId}` }, { type: 'slow', delayMs: 2500 });
		const result = await runMusicApi(fake(), { ...getTask(taskId), requestOptions: { timeout: 1 } });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('GET', `/sonic/task/${taskId}`)).toHaveLength(2);
	});

	it('reports a server that keeps failing with the status and a remedy', async () => {
		fake().injectFault({ method: 'GET', path: '/get-credits' }, { type: 'html', status: 502 }, Infinity);
		const result = await runMusicApi(fake(), credits);
		expect(result.error?.message).toBe('MusicAPI server error 502');
		expect(result.error?.description).toMatch(/refunded/);
		expect(fake().requestsTo('GET', '/get-credits')).toHaveLength(4);
	});
});

describe('transport: a create is never sent twice after an ambiguous failure', () => {
	it.each([
		['500', { type: 'status', status: 500 } as const, /HTTP 500/],
		['502', { type: 'status', status: 502 } as const, /HTTP 502/],
		['504', { type: 'status', status: 504 } as const, /HTTP 504/],
		['connection reset', { type: 'reset' } as const, /ECONNRESET|socket hang up/],
		['malformed JSON', { type: 'malformed-json' } as const, /unreadable answer/],
	])('%s on submit → one request and an "unconfirmed" error', async (_name, fault, reason) => {
		fake().injectFault({ method: 'POST', path: '/sonic/create' }, fault);
		const result = await runMusicApi(fake(), create);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(1);
		expect(result.error?.message).toMatch(/did not confirm POST \/sonic\/create .* it was not sent again/);
		expect(result.error?.message).toMatch(reason);
		expect(result.error?.description).toMatch(/never charged twice/);
	});

	it('a submit slower than the timeout → one request and an "unconfirmed" error', async () => {
		fake().injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'slow', delayMs: 2500 });
		const result = await runMusicApi(fake(), { ...create, requestOptions: { timeout: 1 } });
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(1);
		expect(result.error?.message).toMatch(/did not confirm/);
	});

	it.each([
		['429', { type: 'status', status: 429, retryAfter: 0 } as const],
		['503', { type: 'status', status: 503 } as const],
	])('%s on submit certainly created nothing → retried once, one job', async (_name, fault) => {
		fake().injectFault({ method: 'POST', path: '/sonic/create' }, fault);
		const result = await runMusicApi(fake(), create);
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('POST', '/sonic/create').map((r) => r.status)).toEqual([fault.status, 200]);
	});
});

describe('transport: spacing and the rate limit', () => {
	it('spaces the requests of one execution by Seconds Between Requests', async () => {
		await runMusicApi(fake(), { ...perItemRead, requestOptions: { interval: 0.2 } }, { items: [{}, {}, {}, {}] });
		const times = fake().requestsTo('POST', '/sonic/bpm').map((r) => r.time);
		expect(times).toHaveLength(4);
		for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(195);
	});

	it('stays under the server rate limit: no 429 answered', async () => {
		fake().options.rateLimit = { requests: 1, perMs: 250 };
		await runMusicApi(fake(), { ...perItemRead, requestOptions: { interval: 0.25 } }, { items: [{}, {}, {}, {}, {}] });
		expect(fake().requests.filter((r) => r.status === 429)).toHaveLength(0);
		expect(fake().requestsTo('POST', '/sonic/bpm')).toHaveLength(5);
	});

	it('recovers when it exceeds the server limit, following Retry-After', async () => {
		fake().options.rateLimit = { requests: 2, perMs: 1000 };
		const result = await runMusicApi(fake(), perItemRead, { items: [{}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(fake().requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(1);
	});
});

describe('transport: error mapping through the node', () => {
	it('credit shortfall (403) → out-of-credits error suggesting Credits → Get, nothing charged', async () => {
		fake().setCredits(3, 0);
		const result = await runMusicApi(fake(), create);
		expect(result.error?.message).toMatch(/^Not enough MusicAPI credits: The remaining credits are not enough/);
		expect(result.error?.description).toMatch(/Credits → Get/);
		expect(fake().credits()).toEqual({ credits: 3, extra_credits: 0 });
	});

	it('credit shortfall answered 402 → the same error', async () => {
		fake().setCredits(3, 0);
		fake().options.creditErrorStatus = 402;
		const result = await runMusicApi(fake(), create);
		expect(result.error?.message).toMatch(/^Not enough MusicAPI credits/);
	});

	it("moderation (403) → quotes MusicAPI's reason", async () => {
		const result = await runMusicApi(fake(), { ...create, gptDescriptionPrompt: 'a song [fake:moderate]' });
		expect(result.error?.message).toMatch(/^MusicAPI refused the content: .*inappropriate content/);
		expect(result.error?.description).toMatch(/moderation/);
	});

	it('validation (400) → quotes the message and keeps the API type', async () => {
		const result = await runMusicApi(fake(), getTask('does-not-exist'));
		expect(result.error?.message).toMatch(/task not found\./);
	});

	it('never puts the API key or webhook secret in errors, items or logs', async () => {
		fake().injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'status', status: 502 });
		const failing = await runMusicApi(fake(), { ...create, completion: 'submit', webhookUrl: 'https://example.test/hook' });
		noSecrets(failing);
		const waited = await runMusicApi(fake(), { ...create, completion: 'wait', resultOptions: FAST_WAIT });
		noSecrets(waited);
	});
});
