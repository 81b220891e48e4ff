/**
 * Fault injection through the MusicAPI node in n8n's workflow engine, against the fake MusicAPI's fault switches.
 * Every case states what the user must see, and every case checks the shared invariants (helpers/invariants.tsx):
 * no task id MusicAPI handed out goes missing, no item's create is sent twice when the first may have started a
 * job, no request trips the fake's rate limit (set to the node's pace), and no secret appears anywhere.
 *
 * The transport's single-request behaviour (one 429, one 5xx on a lone create or poll) is in
 * test/integration/transport/retries.test.tsx; these cases are batches and whole executions. The callback that
 * never arrives is covered by test/e2e/node-callback.e2e.test.tsx ("wait limit passed without a callback") in a real
 * n8n, and not repeated here.
 */
import type { Fault } from '../fake-musicapi';
import type { HarnessResult } from '../integration/harness';
import { expectInvariants, itemMarker, measureInvariants } from './helpers/invariants';
import { useResults, type CaseRecord } from './helpers/results';
import { audioPaths, faultAfterCreates, faultOnFilesOfItem, markedItems, onTaskOfItem, sonicBatch } from './helpers/scenario';
import { PACE_S, runThroughRig, useRig } from './helpers/setup';

const rig = useRig({ rateLimit: { requests: 1, perMs: PACE_S * 1000 } });
const results = useResults('faults');

const CREATE = /^\/sonic\/create$/;
const ITEMS = 5;

/** Measures and asserts the invariants, and files the case's figures. */
async function checkInvariants(record: CaseRecord, result: HarnessResult, createPath = CREATE) {
	const figures = await measureInvariants(rig(), result, createPath);
	record.injected = figures.faultsServed;
	Object.assign(record, {
		createdTasks: figures.createdTaskIds.length,
		lostTaskIds: figures.lostTaskIds.length,
		unconfirmedCreates: figures.unconfirmedCreates,
		duplicateCreates: figures.duplicateCreates,
		overLimitRequests: figures.overLimitRequests,
		overLimitAfterGhost: figures.overLimitAfterGhost,
		secretLeaks: figures.secretLeaks,
	});
	results.add('faultsServed', figures.faultsServed);
	results.add('createdTasks', figures.createdTaskIds.length);
	results.add('lostTaskIds', figures.lostTaskIds.length);
	results.add('unconfirmedCreates', figures.unconfirmedCreates);
	results.add('duplicateCreates', figures.duplicateCreates);
	results.add('overLimitRequests', figures.overLimitRequests);
	results.add('overLimitAfterGhost', figures.overLimitAfterGhost);
	results.add('secretLeaks', figures.secretLeaks);
	expectInvariants(figures);
	return figures;
}

function createStatuses(path = '/sonic/create'): number[] {
	return rig().fake.requestsTo('POST', path).map((r) => r.status);
}

/** The creates sent for one item (its prompt carries its marker). */
function createBodiesOf(index: number): unknown[] {
	return rig().fake.requestsTo('POST', '/sonic/create').filter((r) => r.rawBody.includes(itemMarker(index)));
}

/** A wait whose Timeout (about 1 s) a never-ending 429 storm outlasts; Max Retries 1 shows 429s are not counted. */
const SHORT_WAIT = { resultOptions: { pollInterval: 0.02, timeout: 0.02 }, requestOptions: { interval: PACE_S, retryDelay: 5, maxRetries: 1 } };

/** Every item finished: two succeeded clips per input item, each with its audio file. */
function expectAllFinished(result: HarnessResult, items = ITEMS) {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(items * 2);
	expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
		Array.from({ length: items * 2 }, (_, i) => Math.floor(i / 2)),
	);
	for (const item of result.items) {
		expect(item.json.state).toBe('succeeded');
		expect(item.binary?.data?.mimeType).toBe('audio/mpeg');
	}
	expect(new Set(result.items.map((i) => i.json.taskId)).size).toBe(items);
}

/** The task ids of the creates MusicAPI accepted, by item index. */
function acceptedTasks(): Map<number, string> {
	const tasks = new Map<number, string>();
	for (const x of rig().tap.exchanges) {
		if (x.method !== 'POST' || x.status !== 200) continue;
		const match = /item-(\d+)/.exec(JSON.stringify(x.requestBody));
		const id = (x.responseBody as { task_id?: string } | undefined)?.task_id;
		if (match && id) tasks.set(Number(match[1]), id);
	}
	return tasks;
}

function taskOf(index: number): string {
	const id = acceptedTasks().get(index);
	if (!id) throw new Error(`no accepted create for item ${index}`);
	return id;
}

describe('faults on submit (5 items, poll mode)', () => {
	it('429 storm WITH Retry-After: each 429 is waited out as told, then every item is created once and finishes', async () => {
		const record = results.start('submit: 429 storm with Retry-After');
		rig().fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'status', status: 429, retryAfter: 0.15 }, 3);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expectAllFinished(result);
		expect(createStatuses()).toEqual([429, 429, 429, 200, 200, 200, 200, 200]);
		const posts = rig().fake.requestsTo('POST', '/sonic/create');
		for (let i = 1; i <= 3; i++) expect(posts[i].time - posts[i - 1].time).toBeGreaterThanOrEqual(145);
		expect(result.logs.join('\n')).toMatch(/rate limit on POST \/sonic\/create; retrying in 150 ms/);
		record.handled = true;
	});

	it('429 storm WITHOUT Retry-After from item 3 on, outlasting the wait: item 3 is refused until the Timeout (beyond Max Retries), then a rate-limit error that names the 2 jobs already submitted; items 4–5 never sent', async () => {
		const record = results.start('submit: 429 storm without Retry-After, mid-batch, outlasting the wait');
		faultAfterCreates(rig(), CREATE, 2, { type: 'status', status: 429 }, Infinity);
		const result = await runThroughRig(rig(), sonicBatch(SHORT_WAIT), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expect(result.error?.message).toMatch(/^MusicAPI rate limit reached/);
		expect(result.error?.description).toMatch(/answered 429 \(too many requests\) \d+ time\(s\) over \d+ s/);
		expect(result.error?.description).toContain(`item 0 → task ${taskOf(0)}, item 1 → task ${taskOf(1)}`);
		const statuses = createStatuses();
		expect(statuses.slice(0, 2)).toEqual([200, 200]);
		// A 429 is not one of the retries (Max Retries 1): item 3 was asked again and again until the time ran out.
		expect(statuses.slice(2).length).toBeGreaterThan(2);
		expect(new Set(statuses.slice(2))).toEqual(new Set([429]));
		expect(createBodiesOf(2)).toHaveLength(statuses.length - 2);
		record.handled = true;
	});

	it('429 storm WITHOUT Retry-After under Continue On Fail: items 1–2 finish; item 3 is refused until the Timeout, items 4–5 once each (the time is spent); all three are rate-limit error items', async () => {
		const record = results.start('submit: 429 storm without Retry-After, mid-batch, Continue On Fail');
		faultAfterCreates(rig(), CREATE, 2, { type: 'status', status: 429 }, Infinity);
		const result = await runThroughRig(rig(), sonicBatch(SHORT_WAIT), { items: markedItems(ITEMS), continueOnFail: true });
		await checkInvariants(record, result);
		expect(result.items.filter((i) => i.json.state === 'succeeded').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		const errors = result.items.filter((i) => i.json.error);
		expect(errors.map((i) => i.pairedItem)).toEqual([{ item: 2 }, { item: 3 }, { item: 4 }]);
		for (const e of errors) expect(e.json.error).toMatch(/^MusicAPI rate limit reached/);
		expect(createBodiesOf(2).length).toBeGreaterThan(2);
		expect([createBodiesOf(3).length, createBodiesOf(4).length]).toEqual([1, 1]);
		record.handled = true;
	});

	it.each([
		['500', { type: 'status', status: 500 } as Fault, /HTTP 500/],
		['502', { type: 'status', status: 502 } as Fault, /HTTP 502/],
		['502 HTML page', { type: 'html', status: 502 } as Fault, /HTTP 502/],
		['504', { type: 'status', status: 504 } as Fault, /HTTP 504/],
		['connection reset', { type: 'reset' } as Fault, /ECONNRESET|socket hang up/],
		['malformed JSON', { type: 'malformed-json' } as Fault, /unreadable answer/],
	])('%s on the 3rd create: "not confirmed, not sent again" error naming the 2 submitted jobs; 3 creates in all', async (name, fault, reason) => {
		const record = results.start(`submit: ${name} mid-batch`);
		faultAfterCreates(rig(), CREATE, 2, fault);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expect(result.error?.message).toMatch(/^MusicAPI did not confirm POST \/sonic\/create .* it was not sent again$/);
		expect(result.error?.message).toMatch(reason);
		expect(result.error?.description).toMatch(/never charged twice/);
		expect(result.error?.description).toContain(`item 0 → task ${taskOf(0)}, item 1 → task ${taskOf(1)}`);
		expect(rig().fake.requestsTo('POST', '/sonic/create')).toHaveLength(3);
		record.handled = true;
	});

	it('502 on the 3rd create under Continue On Fail: items 1, 2, 4, 5 finish; item 3 is an "unconfirmed" error item; 5 creates in all', async () => {
		const record = results.start('submit: 502 mid-batch, Continue On Fail');
		faultAfterCreates(rig(), CREATE, 2, { type: 'status', status: 502 });
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS), continueOnFail: true });
		await checkInvariants(record, result);
		expect(result.items).toHaveLength(9);
		const failed = result.items.filter((i) => i.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 2 });
		expect(failed[0].json.error).toMatch(/did not confirm POST \/sonic\/create \(HTTP 502\)/);
		expect(rig().fake.requestsTo('POST', '/sonic/create')).toHaveLength(5);
		record.handled = true;
	});

	it('503 twice: a 503 certainly created nothing, so the create is retried and all 5 items finish (7 creates)', async () => {
		const record = results.start('submit: 503 ×2');
		rig().fake.injectFault({ method: 'POST', path: '/sonic/create' }, { type: 'status', status: 503 }, 2);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expectAllFinished(result);
		expect(createStatuses()).toEqual([503, 503, 200, 200, 200, 200, 200]);
		record.handled = true;
	});

	it('a create slower than the request timeout: "not confirmed" error; MusicAPI did start that job, the error tells the user to check before re-running', async () => {
		const record = results.start('submit: slow past the request timeout');
		faultAfterCreates(rig(), CREATE, 2, { type: 'slow', delayMs: 2200 });
		const result = await runThroughRig(rig(), sonicBatch({ requestOptions: { interval: PACE_S, retryDelay: 5, maxRetries: 3, timeout: 1 } }), {
			items: markedItems(ITEMS),
		});
		const figures = await checkInvariants(record, result);
		expect(result.error?.message).toMatch(/did not confirm POST \/sonic\/create \(ECONNABORTED|ETIMEDOUT|timeout/i);
		expect(result.error?.description).toMatch(/Check the MusicAPI dashboard/);
		expect(result.error?.description).toContain(`item 0 → task ${taskOf(0)}, item 1 → task ${taskOf(1)}`);
		// The fake finished the slow create after the node had given up: one job exists that only the dashboard shows.
		expect(figures.unconfirmedCreates).toBe(1);
		expect(rig().fake.requestsTo('POST', '/sonic/create')).toHaveLength(3);
		record.handled = true;
	});

	it('credits run out at item 3: out-of-credits error that names the 2 jobs already submitted; nothing else charged', async () => {
		const record = results.start('submit: credits exhausted mid-batch');
		rig().fake.setCredits(40, 0, undefined);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		record.injected = 1;
		expect(result.error?.message).toMatch(/^Not enough MusicAPI credits: The remaining credits are not enough/);
		expect(result.error?.description).toMatch(/Credits → Get/);
		expect(result.error?.description).toContain(`item 0 → task ${taskOf(0)}, item 1 → task ${taskOf(1)}`);
		expect(createStatuses()).toEqual([200, 200, 403]);
		expect(rig().fake.credits()).toEqual({ credits: 0, extra_credits: 0 });
		record.handled = true;
	});

	it('credits run out at item 3 under Continue On Fail: items 1–2 finish, items 3–5 are out-of-credits error items', async () => {
		const record = results.start('submit: credits exhausted mid-batch, Continue On Fail');
		rig().fake.setCredits(40, 0, undefined);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS), continueOnFail: true });
		await checkInvariants(record, result);
		record.injected = 3;
		expect(result.items.filter((i) => i.json.state === 'succeeded')).toHaveLength(4);
		const errors = result.items.filter((i) => i.json.error);
		expect(errors.map((i) => i.pairedItem)).toEqual([{ item: 2 }, { item: 3 }, { item: 4 }]);
		for (const e of errors) expect(e.json.error).toMatch(/^Not enough MusicAPI credits/);
		expect(createStatuses()).toEqual([200, 200, 403, 403, 403]);
		record.handled = true;
	});
});

describe('faults on poll (5 items)', () => {
	it('429 storm WITH Retry-After on polls (3 in a row, within Max Retries): waited out, all 5 finish', async () => {
		const record = results.start('poll: 429 storm with Retry-After');
		rig().fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'status', status: 429, retryAfter: 0.1 }, 3);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expectAllFinished(result);
		expect(rig().fake.requests.filter((r) => r.status === 429)).toHaveLength(3);
		record.handled = true;
	});

	it('429 on every poll, no Retry-After: polls are waited out until the Timeout, then one error names all 5 task ids', async () => {
		const record = results.start('poll: 429 storm without Retry-After, never ends');
		rig().fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'status', status: 429 }, Infinity);
		const result = await runThroughRig(rig(), sonicBatch(SHORT_WAIT), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expect(result.error?.message).toBe(`5 MusicAPI jobs did not finish: ${[0, 1, 2, 3, 4].map(taskOf).join(', ')}`);
		for (let i = 0; i < ITEMS; i++) expect(result.error?.description).toContain(`[item ${i}] MusicAPI task ${taskOf(i)}: MusicAPI rate limit reached`);
		expect(createStatuses()).toEqual([200, 200, 200, 200, 200]);
		record.handled = true;
	});

	it.each([
		['500', { type: 'status', status: 500 } as Fault],
		['502', { type: 'status', status: 502 } as Fault],
		['503', { type: 'status', status: 503 } as Fault],
		['504', { type: 'status', status: 504 } as Fault],
		['502 HTML page', { type: 'html', status: 502 } as Fault],
		['connection reset', { type: 'reset' } as Fault],
		['malformed JSON', { type: 'malformed-json' } as Fault],
	])('%s on 3 polls: polls are safe to repeat, all 5 finish', async (name, fault) => {
		const record = results.start(`poll: ${name} ×3 (transient)`);
		rig().fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, fault, 3);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expectAllFinished(result);
		expect(rig().fake.requests.filter((r) => r.fault)).toHaveLength(3);
		record.handled = true;
	});

	it('a poll slower than the request timeout: timed out, asked again, all 5 finish', async () => {
		const record = results.start('poll: slow past the request timeout');
		rig().fake.injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'slow', delayMs: 2200 });
		const result = await runThroughRig(rig(), sonicBatch({ requestOptions: { interval: PACE_S, retryDelay: 5, maxRetries: 3, timeout: 1 } }), {
			items: markedItems(ITEMS),
		});
		await checkInvariants(record, result);
		expectAllFinished(result);
		expect(result.logs.join('\n')).toMatch(/MusicAPI (ECONNABORTED|ETIMEDOUT)\S* on GET \/sonic\/task\/\S+; retry 1/);
		record.handled = true;
	});

	it.each([
		['500', { type: 'status', status: 500 } as Fault, /MusicAPI server error 500/],
		['502 HTML page', { type: 'html', status: 502 } as Fault, /MusicAPI server error 502/],
		['503', { type: 'status', status: 503 } as Fault, /MusicAPI server error 503/],
		['504', { type: 'status', status: 504 } as Fault, /MusicAPI server error 504/],
		['connection reset', { type: 'reset' } as Fault, /Could not reach MusicAPI \((ECONNRESET|socket hang up)/],
	])('%s on every poll of item 3: the others finish; the error names item 3\'s task and the 4 finished ones', async (name, fault, reason) => {
		const record = results.start(`poll: ${name} persistent on one task`);
		onTaskOfItem(rig(), 2, (taskId) => rig().fake.injectFault({ method: 'GET', path: `/sonic/task/${taskId}` }, fault, Infinity));
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expect(result.error?.message).toMatch(new RegExp(`^MusicAPI task ${taskOf(2)}: `));
		expect(result.error?.message).toMatch(reason);
		expect(result.error?.description).toContain(`Finished jobs (fetch them with Get Task): ${[0, 1, 3, 4].map(taskOf).join(', ')}.`);
		expect(rig().fake.requestsTo('GET', `/sonic/task/${taskOf(2)}`)).toHaveLength(4);
		record.handled = true;
	});

	it('502 on every poll of item 3 under Continue On Fail: 8 clips of items 1, 2, 4, 5 and one error item carrying item 3\'s task id', async () => {
		const record = results.start('poll: 502 persistent on one task, Continue On Fail');
		onTaskOfItem(rig(), 2, (taskId) => rig().fake.injectFault({ method: 'GET', path: `/sonic/task/${taskId}` }, { type: 'status', status: 502 }, Infinity));
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS), continueOnFail: true });
		await checkInvariants(record, result);
		expect(result.items.filter((i) => i.json.state === 'succeeded')).toHaveLength(8);
		const failed = result.items.filter((i) => i.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ pairedItem: { item: 2 }, json: { taskId: taskOf(2) } });
		expect(failed[0].json.error).toMatch(/MusicAPI server error 502/);
		record.handled = true;
	});

	it('task lost ("task not found.") for item 3: not retried (a 400), error names that task and the 4 finished ones', async () => {
		const record = results.start('poll: task lost');
		onTaskOfItem(rig(), 2, (taskId) => rig().fake.injectFault({ method: 'GET', path: `/sonic/task/${taskId}` }, { type: 'task-lost' }, Infinity));
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expect(result.error?.message).toBe(`MusicAPI task ${taskOf(2)}: MusicAPI rejected the request: task not found.`);
		expect(result.error?.description).toContain(`Finished jobs (fetch them with Get Task): ${[0, 1, 3, 4].map(taskOf).join(', ')}.`);
		expect(rig().fake.requestsTo('GET', `/sonic/task/${taskOf(2)}`)).toHaveLength(1);
		record.handled = true;
	});

	it('MusicAPI times the job of item 3 out ([fake:timeout], polls answer 504): error quotes the refund note and names all tasks', async () => {
		const record = results.start('poll: job timed out at MusicAPI');
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS, (i) => (i === 2 ? ' [fake:timeout]' : '')) });
		await checkInvariants(record, result);
		record.injected = 1;
		// The terminal 504 is the job's answer, not a hiccup: a failed job with MusicAPI's reason, not retried.
		expect(result.error?.message).toBe(`MusicAPI job ${taskOf(2)} failed: Task failed due to timeout. Credits were previously refunded.`);
		expect(result.error?.description).toContain(`Finished jobs (fetch them with Get Task): ${[0, 1, 3, 4].map(taskOf).join(', ')}.`);
		record.handled = true;
	});

	it('a job outlasts the node\'s wait timeout: one error naming all 5 still-running task ids, no job resubmitted', async () => {
		const record = results.start('poll: jobs outlast the wait timeout');
		rig().fake.options.jobLatencyMs = 60 * 60_000;
		const result = await runThroughRig(rig(), sonicBatch({ resultOptions: { pollInterval: 0.05, timeout: 0.004 } }), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		record.injected = 1;
		expect(result.error?.message).toBe(`5 MusicAPI jobs did not finish: ${[0, 1, 2, 3, 4].map(taskOf).join(', ')}`);
		expect(result.error?.description).toMatch(/still (not_ready|pending|running|submitted)\S* when waiting timed out/);
		expect(result.error?.description).toMatch(/Get Task/);
		expect(createStatuses()).toHaveLength(5);
		record.handled = true;
	});
});

describe('failed and partly failed jobs (5 items)', () => {
	it('the job of item 3 fails: error "job <id> failed: <reason>" that names the 4 finished ones', async () => {
		const record = results.start('job: failed');
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS, (i) => (i === 2 ? ' [fake:fail]' : '')) });
		await checkInvariants(record, result);
		record.injected = 1;
		expect(result.error?.message).toMatch(new RegExp(`^MusicAPI job ${taskOf(2)} failed: .+`));
		// MusicAPI's reason says the refund itself ("Credits have been refunded."), so the node does not repeat it.
		expect(result.error?.description).toMatch(/Credits have been refunded\. Adjust the input/);
		expect(result.error?.description).toContain(`Finished jobs (fetch them with Get Task): ${[0, 1, 3, 4].map(taskOf).join(', ')}.`);
		record.handled = true;
	});

	it('the job of item 3 fails, Continue On Fail: 8 clips and an error item with item 3\'s task id', async () => {
		const record = results.start('job: failed, Continue On Fail');
		const result = await runThroughRig(rig(), sonicBatch(), {
			items: markedItems(ITEMS, (i) => (i === 2 ? ' [fake:fail]' : '')),
			continueOnFail: true,
		});
		await checkInvariants(record, result);
		record.injected = 1;
		expect(result.items.filter((i) => i.json.state === 'succeeded')).toHaveLength(8);
		const failed = result.items.filter((i) => i.json.error && i.json.state !== 'failed');
		expect(failed).toEqual([expect.objectContaining({ pairedItem: { item: 2 }, json: expect.objectContaining({ taskId: taskOf(2) }) })]);
		record.handled = true;
	});

	it('one of the two clips of item 3 fails ([fake:fail-one]): no error; that clip is an item with state "failed" and its reason, no file; a warning says so', async () => {
		const record = results.start('job: partial failure (one clip)');
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS, (i) => (i === 2 ? ' [fake:fail-one]' : '')) });
		await checkInvariants(record, result);
		record.injected = 1;
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10);
		const failedClips = result.items.filter((i) => i.json.state === 'failed');
		expect(failedClips).toHaveLength(1);
		expect(failedClips[0]).toMatchObject({ pairedItem: { item: 2 }, json: { taskId: taskOf(2), error: expect.any(String) } });
		expect(failedClips[0].binary).toBeUndefined();
		expect(result.logs.join('\n')).toMatch(new RegExp(`\\[warn\\] MusicAPI task ${taskOf(2)}: 1 of 2 clips failed`));
		record.handled = true;
	});
});

describe('faults on download (/files/…, 5 items)', () => {
	it.each([
		['500', { type: 'status', status: 500 } as Fault],
		['502', { type: 'status', status: 502 } as Fault],
		['503', { type: 'status', status: 503 } as Fault],
		['504', { type: 'status', status: 504 } as Fault],
		['502 HTML page', { type: 'html', status: 502 } as Fault],
		['connection reset', { type: 'reset' } as Fault],
	])('%s on 3 downloads: retried, every clip comes with its file', async (name, fault) => {
		const record = results.start(`download: ${name} ×3 (transient)`);
		rig().fake.injectFault({ method: 'GET', path: /^\/files\// }, fault, 3);
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expectAllFinished(result);
		expect(rig().fake.requests.filter((r) => r.fault)).toHaveLength(3);
		record.handled = true;
	});

	it('a download slower than the request timeout still completes (files get at least 10 minutes)', async () => {
		const record = results.start('download: slow past the request timeout');
		rig().fake.injectFault({ method: 'GET', path: /^\/files\// }, { type: 'slow', delayMs: 1200 });
		const result = await runThroughRig(rig(), sonicBatch({ requestOptions: { interval: PACE_S, retryDelay: 5, maxRetries: 3, timeout: 1 } }), {
			items: markedItems(ITEMS),
		});
		await checkInvariants(record, result);
		expectAllFinished(result);
		expect(rig().fake.requests.filter((r) => r.path.startsWith('/files/'))).toHaveLength(10);
		record.handled = true;
	});

	it('item 3\'s files never download (502): error names item 3\'s finished-but-undownloadable task and the 4 others', async () => {
		const record = results.start('download: 502 persistent on one task\'s files');
		const broken = faultOnFilesOfItem(rig(), 2, { type: 'status', status: 502 });
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS) });
		await checkInvariants(record, result);
		expect(broken.length).toBeGreaterThan(0);
		expect(result.error?.message).toMatch(new RegExp(`^MusicAPI task ${taskOf(2)}: Could not download .*/files/.*\\.mp3 \\(HTTP 502\\)`));
		expect(result.error?.description).toMatch(/Get Task/);
		expect(result.error?.description).toContain(`Finished jobs (fetch them with Get Task): ${[0, 1, 3, 4].map(taskOf).join(', ')}.`);
		record.handled = true;
	});

	it('item 3\'s files never download, Continue On Fail: 8 clips with files and an error item with item 3\'s task id', async () => {
		const record = results.start('download: 502 persistent on one task\'s files, Continue On Fail');
		faultOnFilesOfItem(rig(), 2, { type: 'status', status: 502 });
		const result = await runThroughRig(rig(), sonicBatch(), { items: markedItems(ITEMS), continueOnFail: true });
		await checkInvariants(record, result);
		const withFiles = result.items.filter((i) => i.binary?.data);
		expect(withFiles).toHaveLength(8);
		const failed = result.items.filter((i) => i.json.error);
		expect(failed).toEqual([expect.objectContaining({ pairedItem: { item: 2 }, json: expect.objectContaining({ taskId: taskOf(2) }) })]);
		expect(failed[0].json.error).toMatch(/Could not download/);
		record.handled = true;
	});
});

describe('other dialects: a transient poll fault and one failed job in a batch of 3', () => {
	const CASES = [
		['Producer', { resource: 'producer', operation: 'create', taskType: 'create_music', sound: '={{ $json.prompt }}' }, /^\/producer\/create$/, /^\/producer\/task\//],
		['Riffusion', { resource: 'riffusion', operation: 'create', taskType: 'create_music', songMode: 'description', prompt: '={{ $json.prompt }}', makeInstrumental: false }, /^\/riffusion\/create$/, /^\/riffusion\/task\//],
		['Studio', { resource: 'studio', operation: 'create', prompt: '={{ $json.prompt }}' }, /^\/studio\/create$/, /^\/studio\/task\//],
		['Nuro', { resource: 'nuro', operation: 'create', type: 'vocal', lyrics: '={{ $json.prompt }}' }, /^\/nuro\/create$/, /^\/nuro\/task\//],
	] as const;

	it.each(CASES)('%s: the 502s are retried; the failed job of item 2 is named, with the 2 finished ones', async (name, params, createPath, pollPath) => {
		const record = results.start(`${name}: transient poll 502 + one failed job`);
		rig().fake.injectFault({ method: 'GET', path: pollPath }, { type: 'status', status: 502 }, 2);
		const result = await runThroughRig(
			rig(),
			{ ...params, completion: 'wait', resultOptions: { pollInterval: 0.02, timeout: 0.5 }, requestOptions: { interval: PACE_S, retryDelay: 5, maxRetries: 3 } },
			{ items: markedItems(3, (i) => (i === 1 ? ' [fake:fail]' : '')) },
		);
		await checkInvariants(record, result, createPath);
		record.injected += 1;
		const tasks = acceptedTasks();
		expect(result.error?.message).toMatch(new RegExp(`^MusicAPI job ${tasks.get(1)} failed: .+`));
		expect(result.error?.description).toContain(`Finished jobs (fetch them with Get Task): ${tasks.get(0)}, ${tasks.get(2)}.`);
		expect(rig().fake.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
		record.handled = true;
	});
});

describe('a synchronous paid call', () => {
	it('Generate Lyrics answered by a reset: "not confirmed, not sent again", one request', async () => {
		const record = results.start('sync: reset on Generate Lyrics');
		rig().fake.injectFault({ method: 'POST', path: '/sonic/lyrics' }, { type: 'reset' });
		const result = await runThroughRig(rig(), {
			resource: 'sonic',
			operation: 'generateLyrics',
			description: `a song about the sea ${itemMarker(0)}`,
			requestOptions: { interval: PACE_S, retryDelay: 5, maxRetries: 3 },
		});
		await checkInvariants(record, result, /^\/sonic\/lyrics$/);
		expect(result.error?.message).toMatch(/^MusicAPI did not confirm POST \/sonic\/lyrics \((ECONNRESET|socket hang up)\); it was not sent again$/);
		expect(rig().fake.requestsTo('POST', '/sonic/lyrics')).toHaveLength(1);
		record.handled = true;
	});
});

// Keep the file's own helpers honest: the download fault helper must find the URLs the fake hands out.
it('audioPaths finds the audio file paths of a sonic answer', () => {
	expect(audioPaths({ data: [{ audio_url: 'http://127.0.0.1:1/files/abc.mp3', image_url: 'http://127.0.0.1:1/files/abc.jpeg' }] })).toEqual(['/files/abc.mp3']);
});
