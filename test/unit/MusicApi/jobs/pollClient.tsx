import type { MusicApiClient } from '../../../../nodes/shared/transport/MusicApiClient';
import type { PendingTask } from '../../../../nodes/MusicApi/jobs/poll';

/** A stand-in client whose sonic tasks finish `latencyMs` after submission. */
let budgets = 0;

/** Clients on one budget stand for executions on one API key; each test has its own unless it passes one. */
export function fakeClient(finishAt: Record<string, number>, opts: { failPoll?: string; budget?: string } = {}) {
	const polls: Record<string, number> = {};
	const firstPollAt: Record<string, number> = {};
	/** Per task, in order: whether each poll let others go first (a scout's probe). */
	const probes: Record<string, boolean[]> = {};
	const client = {
		budget: opts.budget ?? `budget-${++budgets}`,
		cancelSignal: undefined as AbortSignal | undefined,
		node: { name: 'MusicAPI' },
		async request(req: { path: string; yieldForMs?: number }) {
			const taskId = req.path.split('/').pop() as string;
			polls[taskId] = (polls[taskId] ?? 0) + 1;
			(probes[taskId] ??= []).push((req.yieldForMs ?? 0) > 0);
			firstPollAt[taskId] ??= Date.now();
			if (opts.failPoll === taskId) throw Object.assign(new Error('task not found.'), { description: 'lost' });
			if (Date.now() < finishAt[taskId]) return { statusCode: 202, body: { type: 'not_ready' }, headers: {} };
			return {
				statusCode: 200,
				body: { code: 200, data: [{ clip_id: `${taskId}-a`, state: 'succeeded', audio_url: 'u', duration: '1.5' }] },
				headers: {},
			};
		},
	};
	return { client: client as unknown as MusicApiClient, polls, firstPollAt, probes };
}

export function tasks(ids: string[], submittedAt: number): PendingTask[] {
	return ids.map((taskId, itemIndex) => ({ itemIndex, taskId, dialect: 'sonic', pollPath: `/sonic/task/${taskId}`, submittedAt }));
}

export const quiet = { log: () => undefined };
