/**
 * Sonic → Create with Batch Submit (beta): POST /sonic/batch with up to 10 create bodies. The shape of the answer's
 * `tasks` is undocumented; a host without the endpoint falls back to single submits; nothing is ever sent twice.
 */
import { API_KEY, bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const OTHER_KEY = 'another-team-key';
const fake = useFakeMusicApi({ apiKeys: [API_KEY, OTHER_KEY] });

const song = (completion: string, extra: Record<string, unknown> = {}) => ({
	resource: 'sonic',
	operation: 'create',
	taskType: 'create_music',
	model: { __rl: true, mode: 'list', value: 'sonic-v5' },
	songMode: 'description',
	gptDescriptionPrompt: '={{ "song " + $json.n }}',
	completion,
	requestOptions: { batchSubmit: true },
	resultOptions: { ...FAST_WAIT, downloadAudio: false },
	...extra,
});
const items = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));

describe('Sonic → Create with Batch Submit (beta)', () => {
	it('12 items, waited for: two batch requests (10 + 2), no single create, every item gets its own two clips', async () => {
		const result = await runMusicApi(fake(), song('wait'), { items: items(12) });
		expect(result.error).toBeUndefined();
		const batches = bodiesSentTo(fake(), 'POST', '/sonic/batch') as Array<{ items: Array<{ gpt_description_prompt: string }> }>;
		expect(batches.map((b) => b.items.length)).toEqual([10, 2]);
		expect(batches.flatMap((b) => b.items.map((i) => i.gpt_description_prompt))).toEqual(items(12).map(({ n }) => `song ${n}`));
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
		expect(result.items).toHaveLength(24);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items(24).map(({ n }) => ({ item: Math.floor(n / 2) })));
		// The fake titles clips after their prompt: each item's clips are its own song's.
		for (const item of result.items) expect(item.json.title).toBe(`Song ${(item.pairedItem as { item: number }).item}`);
	});

	it('submit only: one request for 3 items, each item with its task ID and the batch ID; the webhook URL in every body', async () => {
		const result = await runMusicApi(fake(), song('submit', { webhookUrl: 'https://example.test/hook' }), { items: items(3) });
		expect(result.error).toBeUndefined();
		const [batch] = bodiesSentTo(fake(), 'POST', '/sonic/batch') as Array<{ items: Array<Record<string, unknown>> }>;
		expect(batch.items.map((i) => i.webhook_url)).toEqual(['https://example.test/hook', 'https://example.test/hook', 'https://example.test/hook']);
		const taskIds = result.items.map((i) => i.json.taskId);
		expect(new Set(taskIds).size).toBe(3);
		expect(result.items.every((i) => i.json.state === 'submitted' && typeof i.json.batchId === 'string')).toBe(true);
	});

	it('Get Batch lists the tasks of a batch, one item each', async () => {
		const submitted = await runMusicApi(fake(), song('submit'), { items: items(2) });
		const batchId = String(submitted.items[0].json.batchId);
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'getBatch', batchId });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.taskId)).toEqual(submitted.items.map((i) => i.json.taskId));
		expect(result.items[0].json).toMatchObject({ batchId, index: 0, state: expect.any(String) });
	});

	it('an answer without readable task IDs: an error naming the batch ID and its items; nothing resubmitted', async () => {
		fake().injectFault({ method: 'POST', path: '/sonic/batch' }, { type: 'status', status: 200, body: '{"message":"success","batch_id":"batch-x","submitted":2}' });
		const result = await runMusicApi(fake(), song('wait'), { items: items(2) });
		expect(result.error?.message).toMatch(/batch of 2 songs \(batch batch-x\) but named no task ID/);
		expect(result.error?.description).toMatch(/items 0, 1 may have started.*not resubmitted.*Get Batch with batch ID batch-x/);
		expect(fake().requestsTo('POST', '/sonic/batch')).toHaveLength(1);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
	});

	it('an ambiguous failure (500) leaves the whole group unconfirmed: one request, each item an error under Continue On Fail', async () => {
		fake().injectFault({ method: 'POST', path: '/sonic/batch' }, { type: 'status', status: 500 });
		const result = await runMusicApi(fake(), song('wait'), { items: items(3), continueOnFail: true });
		expect(fake().requestsTo('POST', '/sonic/batch')).toHaveLength(1);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of result.items) {
			expect(item.json.error).toMatch(/did not confirm POST \/sonic\/batch/);
			expect(item.json.description).toMatch(/Batch Submit: items 0, 1, 2 were in this one request; none of them was sent again/);
		}
	});

	// Last in this file: the fallback is remembered for the credential (key and host) for as long as the process runs.
	it('a host without the batch endpoint (404): the group goes one by one, and later runs on that key do not ask again', async () => {
		fake().injectFault({ method: 'POST', path: '/sonic/batch' }, { type: 'status', status: 404 });
		const first = await runMusicApi(fake(), song('submit'), { items: items(3) });
		expect(first.error).toBeUndefined();
		expect(fake().requestsTo('POST', '/sonic/batch').map((r) => r.status)).toEqual([404]);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(3);
		const second = await runMusicApi(fake(), song('submit'), { items: items(2) });
		expect(second.error).toBeUndefined();
		expect(fake().requestsTo('POST', '/sonic/batch')).toHaveLength(1);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(5);
	});

	it('another credential on the same host still asks for the batch endpoint: one key’s 404 does not turn Batch Submit off for the others (issue 23, N7)', async () => {
		const result = await runMusicApi(fake(), song('submit'), { items: items(2), credentials: { apiKey: OTHER_KEY } });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('POST', '/sonic/batch').map((r) => r.status)).toEqual([200]);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
	});
});
