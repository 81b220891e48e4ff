import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the node sent and what the fake answered, as seen between them. */
export interface Exchange {
	method: string;
	/** Without the /api/v1 prefix and the query, like the fake's own log. */
	path: string;
	requestBody: unknown;
	/** The fake's status; 0 when it dropped the connection instead of answering. */
	status: number;
	/** The answer's JSON (undefined when it was not JSON or there was none). */
	responseBody: unknown;
	/** Whether the answer reached the node: false when the node had given up (timeout) before it came. */
	delivered: boolean;
	/** When the fake's answer arrived (ms since epoch); 0 while there is none. */
	answeredAt: number;
}

export type ResponseHook = (exchange: Exchange) => void;
/** Returns a replacement answer body (JSON) for an exchange, or undefined to pass the original on. */
export type Rewriter = (exchange: Exchange) => unknown;

export interface Tap {
	baseUrl: string;
	exchanges: Exchange[];
	/** Runs before an answer is passed on, e.g. to switch on a fault once the fake has revealed a clip id. */
	onResponse(hook: ResponseHook): void;
	/**
	 * Plays a MusicAPI that answers differently from the fake (e.g. one that echoes a secret back): the node gets
	 * the rewritten JSON; the exchange keeps what the fake said.
	 */
	rewrite(rewriter: Rewriter): void;
	/** Resolves once every request passed upstream has its answer (or its dropped connection). */
	settled(): Promise<void>;
	reset(): void;
	stop(): Promise<void>;
}

const API_PREFIX = '/api/v1';

/**
 * A transparent recorder in front of the fake MusicAPI. The fake logs requests but not its answers; the
 * reliability invariants need the answers, because every task id MusicAPI hands out — including one whose answer
 * arrived after the node had stopped listening — must be accounted for. Faults stay the fake's: a dropped
 * connection upstream is dropped downstream, a slow answer stays slow, bodies pass through byte for byte.
 */
export async function startTap(upstreamPort: number): Promise<Tap> {
	const exchanges: Exchange[] = [];
	let hooks: ResponseHook[] = [];
	let rewriters: Rewriter[] = [];
	const agent = new http.Agent({ keepAlive: false });
	let inFlight = 0;
	let waiters: Array<() => void> = [];
	const done = () => {
		inFlight--;
		if (inFlight === 0) {
			for (const wake of waiters) wake();
			waiters = [];
		}
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		let clientGone = false;
		res.on('close', () => {
			if (!res.writableFinished) clientGone = true;
		});
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const exchange: Exchange = {
				method: (req.method ?? 'GET').toUpperCase(),
				path: url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname,
				requestBody: parseJson(raw.toString('utf8')),
				status: 0,
				responseBody: undefined,
				delivered: false,
				answeredAt: 0,
			};
			exchanges.push(exchange);
			inFlight++;
			let finished = false;
			const finish = () => {
				if (finished) return;
				finished = true;
				done();
			};
			const upstream = http.request(
				{ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers, agent },
				(answer) => {
					const parts: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => parts.push(chunk));
					answer.on('error', () => {
						res.destroy();
						finish();
					});
					answer.on('aborted', () => {
						res.destroy();
						finish();
					});
					answer.on('end', () => {
						const original = Buffer.concat(parts);
						exchange.status = answer.statusCode ?? 0;
						exchange.answeredAt = Date.now();
						exchange.responseBody = parseJson(original.toString('utf8'));
						for (const hook of hooks) hook(exchange);
						finish();
						if (clientGone || res.destroyed) return;
						let body = original;
						for (const rewriter of rewriters) {
							const replaced = rewriter(exchange);
							if (replaced !== undefined) body = Buffer.from(JSON.stringify(replaced));
						}
						const headers = { ...answer.headers, 'content-length': String(body.length) };
						delete headers['transfer-encoding'];
						res.writeHead(exchange.status, headers);
						res.end(body, () => {
							exchange.delivered = true;
						});
					});
				},
			);
			// The fake destroyed the socket (a "reset" fault): the node must see the same.
			upstream.on('error', () => {
				res.destroy();
				finish();
			});
			upstream.end(raw);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
		exchanges,
		onResponse: (hook) => {
			hooks.push(hook);
		},
		rewrite: (rewriter) => {
			rewriters.push(rewriter);
		},
		settled: async () => {
			if (inFlight > 0) await new Promise<void>((resolve) => waiters.push(resolve));
		},
		reset: () => {
			exchanges.length = 0;
			hooks = [];
			rewriters = [];
		},
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
				agent.destroy();
			}),
	};
}

function parseJson(text: string): unknown {
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
