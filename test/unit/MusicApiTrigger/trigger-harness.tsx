/** The MusicAPI Trigger's webhook as n8n calls it, without n8n: request, response, parameters, static data. */
import { Readable } from 'node:stream';

import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { signPayload } from '../../../nodes/shared/webhooks/signature';
import { MusicApiTrigger } from '../../../nodes/MusicApiTrigger/MusicApiTrigger.node';

export const SECRET = 'cred-secret';
export const NODE = { id: 'n1', name: 'MusicAPI Trigger', type: 'n8n-nodes-musicapi.musicApiTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

export const sonicClip = (id: string, state = 'succeeded', extra: IDataObject = {}): IDataObject => ({
	clip_id: id,
	state,
	title: 'Night Drive',
	tags: 'synthwave',
	lyrics: '[Verse]',
	audio_url: `https://cdn.example/${id}.mp3`,
	image_url: `https://cdn.example/${id}.jpeg`,
	duration: '104.88',
	mv: 'chirp-v5',
	...extra,
});

export const completed = (platform = 'suno', extra: IDataObject = {}): IDataObject => ({
	code: 200,
	message: 'success',
	task_id: 'task-1',
	platform,
	event: 'song.completed',
	data: [sonicClip('a'), sonicClip('b')],
	...extra,
});

export interface Delivery {
	body?: string | Buffer;
	headers?: Record<string, string | undefined>;
}

/** A delivery as MusicAPI sends it: JSON body, X-Webhook-* headers, signed now with `secret`. */
export function signed(payload: unknown, options: { secret?: string; id?: string; event?: string; timestamp?: number } = {}): Delivery {
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
	const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
	const event = options.event ?? ((payload as IDataObject)?.event as string | undefined) ?? 'song.completed';
	return {
		body,
		headers: {
			'content-type': 'application/json',
			'x-webhook-id': options.id ?? 'evt-1',
			'x-webhook-event': event,
			'x-webhook-timestamp': String(timestamp),
			'x-webhook-signature': signPayload(options.secret ?? SECRET, timestamp, body),
		},
	};
}

export interface Harness {
	fn: IWebhookFunctions;
	res: { statusCode?: number; body?: IDataObject; writes: number };
	logger: { warn: jest.Mock; debug: jest.Mock; info: jest.Mock; error: jest.Mock };
	helpers: { httpRequest: jest.Mock; prepareBinaryData: jest.Mock };
	order: string[];
}

export function harness(
	delivery: Delivery,
	options: {
		params?: IDataObject;
		credentials?: IDataObject;
		staticData?: IDataObject;
		lazyRawBody?: boolean;
		/** n8n's execution mode: 'webhook' on the production URL (default), 'manual' on the test URL. */
		mode?: string;
	} = {},
): Harness {
	const order: string[] = [];
	const params: IDataObject = {
		events: ['completed', 'failed'],
		platforms: ['nuro', 'producer', 'sonic'],
		outputMode: 'clip',
		downloadAudio: false,
		binaryProperty: 'data',
		acceptUnsigned: false,
		options: {},
		...options.params,
	};
	const res = {
		statusCode: undefined as number | undefined,
		body: undefined as IDataObject | undefined,
		writes: 0,
		status(code: number) {
			this.statusCode = code;
			return this;
		},
		json(body: IDataObject) {
			this.body = body;
			this.writes += 1;
			order.push('response');
			return this;
		},
	};
	const rawBody = typeof delivery.body === 'string' ? Buffer.from(delivery.body, 'utf8') : delivery.body;
	const req: IDataObject & { readRawBody?: () => Promise<void> } = { headers: delivery.headers ?? {} };
	if (options.lazyRawBody) {
		req.readRawBody = async () => {
			req.rawBody = rawBody;
		};
	} else if (rawBody !== undefined) {
		req.rawBody = rawBody;
	}
	const staticData = options.staticData ?? {};
	const logger = { warn: jest.fn(), debug: jest.fn(), info: jest.fn(), error: jest.fn() };
	const helpers = {
		httpRequest: jest.fn(async () => {
			order.push('download');
			return { statusCode: 200, headers: { 'content-type': 'audio/mpeg' }, body: Readable.from([Buffer.from('ID3')]) };
		}),
		prepareBinaryData: jest.fn(async (_data: unknown, fileName: string, mimeType: string) => ({
			data: 'stored',
			fileName,
			mimeType,
		})),
	};
	const fn = {
		getRequestObject: () => req,
		getResponseObject: () => res,
		getHeaderData: () => delivery.headers ?? {},
		getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
		getCredentials: jest.fn(async () => options.credentials ?? { apiKey: 'key', webhookSecret: SECRET }),
		getWorkflowStaticData: () => staticData,
		getMode: () => options.mode ?? 'webhook',
		getWorkflow: () => ({ id: 'wf-1', name: 'Unit', active: true }),
		getNode: () => NODE,
		logger,
		helpers,
	} as unknown as IWebhookFunctions;
	return { fn, res, logger, helpers, order };
}

export const trigger = new MusicApiTrigger();
export const run = async (h: Harness) => await trigger.webhook.call(h.fn);
export const items = (result: { workflowData?: INodeExecutionData[][] }) => result.workflowData?.[0] ?? [];
