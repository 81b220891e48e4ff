/** Raised into handlers that were sleeping when the fake stopped, so they unwind instead of hanging. */
export class SchedulerCancelled extends Error {
	constructor() {
		super('fake MusicAPI stopped');
		this.name = 'SchedulerCancelled';
	}
}

/**
 * Every timer the fake starts goes through one of these, so reset()/stop() can cancel them all and jest
 * never waits on a forgotten setTimeout.
 */
export class Scheduler {
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly sleepers = new Map<NodeJS.Timeout, (error: Error) => void>();

	after(ms: number, action: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			action();
		}, Math.max(0, ms));
		// The server socket keeps a CLI process alive; timers alone must not keep a test worker alive.
		timer.unref();
		this.timers.add(timer);
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.sleepers.delete(timer);
				resolve();
			}, Math.max(0, ms));
			this.sleepers.set(timer, reject);
		});
	}

	cancelAll(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const [timer, reject] of this.sleepers) {
			clearTimeout(timer);
			reject(new SchedulerCancelled());
		}
		this.sleepers.clear();
	}
}
