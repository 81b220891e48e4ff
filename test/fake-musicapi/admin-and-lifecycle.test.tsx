import { spawn } from 'node:child_process';
import path from 'node:path';
import { type FakeMusicApi, startFakeMusicApi } from './index';
import { call, CREATE_BODY, FINISH_MS, get, post, startReceiver, submit } from './test-helpers';

const admin = (fake: FakeMusicApi, method: string, route: string, body?: unknown) => call(fake, method, `${fake.origin}/__fake/${route}`, body, { key: null });

describe('fake MusicAPI: admin routes, reset and stop', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi();
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('GET /__fake/requests and /__fake/deliveries expose the logs; admin calls are not logged', async () => {
		await get(fake, '/get-credits');
		const requests = await admin(fake, 'GET', 'requests');
		expect(requests.status).toBe(200);
		expect(requests.body).toEqual([expect.objectContaining({ method: 'GET', path: '/get-credits', status: 200 })]);
		expect((await admin(fake, 'GET', 'deliveries')).body).toEqual([]);
		expect(fake.requests).toHaveLength(1);
	});

	it('POST /__fake/faults takes string or {regex} paths and "Infinity"; DELETE clears them', async () => {
		expect((await admin(fake, 'POST', 'faults', { match: { path: '/get-credits' }, fault: { type: 'status', status: 502 } })).status).toBe(200);
		expect((await get(fake, '/get-credits')).status).toBe(502);
		expect((await get(fake, '/get-credits')).status).toBe(200);
		await admin(fake, 'POST', 'faults', { match: { method: 'GET', path: { regex: '^/get-cred' } }, fault: { type: 'html' }, times: 'Infinity' });
		expect((await get(fake, '/get-credits')).status).toBe(502);
		expect((await get(fake, '/get-credits')).status).toBe(502);
		expect((await admin(fake, 'DELETE', 'faults')).status).toBe(200);
		expect((await get(fake, '/get-credits')).status).toBe(200);
		expect((await admin(fake, 'POST', 'faults', { match: { path: '/x' }, fault: { type: 'explode' } })).status).toBe(400);
	});

	it('POST /__fake/options merges into the live options (costs key by key)', async () => {
		const merged = await admin(fake, 'POST', 'options', { includeCode: true, rateLimit: { requests: 5, perMs: 1000 }, costs: { 'sonic/bpm': 3 } });
		expect(merged.body).toMatchObject({ includeCode: true, rateLimit: { requests: 5, perMs: 1000 } });
		expect(fake.options.includeCode).toBe(true);
		expect(fake.options.costs['sonic/bpm']).toBe(3);
		expect(fake.options.costs['sonic/create:create_music']).toBe(20);
		expect((await post(fake, '/sonic/create', CREATE_BODY)).body.code).toBe(200);
		expect((await admin(fake, 'GET', 'options')).body.includeCode).toBe(true);
	});

	it('credits and clock can be driven over HTTP too', async () => {
		expect((await admin(fake, 'POST', 'credits', { credits: 40, extraCredits: 2 })).body).toEqual({ credits: 40, extra_credits: 2 });
		expect((await admin(fake, 'GET', 'credits?key=test-key')).body).toEqual({ credits: 40, extra_credits: 2 });
		const id = await submit(fake, '/sonic/create', CREATE_BODY);
		await admin(fake, 'POST', 'advance', { ms: FINISH_MS });
		expect((await get(fake, `/sonic/task/${id}`)).body.data[0].state).toBe('succeeded');
	});

	it('POST /__fake/reset (and reset()) clears logs, faults, tasks, credits and options', async () => {
		const receiver = await startReceiver();
		try {
			const id = await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url });
			fake.advanceTime(FINISH_MS);
			await fake.waitForDeliveries(1);
			fake.options.includeCode = true;
			fake.setCredits(1);
			fake.injectFault({ path: '/get-credits' }, { type: 'status', status: 500 });
			expect((await admin(fake, 'POST', 'reset')).status).toBe(200);
			expect(fake.requests).toEqual([]);
			expect(fake.deliveries).toEqual([]);
			expect(fake.options.includeCode).toBe(false);
			expect((await get(fake, '/get-credits')).body).toEqual({ credits: 1000, extra_credits: 0 });
			expect((await get(fake, `/sonic/task/${id}`)).body.error).toBe('task not found.');
		} finally {
			await receiver.close();
		}
	});

	it('reset() cancels pending webhooks of old tasks', async () => {
		const receiver = await startReceiver();
		try {
			fake.options.timeScale = 0.001;
			await submit(fake, '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url });
			fake.reset();
			await new Promise((resolve) => setTimeout(resolve, 120));
			expect(receiver.received).toEqual([]);
			expect(fake.deliveries).toEqual([]);
		} finally {
			await receiver.close();
		}
	});

	it('unknown admin routes answer 404', async () => {
		expect((await admin(fake, 'GET', 'nothing')).status).toBe(404);
	});

	it('stop() closes the server with keep-alive clients, cancels timers, and is idempotent', async () => {
		const other = await startFakeMusicApi({ timeScale: 0.01, uploadLatencyMs: 100000 });
		await get(other, '/get-credits'); // leaves a keep-alive socket in fetch's pool
		await submit(other, '/sonic/create', { ...CREATE_BODY, webhook_url: 'http://127.0.0.1:9/hook' });
		const hanging = post(other, '/sonic/upload', { url: 'https://example.com/a.mp3' }).catch((error: unknown) => error);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const started = Date.now();
		await Promise.all([other.stop(), other.stop()]);
		await other.stop();
		expect(Date.now() - started).toBeLessThan(1000);
		// fetch's TypeError comes from another realm than jest's, so compare by text.
		expect(String(await hanging)).toMatch(/TypeError: (fetch failed|terminated)/);
		await expect(fetch(`${other.baseUrl}/get-credits`)).rejects.toThrow();
	});

	it('the CLI prints one JSON line, serves, and exits cleanly on SIGTERM', async () => {
		const tsNode = require.resolve('ts-node/dist/bin.js');
		const child = spawn(process.execPath, [tsNode, '--transpile-only', path.join(__dirname, 'cli.tsx'), '--port', '0', '--key', 'demo-key', '--time-scale', '0.05'], {
			cwd: path.join(__dirname, '..', '..'),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		try {
			const line = await new Promise<string>((resolve, reject) => {
				let output = '';
				child.stdout.on('data', (chunk: Buffer) => {
					output += chunk.toString();
					if (output.includes('\n')) resolve(output);
				});
				child.on('exit', (code) => reject(new Error(`CLI exited early with ${code}`)));
			});
			expect(line.trim().split('\n')).toHaveLength(1);
			const info = JSON.parse(line);
			expect(info).toEqual({ baseUrl: `http://127.0.0.1:${info.port}/api/v1`, origin: `http://127.0.0.1:${info.port}`, port: expect.any(Number) });
			const credits = await fetch(`${info.baseUrl}/get-credits`, { headers: { Authorization: 'Bearer demo-key' } });
			expect(await credits.json()).toEqual({ credits: 1000, extra_credits: 0 });
			const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 20000);
});
