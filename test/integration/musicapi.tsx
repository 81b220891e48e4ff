import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MusicApiApi } from '../../credentials/MusicApiApi.credentials';
import { MusicApi } from '../../nodes/MusicApi/MusicApi.node';
import { startFakeMusicApi, type FakeMusicApi, type FakeOptions } from '../fake-musicapi';
import { runNode, type HarnessResult } from './harness';
import type { BinaryMode } from './harness/types';

export const API_KEY = 'test-key';
export const WEBHOOK_SECRET = 'whsec-test-secret';

/** Fast defaults for tests: no request spacing, short retry delays, near-instant jobs. */
export const FAST_REQUESTS = { interval: 0, retryDelay: 5, maxRetries: 3 };
export const FAST_WAIT = { pollInterval: 0.02, timeout: 1 };

/** Sonic → Create from a description: the plainest job-starting call (add a Completion). */
export const SONIC_CREATE = {
	resource: 'sonic',
	operation: 'create',
	taskType: 'create_music',
	model: { __rl: true, mode: 'list', value: 'sonic-v5' },
	songMode: 'description',
	gptDescriptionPrompt: 'lofi beats',
};

/** Starts a fake MusicAPI for a test file and stops it afterwards; resets it between tests. */
export function useFakeMusicApi(options: Partial<FakeOptions> = {}): () => FakeMusicApi {
	let fake: FakeMusicApi | undefined;
	beforeAll(async () => {
		fake = await startFakeMusicApi({
			apiKeys: [API_KEY],
			timeScale: 0.001,
			uploadLatencyMs: 0,
			uploadStepLatencyMs: 0,
			...options,
		});
	});
	afterEach(() => fake?.reset());
	afterAll(async () => await fake?.stop());
	return () => {
		if (!fake) throw new Error('fake MusicAPI not started');
		return fake;
	};
}

export interface RunMusicApiOptions {
	items?: IDataObject[] | INodeExecutionData[];
	continueOnFail?: boolean;
	binaryMode?: BinaryMode;
	credentials?: IDataObject;
	timeoutMs?: number;
	cancelAfterMs?: number;
}

/**
 * Runs the MusicAPI node once inside n8n's workflow engine against the fake server. Request spacing is off and
 * retries are fast unless the parameters say otherwise.
 */
export async function runMusicApi(
	fake: FakeMusicApi,
	parameters: IDataObject,
	options: RunMusicApiOptions = {},
): Promise<HarnessResult> {
	const items = (options.items ?? [{}]).map((item) =>
		'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject },
	);
	return await runNode({
		nodeTypes: [MusicApi],
		credentialTypes: [MusicApiApi],
		credentials: {
			musicApiApi: { apiKey: API_KEY, baseUrl: fake.baseUrl, webhookSecret: WEBHOOK_SECRET, ...options.credentials },
		},
		node: {
			type: 'musicApi',
			typeVersion: 1,
			name: 'MusicAPI',
			continueOnFail: options.continueOnFail,
			parameters: {
				...parameters,
				requestOptions: { ...FAST_REQUESTS, ...((parameters.requestOptions as IDataObject) ?? {}) },
			},
		},
		items,
		binaryMode: options.binaryMode,
		timeoutMs: options.timeoutMs ?? 20_000,
		cancelAfterMs: options.cancelAfterMs,
	});
}

/** The JSON bodies of the requests the fake received on a route. */
export function bodiesSentTo(fake: FakeMusicApi, method: string, path: string | RegExp): unknown[] {
	return fake.requestsTo(method, path).map((r) => r.body);
}
