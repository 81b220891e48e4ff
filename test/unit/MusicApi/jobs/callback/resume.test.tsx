/**
 * The callback webhook (issue 12): nothing kept before the signature verified, reminders checked against their
 * execution, one resume per result, failed jobs as failures the way "On Error" says, secrets masked in items.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject, INode, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { callbackSecret } from '../../../../../nodes/MusicApi/jobs/callback/address';
import { reminderBody } from '../../../../../nodes/MusicApi/jobs/callback/deadline';
import { callbackWebhook } from '../../../../../nodes/MusicApi/jobs/callback/resume';
import { batches, newBatchCache, releaseParkedExecutions } from '../../../../../nodes/MusicApi/jobs/callback/store';
import { signPayload } from '../../../../../nodes/shared/webhooks/signature';

const CREDENTIALS = { apiKey: 'key-SECRET-9', webhookSecret: 'whsec-SECRET-9', baseUrl: 'https://api.test/api/v1' };
const EXECUTION = '42';
const SECRET = callbackSecret(CREDENTIALS, EXECUTION) ?? '';
const URL_OF = (id: string) => `/webhook-waiting/${id}/node-1?signature=tok`;

const completed = (taskId: string, extra: IDataObject = {}) =>
	JSON.stringify({ code: 200, message: 'success', task_id: taskId, platform: 'suno', event: 'song.completed', data: [{ clip_id: `${taskId}-a`, state: 'succeeded', audio_url: 'https://cdn.test/a.mp3', ...extra }] });
const failed = (taskId: string) => JSON.stringify({ code: 500, message: 'Song generation failed.', task_id: taskId, platform: 'suno', event: 'song.failed', data: [] });

interface Call {
	fn: IWebhookFunctions;
	res: { statusCode?: number; body?: IDataObject };
	stack: Array<{ node: { name: string }; metadata?: IDataObject }>;
	run: () => Promise<IWebhookResponseData>;
}

function call(body: string, options: { secret?: string; credentials?: IDataObject; url?: string; node?: Partial<INode>; customData?: IDataObject; timestamp?: number; id?: string; params?: IDataObject } = {}): Call {
	const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
	const headers = {
		'content-type': 'application/json',
		'x-webhook-id': options.id ?? `id-${Math.random()}`,
		'x-webhook-timestamp': String(timestamp),
		'x-webhook-signature': signPayload(options.secret ?? SECRET, timestamp, body),
	};
	const res = {
		statusCode: undefined as number | undefined,
		body: undefined as IDataObject | undefined,
		status(code: number) {
			this.statusCode = code;
			return this;
		},
		json(value: IDataObject) {
			this.body = value;
			return this;
		},
	};
	const node = { id: 'node-1', name: 'MusicAPI', type: 'n8n-nodes-musicapi.musicApi', typeVersion: 1, position: [0, 0], parameters: {}, ...options.node } as INode;
	const stack = [{ node: { name: node.name }, metadata: {} as IDataObject }];
	const params: IDataObject = { resultOptions: { downloadAudio: false }, requestOptions: {}, ...options.params };
	const fn = {
		getRequestObject: () => ({ originalUrl: options.url ?? URL_OF(EXECUTION), headers, rawBody: Buffer.from(body) }),
		getResponseObject: () => res,
		getCredentials: jest.fn(async () => options.credentials ?? CREDENTIALS),
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
		getExecutionId: () => undefined,
		customData: { getAll: () => options.customData ?? {} },
		logger: { warn: jest.fn(), info: jest.fn(), debug: jest.fn(), error: jest.fn() },
		helpers: { httpRequestWithAuthentication: jest.fn(), httpRequest: jest.fn(), prepareBinaryData: jest.fn() },
		runExecutionData: { executionData: { nodeExecutionStack: stack } },
	} as unknown as IWebhookFunctions;
	return { fn, res, stack, run: async () => await callbackWebhook.call(fn) };
}

/** A batch this process parked: known, so only earlier jobs would ever be asked about. */
function park(...taskIds: string[]) {
	batches.set(EXECUTION, {
		tasks: taskIds.map((taskId, itemIndex) => ({ itemIndex, taskId, dialect: 'sonic', pollPath: `/sonic/task/${taskId}` })),
		delivered: new Map(),
		seen: newBatchCache(),
		expiresAt: Date.now() + 3_600_000,
	});
}

afterEach(() => releaseParkedExecutions());

describe('nothing is kept before verification', () => {
	it('a forged POST (401) does not recover the batch from custom data into memory', async () => {
		const customData = { musicapi_jobs_0: JSON.stringify({ n: 'node-1', d: 'sonic', p: '/sonic/task/', j: [[0, 't1']] }) };
		const forged = call(completed('t1'), { secret: 'not-the-secret', customData });
		await forged.run();
		expect(forged.res.statusCode).toBe(401);
		expect(batches.has(EXECUTION)).toBe(false);
	});

	it('with neither webhook secret nor API key, a callback signed with what anyone can compute, HMAC("", id), is refused (issue 23, C6)', async () => {
		park('t1');
		const guessable = createHmac('sha256', '').update(`musicapi-callback:${EXECUTION}`).digest('hex');
		const forged = call(completed('t1'), { secret: guessable, credentials: { apiKey: '', webhookSecret: '', baseUrl: CREDENTIALS.baseUrl } });
		await forged.run();
		expect(forged.res).toMatchObject({ statusCode: 401, body: { error: expect.stringMatching(/needs a Webhook Secret or an API key/) } });
		expect(batches.get(EXECUTION)?.delivered.size).toBe(0);
	});

	it('a process that only receives callbacks drops expired batches when it recovers another (issue 23, N9)', async () => {
		batches.set('7', { tasks: [{ itemIndex: 0, taskId: 'old', dialect: 'sonic', pollPath: '/sonic/task/old' }], delivered: new Map(), seen: newBatchCache(), expiresAt: Date.now() - 1 });
		const customData = { musicapi_jobs_0: JSON.stringify({ n: 'node-1', d: 'sonic', p: '/sonic/task/', j: [[0, 't1'], [1, 't2']] }) };
		const first = call(completed('t1'), { customData });
		await first.run();
		expect(first.res.statusCode).toBe(200);
		expect([...batches.keys()]).toEqual([EXECUTION]);
	});

	it('a URL without a strictly readable execution id is refused (400) before anything else', async () => {
		const odd = call(completed('t1'), { url: '/webhook-waiting/42?signature=tok' });
		await odd.run();
		expect(odd.res).toMatchObject({ statusCode: 400, body: { error: expect.stringMatching(/names no waiting execution/) } });
	});
});

describe('wait-limit reminders', () => {
	it("another execution's reminder, signed for it, does not verify; one naming another execution is refused", async () => {
		park('t1');
		const replayed = call(reminderBody('41'), { secret: callbackSecret(CREDENTIALS, '41') ?? '' });
		await replayed.run();
		expect(replayed.res).toMatchObject({ statusCode: 401, body: { error: expect.stringMatching(/Signature mismatch/) } });
		const misnamed = call(reminderBody('41'));
		await misnamed.run();
		expect(misnamed.res).toMatchObject({ statusCode: 401, body: { error: expect.stringMatching(/another execution/) } });
		expect(batches.get(EXECUTION)?.resuming).toBeUndefined();
	});
});

describe('once per result', () => {
	it('the same result under a new id with a fresh signature is a duplicate; a copy after the resume changes nothing', async () => {
		park('t1', 't2');
		const first = call(completed('t1'));
		await first.run();
		expect(first.res.body).toEqual({ received: true, remaining: 1 });
		const again = call(completed('t1'), { timestamp: Math.floor(Date.now() / 1000) + 2 });
		await again.run();
		expect(again.res.body).toEqual({ received: true, duplicate: true });

		expect((await call(completed('t2')).run()).workflowData?.[0]).toHaveLength(2);
		const late = call(completed('t2'), { timestamp: Math.floor(Date.now() / 1000) + 3 });
		expect((await late.run()).workflowData).toBeUndefined();
		expect(late.res.body).toEqual({ received: true, resumed: true });
	});

	it('the delivery that resumes reads the credential once (verification, derived secret and client share it)', async () => {
		park('t1');
		const last = call(completed('t1'));
		expect((await last.run()).workflowData?.[0]).toHaveLength(1);
		expect(last.fn.getCredentials).toHaveBeenCalledTimes(1);
	});
});

describe('failed jobs, as "On Error" says', () => {
	it('Stop Workflow: the node is failed on resume (n8n resumeError) with the task id and reason', async () => {
		park('t1');
		const c = call(failed('t1'));
		const result = await c.run();
		expect(result.workflowData?.[0]).toHaveLength(1);
		const error = c.stack[0].metadata?.resumeError as Error;
		expect(error?.name).toBe('NodeOperationError');
		expect(error.message).toBe('MusicAPI job t1 failed: Song generation failed.');
	});

	it('Continue: an item with the error and the task id, no resumeError', async () => {
		park('t1');
		const c = call(failed('t1'), { node: { onError: 'continueRegularOutput' } });
		const result = await c.run();
		expect(result.workflowData?.[0].map((i) => i.json)).toEqual([{ taskId: 't1', error: 'MusicAPI job t1 failed: Song generation failed.', description: expect.any(String) }]);
		expect(c.stack[0].metadata?.resumeError).toBeUndefined();
	});

	it('Continue (using error output): on resume the failed job stays on the regular output (n8n cannot route it), said in the log', async () => {
		park('t1', 't2');
		await call(completed('t1'), { node: { onError: 'continueErrorOutput' } }).run();
		const last = call(failed('t2'), { node: { onError: 'continueErrorOutput' } });
		const result = await last.run();
		const [clip, failure] = result.workflowData?.[0] ?? [];
		expect(clip.json).toMatchObject({ taskId: 't1', state: 'succeeded' });
		expect(failure.json).toMatchObject({ taskId: 't2', error: 'MusicAPI job t2 failed: Song generation failed.' });
		expect((last.fn.logger.warn as jest.Mock).mock.calls.flat().join()).toMatch(/cannot route a resumed node's failed jobs/);
	});
});

describe('secrets in resumed items', () => {
	it('Include Raw Data: the API key, the credential secret and the derived secret are masked', async () => {
		park('t1');
		const echo = `${CREDENTIALS.apiKey} ${CREDENTIALS.webhookSecret} ${SECRET}`;
		const result = await call(completed('t1', { metadata: { echo } }), { params: { resultOptions: { downloadAudio: false, includeRaw: true } } }).run();
		const text = JSON.stringify(result.workflowData);
		expect(text).toContain('***');
		for (const secret of [CREDENTIALS.apiKey, CREDENTIALS.webhookSecret, SECRET]) expect(text).not.toContain(secret);
	});

	// Issue 23 (N6): delivered text is cleaned where it arrives, so it is clean in errors, logs and file names too.
	const echo = `${CREDENTIALS.apiKey} ${CREDENTIALS.webhookSecret} ${SECRET}`;
	const noSecrets = (text: string) => {
		for (const secret of [CREDENTIALS.apiKey, CREDENTIALS.webhookSecret, SECRET]) expect(text).not.toContain(secret);
	};

	it("Stop Workflow: a failed job's delivered message is masked in the node error and in the log", async () => {
		park('t1');
		const body = JSON.stringify({ code: 500, message: `bad request: ${echo}`, task_id: 't1', platform: 'suno', event: 'song.failed', data: [] });
		const c = call(body);
		await c.run();
		const error = c.stack[0].metadata?.resumeError as Error & { description?: string };
		expect(error.message).toContain('***');
		noSecrets(JSON.stringify([error.message, error.description, (c.fn.logger.warn as jest.Mock).mock.calls, (c.fn.logger.info as jest.Mock).mock.calls]));
	});

	it("a failed clip's delivered error is masked in the log and the execution hint; a title's in the file name", async () => {
		park('t1');
		const body = completed('t1', { title: `Song ${CREDENTIALS.apiKey}` }).replace('}]}', `}, {"clip_id": "t1-b", "state": "failed", "error": "clip broke: ${echo}"}]}`);
		const c = call(body, { params: { resultOptions: { downloadAudio: true } } });
		(c.fn.helpers.httpRequest as jest.Mock).mockResolvedValue({ statusCode: 200, headers: { 'content-type': 'audio/mpeg' }, body: 'ID3' });
		(c.fn.helpers.prepareBinaryData as jest.Mock).mockImplementation(async (_data: unknown, fileName: string) => ({ data: '', mimeType: 'audio/mpeg', fileName }));
		const result = await c.run();
		expect((c.fn.logger.warn as jest.Mock).mock.calls.join('\n')).toMatch(/clips failed \(clip broke: \*\*\*/);
		const fileNames = (c.fn.helpers.prepareBinaryData as jest.Mock).mock.calls.map((call) => call[1] as string);
		expect(fileNames).toHaveLength(1);
		noSecrets(JSON.stringify([fileNames, (c.fn.logger.warn as jest.Mock).mock.calls, result.workflowData]));
		expect(fileNames[0].toLowerCase()).not.toContain(CREDENTIALS.apiKey.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
	});
});
