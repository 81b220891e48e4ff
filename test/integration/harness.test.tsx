/*
 * Proves the integration harness: tiny nodes and a tiny credential defined here run
 * inside n8n-core's real engine against a real HTTP server on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';

import type {
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import {
	ManualExecutionCancelledError,
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	sleep,
} from 'n8n-workflow';

import { runNode, runWorkflow } from './harness';

// ---------------------------------------------------------------- test API server

const FILE_BYTES = randomBytes(300 * 1024);
const received: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
	server = createServer((req, res) => {
		received.push({ url: req.url ?? '', headers: req.headers });
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path === '/api/echo') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ url: req.url, authorization: req.headers.authorization }));
		} else if (path === '/api/song') {
			res.writeHead(200, {
				'content-type': 'audio/mpeg',
				'content-disposition': 'attachment; filename="harness song.mp3"',
			});
			res.end(FILE_BYTES);
		} else {
			res.writeHead(429, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'quota exceeded' }));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	received.length = 0;
});

// ---------------------------------------------------------------- test credential and nodes

class TestApi implements ICredentialType {
	name = 'testApi';
	displayName = 'Test API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		// Read when the class is instantiated (per run), after the server has its port.
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: baseUrl },
	];
	authenticate: ICredentialType['authenticate'] = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
			qs: { client: 'harness' },
		},
	};
}

function description(name: string, extra: Partial<INodeTypeDescription> = {}): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: name,
		defaults: { name },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'testApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/echo' }],
		...extra,
	};
}

async function request(ctx: IExecuteFunctions, itemIndex: number, options: Partial<IHttpRequestOptions>) {
	const { baseUrl: url } = await ctx.getCredentials<{ baseUrl: string }>('testApi');
	const path = ctx.getNodeParameter('path', itemIndex) as string;
	return await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'testApi', {
		url: `${url}${path}`,
		...options,
	});
}

/** Calls the API once per item; the NodeApiError of a refused request propagates. */
class EchoNode implements INodeType {
	description = description('echoNode');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			try {
				const response = (await request(this, i, { qs: { item: i }, json: true })) as JsonObject;
				this.logger.info(`echo: item ${i} done`, { itemIndex: i });
				out.push({ json: { ...response, input: item.json }, pairedItem: { item: i } });
			} catch (error) {
				// httpRequestWithAuthentication already threw a NodeApiError built from the response.
				this.logger.warn(`echo: item ${i} refused`, { itemIndex: i });
				throw error;
			}
		}
		return [out];
	}
}

/**
 * Streams a download straight into n8n's binary data store. n8n 2.40's httpRequest hands
 * back a plain Readable (not the IncomingMessage), so name and type come from the headers.
 */
class DownloadNode implements INodeType {
	description = description('downloadNode');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const response = (await request(this, 0, { encoding: 'stream', returnFullResponse: true })) as {
			body: Readable;
			headers: Record<string, string>;
		};
		const fileName = /filename="([^"]+)"/.exec(response.headers['content-disposition'])?.[1];
		const binary = await this.helpers.prepareBinaryData(
			response.body,
			fileName,
			response.headers['content-type'],
		);
		return [[{ json: {}, binary: { data: binary }, pairedItem: { item: 0 } }]];
	}
}

/** Re-reads the binary it receives through the helpers, proving storage works across nodes. */
class MeasureNode implements INodeType {
	description = description('measureNode', { credentials: [] });

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const buffer = await this.helpers.getBinaryDataBuffer(0, 'data');
		return [[{ json: { bytes: buffer.length }, pairedItem: { item: 0 } }]];
	}
}

/** Fails items flagged `fail`, the n8n way: an error item when continueOnFail is on. */
class StrictNode implements INodeType {
	description = description('strictNode', { credentials: [] });

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			try {
				if (item.json.fail) throw new NodeOperationError(this.getNode(), `Item ${i} is bad`, { itemIndex: i });
				out.push({ json: { ok: i }, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

/** Polls until the execution is cancelled, as a long-running MusicAPI task poll would. */
class SleeperNode implements INodeType {
	description = description('sleeperNode', { credentials: [] });

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const signal = this.getExecutionCancelSignal();
		let ticks = 0;
		while (!signal?.aborted) {
			if (++ticks > 250) throw new NodeOperationError(this.getNode(), 'never cancelled');
			await sleep(20);
		}
		this.logger.info(`sleeper: stopped after ${ticks} ticks`);
		return [[{ json: { ticks }, pairedItem: { item: 0 } }]];
	}
}

/** Parks the execution, as a node waiting for a webhook callback would. */
class WaiterNode implements INodeType {
	description = description('waiterNode', { credentials: [] });

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		await this.putExecutionToWait(new Date(Date.now() + 60_000));
		return [this.getInputData()];
	}
}

const nodeTypes = [EchoNode, DownloadNode, MeasureNode, StrictNode, SleeperNode, WaiterNode];
const credentialTypes = [TestApi];
// No baseUrl: every request below only reaches the server through the credential class' default.
const credentials = { testApi: { apiKey: 'secret-key-123' } };

// ---------------------------------------------------------------- tests

describe('integration harness', () => {
	it('applies the credential to real HTTP requests and keeps items paired', async () => {
		const result = await runNode({
			nodeTypes,
			credentialTypes,
			credentials,
			node: { type: 'echoNode', parameters: { path: '/echo' } },
			items: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(received).toHaveLength(2);
		for (const { headers, url } of received) {
			expect(headers.authorization).toBe('Bearer secret-key-123');
			expect(url).toContain('client=harness');
		}
		expect(result.items.map((item) => item.json.input)).toEqual([{ n: 1 }, { n: 2 }]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.authorization).toBe('Bearer secret-key-123');
		expect(result.logs).toEqual(expect.arrayContaining([expect.stringMatching(/^\[info\] echo: item 1 done/)]));
		// Engine logs (LoggerProxy) are captured too, and no line carries the API key.
		expect(result.logs.some((line) => line.includes('Start executing node "echoNode"'))).toBe(true);
		expect(result.logs.join('\n')).not.toContain('secret-key-123');
	});

	it('surfaces a thrown NodeApiError with its description', async () => {
		const result = await runNode({
			nodeTypes,
			credentialTypes,
			credentials,
			node: { type: 'echoNode', parameters: { path: '/nope' } },
		});

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		// n8n words the message after the HTTP status and takes the description from the body.
		expect(result.error?.message).toMatch(/too many requests/i);
		expect(result.error?.description).toBe('quota exceeded');
		expect(result.error?.httpCode).toBe('429');
		expect(result.logs).toContain('[warn] echo: item 0 refused {"itemIndex":0}');
		expect(result.logs.join('\n')).not.toContain('secret-key-123');
		expect(JSON.stringify(result.error)).not.toContain('secret-key-123');
		expect(result.items).toEqual([]);
	});

	it.each(['default', 'filesystem'] as const)(
		'round-trips binary data in %s mode',
		async (binaryMode) => {
			const result = await runWorkflow({
				nodeTypes,
				credentialTypes,
				credentials,
				binaryMode,
				workflow: {
					nodes: [
						{ name: 'Start', type: 'n8n-nodes-harness.start' },
						{ name: 'Download', type: 'downloadNode', parameters: { path: '/song' } },
						{ name: 'Measure', type: 'measureNode' },
					],
					connections: {
						Start: { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
						Download: { main: [[{ node: 'Measure', type: 'main', index: 0 }]] },
					},
				},
			});

			expect(result.error).toBeUndefined();
			expect(result.executionOrder).toEqual(['Start', 'Download', 'Measure']);
			expect(result.items[0].json.bytes).toBe(FILE_BYTES.length);
			const [downloaded] = result.nodeOutputs('Download');
			const binary = downloaded.binary?.data;
			expect(binary).toMatchObject({ mimeType: 'audio/mpeg', fileName: 'harness song.mp3' });
			if (binaryMode === 'filesystem') {
				expect(binary?.id).toMatch(/^filesystem-v2:/);
			} else {
				expect(binary?.id).toBeUndefined();
			}
			expect((await result.readBinary(downloaded)).equals(FILE_BYTES)).toBe(true);
		},
	);

	it('turns a thrown NodeOperationError into an error item when continueOnFail is on', async () => {
		const items = [{ json: {} }, { json: { fail: true } }];
		const node = { type: 'strictNode', continueOnFail: true };
		const result = await runNode({ nodeTypes, node, items });

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { ok: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'Item 1 is bad' }, pairedItem: { item: 1 } },
		]);

		const failed = await runNode({ nodeTypes, node: { ...node, continueOnFail: false }, items });
		expect(failed.error).toBeInstanceOf(NodeOperationError);
		expect(failed.error).toMatchObject({ message: 'Item 1 is bad', context: { itemIndex: 1 } });
	});

	it('cancels the execution so getExecutionCancelSignal() aborts', async () => {
		const started = Date.now();
		const result = await runNode({ nodeTypes, node: { type: 'sleeperNode' }, cancelAfterMs: 150 });

		expect(Date.now() - started).toBeLessThan(2_000);
		expect(result.status).toBe('canceled');
		expect(result.error).toBeInstanceOf(ManualExecutionCancelledError);
		expect(result.logs).toEqual(
			expect.arrayContaining([expect.stringMatching(/^\[info\] sleeper: stopped after \d+ ticks/)]),
		);
	});

	it('records waitTill when a node puts the execution to wait', async () => {
		const result = await runNode({ nodeTypes, node: { type: 'waiterNode' } });

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('waiting');
		expect(result.waitTill).toBeInstanceOf(Date);
		expect(result.waitTill!.getTime()).toBeGreaterThan(Date.now());
	});
});
