import { waitForTasks } from '../../../../nodes/MusicApi/jobs/poll';
import { fakeClient, quiet, tasks } from './pollClient';

describe('waitForTasks', () => {
	it('learns the job duration from the first finished job and polls the rest about once', async () => {
		const now = Date.now();
		const ids = ['t0', 't1', 't2', 't3', 't4', 't5'];
		const { client, polls } = fakeClient(Object.fromEntries(ids.map((id) => [id, now + 150])));
		const outcomes = await waitForTasks(client, tasks(ids, now), { pollIntervalMs: 40, timeoutMs: 5000, ...quiet });
		expect(outcomes).toHaveLength(6);
		expect(outcomes.every((o) => 'task' in o && o.task.state === 'succeeded')).toBe(true);
		const total = Object.values(polls).reduce((a, b) => a + b, 0);
		expect(total / ids.length).toBeLessThanOrEqual(2);
	});

	it('polls as a probe only until a job time is known', async () => {
		const now = Date.now();
		const ids = ['p0', 'p1', 'p2'];
		const { client, probes } = fakeClient(Object.fromEntries(ids.map((id) => [id, now + 120])), {});
		await waitForTasks(client, tasks(ids, now), { pollIntervalMs: 40, timeoutMs: 5000, ...quiet });
		// The scout asked as a probe every time: nothing was known until its own last answer.
		expect(probes.p0.filter(Boolean).length).toBeGreaterThanOrEqual(2);
		expect(probes.p0.every(Boolean)).toBe(true);
		// The others were asked once the scout had finished: plain reads.
		expect([...probes.p1, ...probes.p2].some(Boolean)).toBe(false);
	});

	it('reports tasks still running at the deadline with their last state', async () => {
		const now = Date.now();
		const { client } = fakeClient({ done: now, slow: now + 60_000 });
		const outcomes = await waitForTasks(client, tasks(['done', 'slow'], now), { pollIntervalMs: 10, timeoutMs: 150, ...quiet });
		expect(outcomes.find((o) => o.taskId === 'done')).toMatchObject({ task: { state: 'succeeded' } });
		expect(outcomes.find((o) => o.taskId === 'slow')).toMatchObject({ timedOut: true, lastState: 'pending' });
	});

	it('keeps going when one task poll fails, reporting that task', async () => {
		const now = Date.now();
		const { client } = fakeClient({ ok: now, lost: now }, { failPoll: 'lost' });
		const outcomes = await waitForTasks(client, tasks(['ok', 'lost'], now), { pollIntervalMs: 5, timeoutMs: 2000, ...quiet });
		expect(outcomes.find((o) => o.taskId === 'ok')).toMatchObject({ task: { state: 'succeeded' } });
		expect(outcomes.find((o) => o.taskId === 'lost')).toHaveProperty('error');
	});

	it('stops waiting when the execution is cancelled', async () => {
		const now = Date.now();
		const { client } = fakeClient({ slow: now + 60_000 });
		const controller = new AbortController();
		(client as unknown as { cancelSignal: AbortSignal }).cancelSignal = controller.signal;
		const waiting = waitForTasks(client, tasks(['slow'], now), { pollIntervalMs: 30, timeoutMs: 60_000, ...quiet });
		setTimeout(() => controller.abort(), 80);
		await expect(waiting).rejects.toThrow(/cancel/i);
	});

	it('logs progress with task ids and states', async () => {
		const now = Date.now();
		const lines: string[] = [];
		const { client } = fakeClient({ t: now + 500 });
		await waitForTasks(client, tasks(['t'], now), { pollIntervalMs: 10, timeoutMs: 2000, log: (l) => lines.push(l) });
		expect(lines.some((l) => /task t \(item 0\): pending/.test(l))).toBe(true);
		expect(lines.some((l) => /task t \(item 0\): succeeded/.test(l))).toBe(true);
	});

	it('executions on one API key share the scout and the job time: one scout for all, the others polled about once', async () => {
		const now = Date.now();
		const ids = Array.from({ length: 8 }, (_, i) => `e${i}`);
		const finishAt = Object.fromEntries(ids.map((id, i) => [id, now + i * 10 + 200]));
		const executions = ids.map((id, i) => ({ id, ...fakeClient(finishAt, { budget: 'shared-key' }), submittedAt: now + i * 10 }));
		const outcomes = await Promise.all(
			executions.map(async ({ id, client, submittedAt }) => await waitForTasks(client, tasks([id], submittedAt), { pollIntervalMs: 40, timeoutMs: 5000, ...quiet })),
		);
		expect(outcomes.flat().every((o) => 'task' in o && o.task.state === 'succeeded')).toBe(true);
		// Only the scout (the oldest job) asks until it has finished; every other execution waits for the job time.
		const scoutDone = finishAt.e0;
		for (const { id, firstPollAt } of executions.slice(1)) expect(firstPollAt[id]).toBeGreaterThanOrEqual(scoutDone);
		const others = executions.slice(1).map(({ id, polls }) => polls[id]);
		// Alone, each would have scouted every 20 ms for 200 ms (about 10 polls).
		expect(others.reduce((a, b) => a + b, 0) / others.length).toBeLessThanOrEqual(5);
	});
});
