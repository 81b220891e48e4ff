import { createHash } from 'crypto';

import { sleepLong } from './timers';

/** A create (billable, starts a job) or a read (polls, GETs). */
export type RequestKind = 'submit' | 'read';

/**
 * Where a request waits: by kind, except a probe, a read that lets the others go first for a while (a poll that
 * only asks whether a job is done before anything says it could be: the scout's poll).
 */
type Queue = RequestKind | 'probe';

interface Waiter {
	kind: RequestKind;
	queue: Queue;
	intervalMs: number;
	/** A probe lets the others go first until then; afterwards it goes next. */
	yieldsUntil: number;
	resolve: (ticket: Ticket) => void;
	reject: (error: unknown) => void;
}

/** A request that left and has not been answered yet. */
export interface Ticket {
	kind: RequestKind;
	departedAt: number;
	intervalMs: number;
}

/** How many answer times per kind the spacer remembers. */
const KEEP_ANSWER_TIMES = 20;

/**
 * What a learned answer time cannot tell apart: n8n's own time between a slot and the request reaching the wire
 * (loading the credential, a busy event loop) is in every answer time, and it changes from one request to the
 * next by tens of milliseconds however long the interval is (9 to 84 ms between creates of one n8n process with
 * 20 executions starting at once on 2 cores). Taken for processing it moves the assumed arrival too early and
 * the next request arrives inside the interval, so the margin covers it: a twentieth of the interval, never less
 * than 150 ms.
 */
export function transitMarginMs(intervalMs: number): number {
	return Math.max(intervalMs / 20, 150);
}

/**
 * Spaces the requests that share one MusicAPI rate budget (the standard plan allows one request per 3 s per key)
 * so that no two reach MusicAPI closer than the interval apart, whichever execution sends them.
 *
 * Waiting requests queue by kind, and when both kinds wait the slots alternate between them: a burst of new
 * executions (submits) cannot starve the polls of older ones, nor a crowd of polls the submits. Within a kind,
 * first come first served. A probe waits behind both for a while: each slot it takes delays every create queued
 * behind it, and therefore that song, while its answer is almost always "not ready"; it never waits longer than
 * its caller allows (a poll interval), so a stream of submits cannot starve it. A 429's Retry-After pushes every
 * later slot back, for every execution on the key.
 *
 * The server counts arrivals, and the time between a slot and the request reaching MusicAPI varies (n8n loads
 * the credential, a busy process delays the write, connections are set up): two requests a bare interval apart
 * can arrive closer. An answer proves the arrival, but MusicAPI also works on a request after counting it (a
 * create can take seconds): charging that to the next request would slow every song. So the spacer learns each
 * kind's answer time — the fastest recent served answer, processing plus n8n's own time before the request leaves,
 * which varies, hence a margin (transitMarginMs) — and takes an answer that came later than that as a request
 * that arrived late by the difference (transit, which it must cover): the next request leaves an interval after
 * that arrival, and never sooner than an interval after the departure.
 * Until an answer of a kind is known it waits a whole interval after the answer; with one known, the margin is
 * doubled (margin()). The budget's first request teaches nothing: it also set up the connection and read the
 * credential, so it can reach MusicAPI later after its slot than any request after it (a fresh queue worker's
 * second create met a 429 when the first one's answer was learned from). A request unanswered
 * past its kind's answer time holds the key until it is answered; only one unanswered for long (a slow upload)
 * stops blocking the key.
 */
export class RequestSpacer {
	/** Nothing leaves before this (previous requests' intervals, Retry-After). */
	private readyAt = 0;
	/** The last departure or answer; a request leaves no sooner than its own interval after it. */
	private lastAt = 0;
	private readonly queues: Record<Queue, Waiter[]> = { submit: [], read: [], probe: [] };
	private lastServed: RequestKind = 'read';
	private pump?: AbortController;
	/** The pump's current sleep; cut short when an answer may let the next request leave sooner. */
	private nap?: AbortController;
	private readonly inFlight = new Set<Ticket>();
	/** Recent served answer times (departure to answer), per kind. */
	private readonly answerTimes: Record<RequestKind, number[]> = { submit: [], read: [] };
	/** Set once the budget's first request was answered: the ones after it leave on a warmed-up path. */
	private warm = false;

	lastUsed = Date.now();

	/**
	 * Resolves when this request may leave; `intervalMs` is the gap the caller's settings ask for. A read with
	 * `yieldForMs` is a probe: it lets the others go first for that long. Hand the ticket back to release() when the
	 * answer (or failure) arrives.
	 */
	async acquire(kind: RequestKind, intervalMs: number, signal?: AbortSignal, yieldForMs = 0): Promise<Ticket> {
		this.lastUsed = Date.now();
		signal?.throwIfAborted();
		if (this.waiting === 0 && Date.now() >= this.earliest(intervalMs)) {
			return this.depart(kind, intervalMs);
		}
		return await new Promise<Ticket>((resolve, reject) => {
			const queue: Queue = kind === 'read' && yieldForMs > 0 ? 'probe' : kind;
			const waiter: Waiter = { kind, queue, intervalMs, yieldsUntil: Date.now() + yieldForMs, resolve, reject };
			const onAbort = () => {
				this.remove(waiter);
				reject(signal?.reason ?? new Error('aborted'));
			};
			waiter.resolve = (ticket) => {
				signal?.removeEventListener('abort', onAbort);
				resolve(ticket);
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.queues[waiter.queue].push(waiter);
			if (!this.pump) void this.run();
		});
	}

	/**
	 * Called when the answer (or a failure) arrives; `served` when MusicAPI answered it with success (its answer
	 * time is processing, not a refusal or an error). The next request leaves an interval after the latest time
	 * this one can have arrived.
	 */
	release(ticket: Ticket, served = false): void {
		const now = Date.now();
		this.inFlight.delete(ticket);
		this.lastUsed = now;
		if (served && this.warm) {
			const times = this.answerTimes[ticket.kind];
			times.push(now - ticket.departedAt);
			if (times.length > KEEP_ANSWER_TIMES) times.shift();
		}
		const processing = Math.max(0, (this.answerTime(ticket.kind) ?? 0) - this.margin(ticket.kind, ticket.intervalMs));
		const arrivedBy = Math.max(ticket.departedAt, now - processing);
		this.warm = true;
		this.lastAt = Math.max(this.lastAt, arrivedBy);
		this.readyAt = Math.max(this.readyAt, arrivedBy + ticket.intervalMs);
		this.nap?.abort();
	}

	/** The kind's answer time as learned: the fastest recent served answer (none before the first). */
	answerTime(kind: RequestKind): number | undefined {
		const times = this.answerTimes[kind];
		return times.length ? Math.min(...times) : undefined;
	}

	/**
	 * What of the kind's answer time is not taken as processing (n8n's own time before the request leaves): doubled
	 * while one answer is known, a single sample of a time that varies from one request to the next.
	 */
	margin(kind: RequestKind, intervalMs: number): number {
		return transitMarginMs(intervalMs) * (this.answerTimes[kind].length < 2 ? 2 : 1);
	}

	/** Nothing may leave before `ms` from now. */
	pushBack(ms: number): void {
		this.readyAt = Math.max(this.readyAt, Date.now() + ms);
	}

	get waiting(): number {
		return this.queues.submit.length + this.queues.read.length + this.queues.probe.length;
	}

	private earliest(intervalMs: number): number {
		let earliest = Math.max(this.readyAt, this.lastAt + intervalMs);
		if (intervalMs > 0) {
			const now = Date.now();
			for (const ticket of this.inFlight) {
				if (now < ticket.departedAt + (this.answerTime(ticket.kind) ?? 0)) {
					// Within its kind's answer time: it reached MusicAPI within the margin of leaving.
					earliest = Math.max(earliest, ticket.departedAt + this.margin(ticket.kind, ticket.intervalMs) + intervalMs);
				} else {
					// Overdue: it may have arrived late, so the key waits for its answer (or the answer wait).
					earliest = Math.max(earliest, ticket.departedAt + answerWaitMs(intervalMs));
				}
			}
		}
		return earliest;
	}

	private depart(kind: RequestKind, intervalMs: number): Ticket {
		const now = Date.now();
		this.lastServed = kind;
		this.lastAt = now;
		this.readyAt = Math.max(this.readyAt, now + intervalMs);
		const ticket: Ticket = { kind, departedAt: now, intervalMs };
		this.inFlight.add(ticket);
		return ticket;
	}

	/**
	 * The waiter whose turn it is: a probe that has waited long enough, else the other kind than last time when
	 * submits and reads both wait, else any probe.
	 */
	private next(): Waiter | undefined {
		const probe = this.queues.probe[0];
		if (probe && Date.now() >= probe.yieldsUntil) return probe;
		const other: RequestKind = this.lastServed === 'submit' ? 'read' : 'submit';
		return this.queues[other][0] ?? this.queues[this.lastServed][0] ?? probe;
	}

	private remove(waiter: Waiter): void {
		const queue = this.queues[waiter.queue];
		const at = queue.indexOf(waiter);
		if (at >= 0) queue.splice(at, 1);
		// Nobody left to serve: stop sleeping, so no timer outlives the last cancelled execution.
		if (this.waiting === 0) this.pump?.abort();
	}

	/** Hands out slots one at a time until nobody waits. */
	private async run(): Promise<void> {
		const pump = new AbortController();
		this.pump = pump;
		try {
			for (let waiter = this.next(); waiter; waiter = this.next()) {
				const wait = this.earliest(waiter.intervalMs) - Date.now();
				// An answer or a Retry-After may move the slot while we sleep: look again after waking.
				if (wait > 0) {
					await this.doze(wait, pump.signal);
					continue;
				}
				this.remove(waiter);
				waiter.resolve(this.depart(waiter.kind, waiter.intervalMs));
			}
		} catch {
			// Aborted: every waiter left.
		} finally {
			if (this.pump === pump) this.pump = undefined;
		}
	}

	/** Sleeps `ms`, or less when an answer arrives; throws only when the pump is stopped. */
	private async doze(ms: number, stop: AbortSignal): Promise<void> {
		const nap = new AbortController();
		this.nap = nap;
		const onStop = () => nap.abort();
		stop.addEventListener('abort', onStop, { once: true });
		try {
			await sleepLong(ms, nap.signal).catch(() => undefined);
		} finally {
			stop.removeEventListener('abort', onStop);
			if (this.nap === nap) this.nap = undefined;
		}
		stop.throwIfAborted();
	}
}

/**
 * How long an unanswered request holds the key: long enough to cover any delay before it reaches MusicAPI (a busy
 * n8n can stall a second or more before the request leaves), short enough that a 20-second upload does not stall
 * every other execution for all of it.
 */
function answerWaitMs(intervalMs: number): number {
	return Math.max(4 * intervalMs, 5000);
}

/** Budgets unused this long are dropped, so a long-running n8n does not accumulate them. */
const IDLE_MS = 10 * 60 * 1000;
const spacers = new Map<string, RequestSpacer>();

/**
 * The budget of one API key on one MusicAPI host, shared by every execution of this n8n process (module state
 * lives as long as the process). Keyed by a hash: the key itself is never kept outside the credential.
 */
export function spacerFor(apiKey: string, baseUrl: string): RequestSpacer {
	const now = Date.now();
	for (const [k, spacer] of spacers) {
		if (now - spacer.lastUsed > IDLE_MS && spacer.waiting === 0) spacers.delete(k);
	}
	const key = budgetKey(apiKey, baseUrl);
	let spacer = spacers.get(key);
	if (!spacer) {
		spacer = new RequestSpacer();
		spacers.set(key, spacer);
	}
	return spacer;
}

export function budgetKey(apiKey: string, baseUrl: string): string {
	return `${createHash('sha256').update(apiKey).digest('hex').slice(0, 32)}|${baseUrl}`;
}

/** How many budgets are kept (for tests of the idle clean-up). */
export function budgetCount(): number {
	return spacers.size;
}
