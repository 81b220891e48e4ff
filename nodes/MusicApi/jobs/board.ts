/**
 * What every execution of this n8n process knows about the jobs it waits for, per API budget (key and host) and
 * kind of job. Twenty executions that each start one song would otherwise each send a scout to ask "ready yet?"
 * every few seconds, and on one key those polls alone exceed the rate limit, pushing back the submits and the
 * polls that matter. Shared, one scout (the oldest job) asks until a job finishes, and the duration it reveals
 * tells every other execution when its own job will be ready.
 */

interface Learned {
	durationMs: number;
	at: number;
}

interface Board {
	/** Pending jobs of all executions: when each was submitted. */
	pending: Map<object, number>;
	learned: Learned[];
	/** When the first duration of the current estimate was learned (0: none). */
	estimatedAt: number;
	lastUsed: number;
}

/** Durations older than this no longer predict (MusicAPI's load changes through the day). */
const ESTIMATE_TTL_MS = 30 * 60_000;
const KEEP_LEARNED = 20;
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
			board = { pending: new Map(), learned: [], estimatedAt: 0, lastUsed: now };
			boards.set(key, board);
		}
		this.board = board;
	}

	add(job: object, submittedAt: number): void {
		this.board.pending.set(job, submittedAt);
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

	/** The oldest pending job of the whole process asks for everyone until a duration is known. */
	isScout(job: object): boolean {
		let oldest: [object, number] | undefined;
		for (const entry of this.board.pending) if (!oldest || entry[1] < oldest[1]) oldest = entry;
		return oldest?.[0] === job;
	}

	/** The shortest recent job duration (a job is not worth asking about before it), if any. */
	estimate(): number | undefined {
		const since = Date.now() - ESTIMATE_TTL_MS;
		const recent = this.board.learned.filter((l) => l.at > since);
		if (recent.length === 0) {
			this.board.estimatedAt = 0;
			return undefined;
		}
		return Math.min(...recent.map((l) => l.durationMs));
	}

	get estimatedAt(): number {
		return this.board.estimatedAt;
	}

	learn(durationMs: number): void {
		const now = Date.now();
		if (this.estimate() === undefined) this.board.estimatedAt = now;
		this.board.learned = [...this.board.learned, { durationMs, at: now }].slice(-KEEP_LEARNED);
		this.board.lastUsed = now;
	}
}
