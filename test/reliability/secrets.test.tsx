/**
 * Secrets: the API key and the webhook secret (distinctive values, helpers/setup.tsx) must never appear in an output
 * item, an error's message or description, the serialised error, a captured log line or the stored run data.
 *
 * Every case of faults.test.tsx and bad-input.test.tsx already runs this scan (helpers/secrets.tsx) and files its
 * leak count; this file adds the cases most likely to leak: a MusicAPI (or proxy) that echoes the secrets back in an
 * error body or in a successful answer, submits that carry the secret (webhook URL, callback mode), and the secret
 * derived per execution when the credential has none.
 */
import type { HarnessResult } from '../integration/harness';
import { useResults } from './helpers/results';
import { scanForSecrets } from './helpers/secrets';
import { markedItems, sonicBatch } from './helpers/scenario';
import { RELIABILITY_API_KEY, RELIABILITY_WEBHOOK_SECRET, runThroughRig, useRig } from './helpers/setup';

const rig = useRig();
const results = useResults('secrets');

const ECHO = `token ${RELIABILITY_API_KEY} / secret ${RELIABILITY_WEBHOOK_SECRET}`;
const FAST = { interval: 0, retryDelay: 5, maxRetries: 1 };

/** Scans, files the figures, asserts 0 leaks. */
function expectNoSecrets(name: string, result: HarnessResult, extra: string[] = []) {
	const scan = scanForSecrets(result, extra);
	const record = results.start(name, { scanned: scan.scanned, secretLeaks: scan.leaks.length, leaks: scan.leaks });
	results.add('scannedTexts', scan.scanned);
	results.add('secretLeaks', scan.leaks.length);
	expect(scan.leaks).toEqual([]);
	return record;
}

describe('MusicAPI echoes the secrets in an error body', () => {
	it('a JSON 500 on Credits → Get: the error still quotes MusicAPI, with the secrets masked', async () => {
		rig().fake.injectFault({ method: 'GET', path: '/get-credits' }, { type: 'status', status: 500, body: JSON.stringify({ type: 'server_error', error: `bad ${ECHO}` }) }, Infinity);
		const result = await runThroughRig(rig(), { resource: 'credits', operation: 'get', requestOptions: FAST });
		expect(result.error?.message).toBe('MusicAPI server error 500: bad token *** / secret ***');
		expectNoSecrets('error body echo (JSON 500, read)', result).handled = true;
	});

	it('a text 503 on every poll of a waited job: the task error quotes it masked', async () => {
		rig().fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'status', status: 503, body: `upstream said: ${ECHO}` }, Infinity);
		const result = await runThroughRig(rig(), sonicBatch({ requestOptions: FAST }), { items: markedItems(1) });
		expect(result.error?.message).toMatch(/^MusicAPI task \S+: MusicAPI server error 503: upstream said: token \*\*\* \/ secret \*\*\*$/);
		expectNoSecrets('error body echo (text 503, poll)', result).handled = true;
	});

	it('a 429 storm on a submit whose body echoes them: the rate-limit error is masked too', async () => {
		rig().fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'status', status: 429, body: JSON.stringify({ type: 'rate_limit', error: ECHO }) }, Infinity);
		// A 429 is waited out until Max Wait on Rate Limit: 1 s here.
		const result = await runThroughRig(rig(), sonicBatch({ completion: 'submit', requestOptions: { ...FAST, rateLimitWait: 1 } }), { items: markedItems(1) });
		expect(result.error?.message).toBe('MusicAPI rate limit reached: token *** / secret ***');
		expectNoSecrets('error body echo (429, submit)', result).handled = true;
	});

	it('the same under Continue On Fail: the error item is masked', async () => {
		rig().fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'status', status: 502, body: JSON.stringify({ error: ECHO }) }, Infinity);
		const result = await runThroughRig(rig(), sonicBatch({ completion: 'submit', requestOptions: FAST }), { items: markedItems(2), continueOnFail: true });
		expect(result.items.map((i) => i.json.error)).toEqual([expect.stringMatching(/did not confirm/), expect.stringMatching(/did not confirm/)]);
		expectNoSecrets('error body echo (502, Continue On Fail)', result).handled = true;
	});
});

describe('submits that carry the secret', () => {
	it('submit only with a webhook URL: the secret goes to MusicAPI, not to the output', async () => {
		const result = await runThroughRig(rig(), sonicBatch({ completion: 'submit', webhookUrl: 'https://example.test/webhook/musicapi', requestOptions: FAST }), { items: markedItems(2) });
		expect(rig().fake.requestsTo('POST', '/sonic/create').map((r) => (r.body as { webhook_secret?: string }).webhook_secret)).toEqual([RELIABILITY_WEBHOOK_SECRET, RELIABILITY_WEBHOOK_SECRET]);
		expect(result.items).toHaveLength(2);
		expectNoSecrets('submit with webhook URL', result).handled = true;
	});

	it('submit only with a webhook URL, the create answered by a reset: the "unconfirmed" error carries no secret', async () => {
		rig().fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'reset' });
		const result = await runThroughRig(rig(), sonicBatch({ completion: 'submit', webhookUrl: 'https://example.test/webhook/musicapi', requestOptions: FAST }), { items: markedItems(1) });
		expect(result.error?.message).toMatch(/did not confirm/);
		expectNoSecrets('submit with webhook URL, reset', result).handled = true;
	});

	it('wait for callback with the credential\'s secret: the parked execution stores no secret', async () => {
		const result = await runThroughRig(rig(), sonicBatch({ completion: 'callback', requestOptions: FAST }), { items: markedItems(2) });
		expect(result.waitTill).toBeInstanceOf(Date);
		// A secret derived for this execution from the credential's (issue 12), never the credential's own.
		const sent = rig().fake.requestsTo('POST', '/sonic/create').map((r) => (r.body as { webhook_secret?: string }).webhook_secret ?? '');
		expect(sent).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), sent[0]]);
		expect(sent[0]).not.toBe(RELIABILITY_WEBHOOK_SECRET);
		expectNoSecrets('callback mode, credential secret', result, [sent[0]]).handled = true;
	});

	it('wait for callback without a credential secret: neither the key nor the secret derived for this execution is stored', async () => {
		const result = await runThroughRig(rig(), sonicBatch({ completion: 'callback', requestOptions: FAST }), { items: markedItems(1), credentials: { webhookSecret: '' } });
		const derived = (rig().fake.requestsTo('POST', '/sonic/create')[0]?.body as { webhook_secret?: string }).webhook_secret ?? '';
		expect(derived).toMatch(/^[0-9a-f]{64}$/);
		expectNoSecrets('callback mode, derived secret', result, [derived]).handled = true;
	});
});

describe('MusicAPI echoes the secrets in a successful answer', () => {
	it('a submit answer that repeats webhook_url/webhook_secret: the submitted item does not pass the secret on', async () => {
		rig().tap.rewrite((x) =>
			x.method === 'POST' && x.status === 200 ? { ...(x.responseBody as object), webhook_url: 'https://example.test/webhook/musicapi', webhook_secret: RELIABILITY_WEBHOOK_SECRET } : undefined,
		);
		const result = await runThroughRig(rig(), sonicBatch({ completion: 'submit', webhookUrl: 'https://example.test/webhook/musicapi', requestOptions: FAST }), { items: markedItems(1) });
		expect(result.items[0].json.taskId).toEqual(expect.any(String));
		expectNoSecrets('submit answer echoes webhook_secret', result).handled = true;
	});

	it('a poll answer whose clips repeat the secret, with Include Raw Response on: the raw clip does not pass it on', async () => {
		rig().tap.rewrite((x) => {
			const body = x.responseBody as { data?: Array<Record<string, unknown>> } | undefined;
			if (x.method !== 'GET' || !Array.isArray(body?.data)) return undefined;
			return { ...body, data: body.data.map((clip) => ({ ...clip, webhook_secret: RELIABILITY_WEBHOOK_SECRET, note: `key ${RELIABILITY_API_KEY}` })) };
		});
		const result = await runThroughRig(rig(), sonicBatch({ resultOptions: { pollInterval: 0.02, timeout: 0.5, includeRaw: true, downloadAudio: false }, requestOptions: FAST }), { items: markedItems(1) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.raw).toEqual(expect.objectContaining({ clip_id: expect.any(String) }));
		expectNoSecrets('poll answer echoes secrets (raw clip)', result).handled = true;
	});
});

it('the scan finds a secret where there is one (the scanner itself can fail)', () => {
	const fake = { items: [{ json: { leaked: RELIABILITY_API_KEY } }], logs: [`x ${RELIABILITY_WEBHOOK_SECRET}`], run: { data: { resultData: {} } } } as unknown as HarnessResult;
	expect(scanForSecrets(fake).leaks.map((l) => `${l.secret} @ ${l.where}`)).toEqual(['API key @ item 0', 'webhook secret @ log line 0']);
});
