/**
 * What every execution of this n8n process knows about the jobs it waits for, per API budget (key and host) and
 * kind of job. Twenty executions that each start one song would otherwise each send a scout to ask "ready yet?"
 * every few seconds, and on one key those polls alone exceed the rate limit, pushing back the submits and the
 * polls that matter. Shared, one scout (the oldest job) asks until a job finishes, and the duration it reveals
 * tells every other execution when its own job will be ready.
 *
 * The job time follows MusicAPI both ways. Only a job seen unfinished and then finished measures it (between the
 * two polls); a job finished at its first poll says only "done by then", an upper bound — learning that as the
 * duration made one run with a long Poll Interval slow every later run on the key. So the first job of each new
 * wave (submitted after the measurement) checks it with early polls, and an upper bound below the estimate drops
 * it; a job still unfinished at its second poll after the estimate drops it too. Without an estimate the scouts
 * measure again, as in a fresh process.
 */

interface PendingJob {
	submittedAt: number;
	/** The job's own Poll Interval: it never waits for a scout that polls less often. */
	pollIntervalMs: number;
}

/** A measured job time: unfinished after `lowMs`, finished by `highMs` (from its submit), learned `at`. */
interface Measured {
	lowMs: number;
	highMs: number;
	at: number;
}

interface Board {
	/** Pending jobs of all executions. */
	pending: Map<object, PendingJob>;
	measured?: Measured;
	lastUsed: number;
}

/** A measurement older than this no longer predicts (MusicAPI's load changes through the day). */
const ESTIMATE_TTL_MS = 30 * 60_000;
/** Boards with nothing pending and unused this long are dropped. */
const IDLE_MS = 10 * 60_000;

const boards = new Map<string, Board>();

/** One execution's view of a board: add its jobs, and always leave() (finally), so no job blocks the scouting. */
export class JobBoard {
	private readonly board: Board;

	private readonly mine = new Set<object>();

	constructor(budget: string, family: string) {
		const now = Date.now();
		for (const [key, board] of boards) {
			if (board.pending.size === 0 && now - board.lastUsed > IDLE_MS) boards.delete(key);
		}
		const key = `${budget}|${family}`;
		let board = boards.get(key);
		if (!board) {
			board = { pending: new Map(), lastUsed: now };
			boards.set(key, board);
		}
		this.board = board;
	}

	add(job: object, submittedAt: number, pollIntervalMs: number): void {
		this.board.pending.set(job, { submittedAt, pollIntervalMs });
		this.board.lastUsed = Date.now();
		this.mine.add(job);
	}

	remove(job: object): void {
		this.board.pending.delete(job);
		this.mine.delete(job);
	}

	leave(): void {
		for (const job of this.mine) this.board.pending.delete(job);
		this.mine.clear();
		this.board.lastUsed = Date.now();
	}

	/**
	 * Asks for everyone until a job time is known: no older pending job polls at least as often. A job never waits
	 * for a scout with a longer Poll Interval (another workflow polling hourly).
	 */
	isScout(job: object): boolean {
		return this.isOldestOf(job, () => true);
	}

	/**
	 * Checks the estimate with early polls: the oldest job (polling at least as often as the older ones) submitted
	 * after the estimate was measured, while no newer measurement exists.
	 */
	checksEstimate(job: object): boolean {
		const measured = this.current();
		return measured !== undefined && this.isOldestOf(job, (other) => other.submittedAt > measured.at);
	}

	/**
	 * When a job of this kind is expected to be done (from its submit), for a job polled every `pollIntervalMs`:
	 * the middle of the measured range, but no more than half its own Poll Interval past the time a job was still
	 * seen unfinished (a range measured by a slowly polling workflow is wide).
	 */
	estimate(pollIntervalMs: number): number | undefined {
		const measured = this.current();
		if (!measured) return undefined;
		return Math.min((measured.lowMs + measured.highMs) / 2, measured.lowMs + pollIntervalMs / 2);
	}

	/** When the current estimate was measured (0: none). */
	get estimatedAt(): number {
		return this.current()?.at ?? 0;
	}

	/** A job was unfinished `lowMs` after its submit and finished by `highMs`. */
	learn(lowMs: number, highMs: number): void {
		const now = Date.now();
		this.board.measured = { lowMs, highMs, at: now };
		this.board.lastUsed = now;
	}

	/**
	 * A job finished at its first poll, `highMs` after its submit: done by then, maybe long before. Below the
	 * estimate, the estimate is too high (MusicAPI got faster): dropped.
	 */
	learnDoneBy(highMs: number, pollIntervalMs: number): void {
		const expected = this.estimate(pollIntervalMs);
		if (expected !== undefined && highMs < expected) this.forget();
	}

	/** The job time rose: a job was unfinished at its second poll after the estimate. The scouts measure again. */
	forget(): void {
		this.board.measured = undefined;
	}

	private current(): Measured | undefined {
		const measured = this.board.measured;
		if (measured && Date.now() - measured.at > ESTIMATE_TTL_MS) this.board.measured = undefined;
		return this.board.measured;
	}

	/** `job` is the oldest pending job among those `among` selects that poll at least as often as it does. */
	private isOldestOf(job: object, among: (other: PendingJob) => boolean): boolean {
		const mine = this.board.pending.get(job);
		if (!mine || !among(mine)) return false;
		for (const [other, entry] of this.board.pending) {
			if (other === job || !among(entry)) continue;
			if (entry.submittedAt < mine.submittedAt && entry.pollIntervalMs <= mine.pollIntervalMs) return false;
		}
		return true;
	}
}
