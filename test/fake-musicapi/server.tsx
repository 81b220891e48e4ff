import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultOptions, mergeOptions } from './defaults';
import { API_PREFIX, handleRequest } from './pipeline';
import { FakeState } from './state';
import type { Delivery, FakeMusicApi, FakeOptions } from './types';

/** Where the fake listens; only ever loopback. `port` 0 (default) takes a free port. */
export interface ListenOptions {
	port?: number;
}

export async function startFakeMusicApi(options: Partial<FakeOptions> = {}, listen: ListenOptions = {}): Promise<FakeMusicApi> {
	const state = new FakeState(mergeOptions(defaultOptions(), options));
	const server = http.createServer((req, res) => {
		// A client that vanishes mid-body must not become an unhandled rejection that kills the process.
		handleRequest(state, req, res).catch(() => res.destroy());
	});
	server.on('clientError', (_error, socket) => socket.destroy());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(listen.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const origin = `http://127.0.0.1:${port}`;
	state.origin = origin;
	let stopping: Promise<void> | undefined;

	return {
		origin,
		baseUrl: `${origin}${API_PREFIX}`,
		port,
		options: state.options,
		requests: state.requests,
		deliveries: state.deliveries,
		injectFault: (match, fault, times = 1, forMs) => state.faults.add(match, fault, times, forMs),
		clearFaults: () => state.faults.clear(),
		credits: (apiKey) => state.ledger.balance(apiKey ?? state.defaultApiKey),
		setCredits: (credits, extraCredits = 0, apiKey) => state.ledger.set(apiKey ?? state.defaultApiKey, credits, extraCredits),
		requestsTo: (method, path) => state.requests.filter((request) => request.method === method.toUpperCase() && pathMatches(path, request.path)),
		waitForDeliveries: (count, timeoutMs = 5000) => waitForDeliveries(state, count, timeoutMs),
		deliveriesInFlight: () => state.webhooks.inFlight(),
		advanceTime: (ms) => state.advanceTime(ms),
		reset: () => state.reset(),
		stop: () =>
			(stopping ??= new Promise<void>((resolve) => {
				state.shutdown();
				server.close(() => resolve());
				// Keep-alive sockets (and a half-read large WAV) would otherwise hold close() open.
				server.closeAllConnections();
			})),
	};
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
	if (typeof pattern === 'string') return pattern === path;
	pattern.lastIndex = 0;
	return pattern.test(path);
}

function waitForDeliveries(state: FakeState, count: number, timeoutMs: number): Promise<Delivery[]> {
	return new Promise((resolve, reject) => {
		if (state.deliveries.length >= count) {
			resolve([...state.deliveries]);
			return;
		}
		const timer = setTimeout(() => {
			stopListening();
			reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${count} webhook deliveries (got ${state.deliveries.length}).`));
		}, timeoutMs);
		const stopListening = state.onDelivery(() => {
			if (state.deliveries.length < count) return;
			clearTimeout(timer);
			stopListening();
			resolve([...state.deliveries]);
		});
	});
}
