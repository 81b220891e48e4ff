import type { HarnessResult } from '../../integration/harness';
import { scanForSecrets, serialise } from './secrets';
import type { Rig } from './setup';

/** The input item a request was made for: tests put `item-<index>` into a text field of every item. */
export const itemMarker = (index: number) => `item-${index}`;
const MARKER = /item-(\d+)/;

/** The item index a request body was made for, from its marker. */
export function itemOf(body: unknown): number | undefined {
	const match = MARKER.exec(JSON.stringify(body ?? ''));
	return match ? Number(match[1]) : undefined;
}

export interface InvariantFigures {
	/** Task ids MusicAPI handed out (in an answer, whether or not it reached the node). */
	createdTaskIds: string[];
	/** Of those, ids found neither in an output item nor in the error: paid jobs the user cannot find. */
	lostTaskIds: string[];
	/** Jobs MusicAPI created whose id the node never got, each covered by a "did not confirm" error. */
	unconfirmedCreates: number;
	/** Extra creates for one input item beyond the first that may have started a job (429/503 retries excluded). */
	duplicateCreates: number;
	/** 429s the fake's own rate limiter answered (injected 429s do not count). */
	overLimitRequests: number;
	/**
	 * Limiter 429s right after a request the node had already abandoned (it timed out while a slow fault held it
	 * before the fake's limiter) was admitted late: the ghost took the slot, not the node's pacing.
	 */
	overLimitAfterGhost: number;
	secretLeaks: number;
	/** Faulty answers the fake served. */
	faultsServed: number;
}

/** An answer that says for certain that no job was started: a create answered so may be sent again. */
const CERTAINLY_NOT_CREATED = new Set([400, 401, 402, 403, 404, 410, 429, 503]);

function submittedTaskId(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	const data = record.data as Record<string, unknown> | undefined;
	const id = record.task_id ?? data?.task_id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Everything the user is shown: output items (error items included) and the node error. */
export function surfacedText(result: HarnessResult): string {
	return [serialise(result.items), String(result.error?.message ?? ''), String(result.error?.description ?? '')].join('\n');
}

/**
 * The reliability invariants, computed from what the fake received and answered, not from what the node says:
 * 0 lost task ids, 0 duplicate creates, 0 requests over the rate limit, 0 secret leaks.
 */
export async function measureInvariants(rig: Rig, result: HarnessResult, createPath: RegExp): Promise<InvariantFigures> {
	await rig.tap.settled();
	const shown = surfacedText(result);
	const created = rig.tap.exchanges
		.filter((x) => x.method === 'POST' && x.status >= 200 && x.status < 300)
		.map((x) => submittedTaskId(x.responseBody))
		.filter((id): id is string => id !== undefined);
	// An id the user is not shown is excused only by an "MusicAPI did not confirm …" error, one per such error: the
	// node never got that answer (it timed out or the connection broke), and the error tells the user a job may exist.
	const unsurfaced = created.filter((id) => !shown.includes(id));
	const announced = (shown.match(/did not confirm (POST|GET) /g) ?? []).length;
	const unconfirmed = Math.min(unsurfaced.length, announced);
	const lost = unsurfaced.slice(unconfirmed);

	const attemptsPerItem = new Map<string, number>();
	for (const request of rig.fake.requests) {
		if (request.method !== 'POST' || !createPath.test(request.path)) continue;
		if (CERTAINLY_NOT_CREATED.has(request.status)) continue;
		const item = String(itemOf(request.body) ?? 'unmarked');
		attemptsPerItem.set(item, (attemptsPerItem.get(item) ?? 0) + 1);
	}
	const duplicates = [...attemptsPerItem.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);

	// A request the node gave up on (undelivered answer) is admitted by the fake's limiter when its slow fault ends,
	// i.e. just before its answer; a limiter 429 within the limit window after that was caused by the ghost.
	const window = rig.fake.options.rateLimit?.perMs ?? 0;
	const ghosts = rig.tap.exchanges.filter((x) => !x.delivered && x.answeredAt > 0).map((x) => x.answeredAt);
	const limited = rig.fake.requests.filter((r) => r.status === 429 && r.fault === undefined);
	const afterGhost = limited.filter((r) => ghosts.some((at) => r.time >= at - 5 && r.time - at <= window + 5));

	return {
		createdTaskIds: created,
		lostTaskIds: lost,
		unconfirmedCreates: unconfirmed,
		duplicateCreates: duplicates,
		overLimitRequests: limited.length - afterGhost.length,
		overLimitAfterGhost: afterGhost.length,
		secretLeaks: scanForSecrets(result).leaks.length,
		faultsServed: rig.fake.requests.filter((r) => r.fault !== undefined).length,
	};
}

/** The shared assertion of every case. */
export function expectInvariants(figures: InvariantFigures): void {
	expect({
		lostTaskIds: figures.lostTaskIds,
		duplicateCreates: figures.duplicateCreates,
		overLimitRequests: figures.overLimitRequests,
		secretLeaks: figures.secretLeaks,
	}).toEqual({ lostTaskIds: [], duplicateCreates: 0, overLimitRequests: 0, secretLeaks: 0 });
}
