import { sleep } from 'n8n-workflow';

/**
 * Spaces requests so that no two reach MusicAPI closer than `intervalMs` apart (MusicAPI's standard plan allows
 * one request per 3 s). Slots are handed out in call order, so concurrent callers queue fairly. A 429's Retry-After
 * pushes every later slot back: one rate-limit answer slows the whole execution, not just the request that got it.
 */
export class RequestSpacer {
	private nextSlot = 0;

	lastUsed = Date.now();

	constructor(public intervalMs: number) {}

	async acquire(signal?: AbortSignal): Promise<void> {
		const now = Date.now();
		this.lastUsed = now;
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		if (slot > now) await sleep(slot - now, signal);
	}

	/**
	 * Called when an answer arrives. The server counts arrivals, not departures, and a request may spend a while
	 * in flight (connection set-up, a slow network): the next one leaves a full interval after this answer, so no
	 * two requests can arrive closer than the interval, however their travel times differ.
	 */
	release(): void {
		this.pushBack(this.intervalMs);
	}

	/** Nothing may leave before `ms` from now. */
	pushBack(ms: number): void {
		this.nextSlot = Math.max(this.nextSlot, Date.now() + ms);
	}
}

const IDLE_MS = 30 * 60 * 1000;
const spacers = new Map<string, RequestSpacer>();

/**
 * One spacer per execution (and API host): every MusicAPI node and item of one run shares the budget. Idle
 * spacers are dropped so a long-running n8n does not accumulate them.
 */
export function spacerFor(key: string, intervalMs: number): RequestSpacer {
	const now = Date.now();
	for (const [k, spacer] of spacers) if (now - spacer.lastUsed > IDLE_MS) spacers.delete(k);
	let spacer = spacers.get(key);
	if (!spacer) {
		spacer = new RequestSpacer(intervalMs);
		spacers.set(key, spacer);
	}
	spacer.intervalMs = intervalMs;
	return spacer;
}
