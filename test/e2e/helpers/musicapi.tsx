/**
 * Shared pieces for e2e tests of the MusicAPI nodes in a real n8n: the fake MusicAPI started in the test
 * process (n8n reaches it on 127.0.0.1), a credential pointing at it, and node JSON as the editor saves it.
 * Small and stable on purpose: trigger and action tests both import it.
 */
import { randomUUID } from 'node:crypto';

import { startFakeMusicApi, type FakeMusicApi, type FakeOptions } from '../../fake-musicapi';
import type { N8n, WorkflowNode } from '../harness';

export const MUSICAPI_NODE_TYPE = 'n8n-nodes-musicapi.musicApi';
export const MUSICAPI_TOOL_TYPE = 'n8n-nodes-musicapi.musicApiTool';
export const MUSICAPI_TRIGGER_TYPE = 'n8n-nodes-musicapi.musicApiTrigger';
export const CREDENTIAL_TYPE = 'musicApiApi';
export const E2E_API_KEY = 'e2e-key';

/** Requests as the node would send them in a test: no spacing, quick retries (override per test). */
export const FAST_REQUESTS = { interval: 0, retryDelay: 20, maxRetries: 3 };

export interface Credential {
	id: string;
	name: string;
}

/**
 * A fake MusicAPI for one e2e file: key `E2E_API_KEY`, no upload latency, and a timeline scaled by
 * `timeScale` (default 0.02: a sonic job takes 1.2 s). Stop it in afterAll.
 */
export async function startE2eFake(options: Partial<FakeOptions> = {}): Promise<FakeMusicApi> {
	return await startFakeMusicApi({ apiKeys: [E2E_API_KEY], timeScale: 0.02, uploadLatencyMs: 0, uploadStepLatencyMs: 0, ...options });
}

/** A MusicAPI credential in n8n that points at the fake (webhookSecret: '' leaves it unset). */
export async function createFakeCredential(
	n8n: N8n,
	fake: FakeMusicApi,
	options: { name?: string; webhookSecret?: string; apiKey?: string } = {},
): Promise<Credential> {
	const data: Record<string, unknown> = { apiKey: options.apiKey ?? E2E_API_KEY, baseUrl: fake.baseUrl };
	if (options.webhookSecret) data.webhookSecret = options.webhookSecret;
	const created = await n8n.createCredential(CREDENTIAL_TYPE, options.name ?? `MusicAPI fake ${randomUUID().slice(0, 8)}`, data);
	return { id: created.id, name: created.name };
}

/**
 * A MusicAPI action node. `requestOptions` defaults to FAST_REQUESTS (merged under the given ones); the node
 * gets a fixed id so tests can predict its resume URL.
 */
export function musicApiNode(credential: Credential, parameters: Record<string, unknown>, node: Partial<WorkflowNode> = {}): WorkflowNode {
	return {
		id: randomUUID(),
		name: 'MusicAPI',
		type: MUSICAPI_NODE_TYPE,
		typeVersion: 1,
		...node,
		parameters: { ...parameters, requestOptions: { ...FAST_REQUESTS, ...((parameters.requestOptions as Record<string, unknown>) ?? {}) } },
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	};
}

/** The name every e2e workflow gives the MusicAPI Trigger (executions' run data is read by it). */
export const TRIGGER_NAME = 'MusicAPI Trigger';

/** A MusicAPI Trigger with a fixed webhookId, so tests know its production and test URLs. */
export function musicApiTriggerNode(credential: Credential, webhookId: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: randomUUID(),
		name: TRIGGER_NAME,
		type: MUSICAPI_TRIGGER_TYPE,
		typeVersion: 1,
		webhookId,
		parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	};
}

/** Sonic → Create in description mode: the parameter set most tests start from. */
export function sonicCreateParameters(prompt: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		resource: 'sonic',
		operation: 'create',
		taskType: 'create_music',
		sonicModel: { __rl: true, mode: 'list', value: 'sonic-v5' },
		songMode: 'description',
		gptDescriptionPrompt: prompt,
		...extra,
	};
}

/** A core Webhook node (typeVersion 2) on `path`. */
export function webhookNode(path: string, options: { name?: string; responseMode?: 'onReceived' | 'lastNode' } = {}): WorkflowNode {
	return {
		id: randomUUID(),
		name: options.name ?? 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: options.responseMode ?? 'onReceived',
			...(options.responseMode === 'lastNode' ? { responseData: 'allEntries' } : {}),
			options: {},
		},
	};
}

/** Core Split Out: one item per element of `field` (e.g. 'body.songs'). */
export function splitOutNode(field: string, name = 'Split Out'): WorkflowNode {
	return { id: randomUUID(), name, type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: field, options: {} } };
}

/** `{ A: B, B: C }` → n8n connections of a straight chain, main output 0 → input 0. */
export function chain(...names: string[]): Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> {
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	for (let i = 0; i + 1 < names.length; i++) connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return connections;
}

/**
 * Webhook (answers with the last node) → MusicAPI Sonic Create, waited for: one song per webhook call, the prompt
 * taken from the call's body. For many executions started at once on one key (issue 15).
 */
export function songPerCallWorkflow(credential: Credential, path: string, intervalS: number) {
	const song = musicApiNode(
		credential,
		sonicCreateParameters('={{ $json.body.prompt }}', {
			completion: 'wait',
			resultOptions: { pollInterval: 1, timeout: 5, downloadAudio: false },
			requestOptions: { interval: intervalS, retryDelay: 1000, maxRetries: 3 },
		}),
	);
	return { name: `song per call ${path}`, nodes: [webhookNode(path, { responseMode: 'lastNode' }), song], connections: chain('Webhook', 'MusicAPI') };
}
