/**
 * Issue 12 in a real n8n 2.40.7: the MusicAPI Trigger runs once per result (task, platform, event) whatever the
 * delivery id and signature; unsigned deliveries are taken on the test URL only and never make n8n fetch a URL
 * they name; a workflow saved with the removed node-level Webhook Secret still activates.
 *
 * "Started nothing more" is measured with a barrier, not a sleep: after the deliveries under test, a genuine
 * sentinel delivery (its own task) is sent, and executions are counted once the sentinel's exists and none of
 * the workflow is still new or running (n8n creates a trigger's execution right after the webhook returns, so one
 * caused by an earlier delivery exists before the sentinel's).
 */
import { randomUUID } from 'node:crypto';

import { signWebhook, type FakeMusicApi } from '../fake-musicapi';
import { request, startN8n, TERMINAL_STATUSES, type Execution, type HttpResponse, type N8n, type Workflow } from './harness';
import { allExecutionsOf } from './helpers/executions';
import { nodeItems } from './helpers/items';
import { createFakeCredential, MUSICAPI_TRIGGER_TYPE, musicApiTriggerNode, startE2eFake, TRIGGER_NAME, type Credential } from './helpers/musicapi';
import { waitFor } from './helpers/wait';

const SECRET = 'e2e-trust-secret';
const TRIGGER = TRIGGER_NAME;

let n8n: N8n;
let fake: FakeMusicApi;
let signedCredential: Credential;
let unsignedCredential: Credential;

beforeAll(async () => {
	fake = await startE2eFake();
	n8n = await startN8n();
	signedCredential = await createFakeCredential(n8n, fake, { name: 'MusicAPI (fake, secret)', webhookSecret: SECRET });
	unsignedCredential = await createFakeCredential(n8n, fake, { name: 'MusicAPI (fake, no secret)' });
});

afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
});

interface Trigger {
	workflow: Workflow;
	webhookId: string;
}

async function createTrigger(name: string, parameters: Record<string, unknown>, options: { credential?: Credential; active?: boolean } = {}): Promise<Trigger> {
	const webhookId = randomUUID();
	const credential = options.credential ?? signedCredential;
	const node = musicApiTriggerNode(credential, webhookId, parameters);
	const workflow = await n8n.createWorkflow({ name: `webhook trust: ${name}`, nodes: [node], connections: {} });
	if (options.active !== false) {
		await n8n.activate(workflow.id);
		// Registered once it answers anything but 404 (a refusal).
		const probe = await n8n.callWebhook('POST', `${webhookId}/musicapi`, {}, { retryUntilRegistered: 5000 });
		expect(probe.status).toBe(401);
	}
	return { workflow, webhookId };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function completedBody(taskId: string, audioUrl?: string): string {
	const clip = (suffix: string) => ({
		clip_id: `${taskId}-${suffix}`,
		state: 'succeeded',
		title: 'Trust',
		audio_url: audioUrl ?? `${fake.origin}/files/${taskId}-${suffix}.mp3`,
		duration: '12.5',
	});
	return JSON.stringify({ code: 200, message: 'success', task_id: taskId, platform: 'suno', event: 'song.completed', data: [clip('a'), clip('b')] });
}

function signedHeaders(body: string, id: string, timestamp = nowSeconds()): Record<string, string> {
	return {
		'content-type': 'application/json',
		'x-webhook-id': id,
		'x-webhook-event': 'song.completed',
		'x-webhook-timestamp': String(timestamp),
		'x-webhook-signature': signWebhook(SECRET, timestamp, body),
	};
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<HttpResponse<Record<string, unknown>>> {
	return await request<Record<string, unknown>>('POST', url, { body, headers, timeoutMs: 60_000 });
}

const productionUrl = (trigger: Trigger): string => n8n.webhookUrl(`${trigger.webhookId}/musicapi`);

const executionsOf = async (workflowId: string): Promise<Execution[]> => await allExecutionsOf(n8n, workflowId);

function taskIdOf(execution: Execution): string | undefined {
	if (!execution.data?.resultData.runData[TRIGGER]) return undefined;
	const value = nodeItems(execution, TRIGGER)[0]?.json.taskId;
	return typeof value === 'string' ? value : undefined;
}

/** The barrier (see the file comment): executions of `taskId` once a later sentinel's has run. */
async function settledExecutionsOf(trigger: Trigger, taskId: string): Promise<Execution[]> {
	const sentinel = `sentinel-${randomUUID()}`;
	const body = completedBody(sentinel);
	const answer = await post(productionUrl(trigger), body, signedHeaders(body, randomUUID()));
	expect(answer).toMatchObject({ status: 200, body: { received: true } });
	const all = await waitFor(
		`the sentinel execution of ${trigger.workflow.id}`,
		async () => {
			const found = await executionsOf(trigger.workflow.id);
			return found.some((e) => taskIdOf(e) === sentinel) && found.every((e) => TERMINAL_STATUSES.includes(e.status)) && found;
		},
		60_000,
		200,
	);
	return all.filter((e) => taskIdOf(e) === taskId);
}

describe('exactly once per result', () => {
	let trigger: Trigger;
	beforeAll(async () => {
		trigger = await createTrigger('once per result', {});
	});

	test('a result sent twice (new X-Webhook-Id, fresh signature) starts one execution', async () => {
		const taskId = `twice-${randomUUID()}`;
		const body = completedBody(taskId);
		const first = await post(productionUrl(trigger), body, signedHeaders(body, randomUUID()));
		expect(first).toMatchObject({ status: 200, body: { received: true } });
		expect(first.body.duplicate).toBeUndefined();
		// MusicAPI's resend: same result, a new delivery id, signed a moment later.
		const second = await post(productionUrl(trigger), body, signedHeaders(body, randomUUID(), nowSeconds() + 2));
		expect(second).toMatchObject({ status: 200, body: { received: true, duplicate: true } });

		const executions = await settledExecutionsOf(trigger, taskId);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
	});

	test('12 concurrent copies of one result, each with its own id and signature, start one execution', async () => {
		const taskId = `concurrent-${randomUUID()}`;
		const body = completedBody(taskId);
		const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(productionUrl(trigger), body, signedHeaders(body, randomUUID(), nowSeconds() + (i % 4)))));
		expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
		expect(answers.filter((a) => a.body.duplicate !== true)).toHaveLength(1);
		expect(await settledExecutionsOf(trigger, taskId)).toHaveLength(1);
	});
});

describe('unsigned deliveries: the test URL only, and never a download', () => {
	const probePath = (): string => `/files/ssrf-probe-${randomUUID()}.mp3`;
	const unsignedHeaders = { 'content-type': 'application/json', 'x-webhook-id': 'unsigned', 'x-webhook-event': 'song.completed' };
	const fetched = (path: string): number => fake.requests.filter((r) => r.path === path).length;

	test.each([
		['a secret in the credential', () => signedCredential, /Missing X-Webhook-Signature/],
		['no secret in the credential', () => unsignedCredential, /test URL only/],
	] as Array<[string, () => Credential, RegExp]>)('production URL, option on, %s: 401, no execution, the URL it names is not fetched', async (_name, credential, reason) => {
		const trigger = await createTrigger(`unsigned on production (${_name})`, { acceptUnsigned: true, downloadAudio: true }, { credential: credential() });
		const path = probePath();
		const answer = await post(productionUrl(trigger), completedBody(`unsigned-${randomUUID()}`, `${fake.origin}${path}`), unsignedHeaders);
		expect(answer).toMatchObject({ status: 401, body: { received: false, error: expect.stringMatching(reason) } });
		// A refused delivery returns no workflow data, so n8n starts no execution (nothing is pending).
		expect(await executionsOf(trigger.workflow.id)).toEqual([]);
		expect(fetched(path)).toBe(0);
	});

	test('test URL (editor listening), option on, Download Audio on: the workflow runs, marked unverified, and fetches nothing', async () => {
		const trigger = await createTrigger('unsigned on the test URL', { acceptUnsigned: true, downloadAudio: true }, { credential: unsignedCredential, active: false });
		// What the editor's "Execute workflow" does: n8n registers the test URL and waits for one call.
		const run = await n8n.rest<{ data: { waitingForWebhook?: boolean } }>('POST', `/workflows/${trigger.workflow.id}/run`, { triggerToStartFrom: { name: TRIGGER } });
		expect(run.data.waitingForWebhook).toBe(true);

		const taskId = `test-url-${randomUUID()}`;
		const path = probePath();
		const answer = await post(`${n8n.url}/webhook-test/${trigger.webhookId}/musicapi`, completedBody(taskId, `${fake.origin}${path}`), unsignedHeaders);
		expect(answer).toMatchObject({ status: 200, body: { received: true } });

		const [execution] = await n8n.waitForExecutions(trigger.workflow.id, 1, 60_000);
		expect(execution).toMatchObject({ mode: 'manual', status: 'success' });
		const items = nodeItems(execution, TRIGGER);
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item.json).toMatchObject({ taskId, signatureVerified: false, audioUrl: `${fake.origin}${path}`, downloadError: expect.stringMatching(/unsigned/) });
			expect(item.binary).toBeUndefined();
		}
		expect(fetched(path)).toBe(0);
	});
});

describe('secrets only in credentials', () => {
	test('the trigger has no password-type parameter', async () => {
		const types = await n8n.nodeTypes();
		const trigger = types.find((t) => t.name === MUSICAPI_TRIGGER_TYPE) as unknown as { properties: Array<{ name: string; typeOptions?: { password?: boolean }; options?: unknown[] }> };
		const flat = JSON.stringify(trigger.properties);
		expect(flat).not.toContain('"password":true');
		expect(flat).not.toContain('webhookSecret');
	});

	test("a workflow saved with the removed node-level Webhook Secret activates; the credential's secret verifies, the old one does not", async () => {
		const trigger = await createTrigger('leftover node secret', { options: { webhookSecret: 'old-node-secret' } });
		// n8n stored the leftover as it was saved: this is the case of a workflow from before the option went.
		const stored = await n8n.getWorkflow(trigger.workflow.id);
		expect(stored.nodes[0].parameters).toMatchObject({ options: { webhookSecret: 'old-node-secret' } });
		const taskId = `leftover-${randomUUID()}`;
		const body = completedBody(taskId);
		const oldTimestamp = nowSeconds();
		const withOld = await post(productionUrl(trigger), body, { ...signedHeaders(body, randomUUID()), 'x-webhook-signature': signWebhook('old-node-secret', oldTimestamp, body), 'x-webhook-timestamp': String(oldTimestamp) });
		expect(withOld).toMatchObject({ status: 401, body: { error: expect.stringMatching(/Signature mismatch/) } });
		const withCredential = await post(productionUrl(trigger), body, signedHeaders(body, randomUUID()));
		expect(withCredential).toMatchObject({ status: 200, body: { received: true } });
		expect(await settledExecutionsOf(trigger, taskId)).toHaveLength(1);
		// n8n drops the parameter its description no longer has when it loads the workflow: never used, never logged.
		expect(n8n.logs()).not.toContain('old-node-secret');
	});
});
