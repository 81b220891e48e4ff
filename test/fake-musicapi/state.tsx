import { CreditLedger } from './credit-ledger';
import { cloneOptions, restoreOptions } from './defaults';
import { FaultRegistry } from './fault-registry';
import { RateLimiter } from './rate-limiter';
import { Scheduler } from './scheduler';
import { ClipRegistry } from './tasks/clip-registry';
import { TaskStore } from './tasks/task-store';
import type { Delivery, FakeOptions, LoggedRequest } from './types';
import { completionPayload, streamingPayload } from './webhooks/payload';
import { WebhookSender } from './webhooks/sender';

/** Everything one fake server remembers; routes get it through their context. */
export class FakeState {
	readonly initialOptions: FakeOptions;
	origin = '';
	readonly requests: LoggedRequest[] = [];
	readonly deliveries: Delivery[] = [];
	readonly faults = new FaultRegistry();
	readonly ledger: CreditLedger;
	readonly limiter = new RateLimiter();
	readonly clips = new ClipRegistry();
	/** Timers of tasks and webhooks: cancelled by reset() and stop(). */
	readonly taskTimers = new Scheduler();
	/** Sleeps inside requests (slow faults, upload latency): cancelled by stop() only. */
	readonly requestTimers = new Scheduler();
	readonly tasks: TaskStore;
	readonly webhooks: WebhookSender;
	/** Per `key:clip`: calls answered so far by the "building" endpoints (midi, download) and aligned lyrics. */
	readonly callCounts = new Map<string, number>();
	readonly batches = new Map<string, { apiKey: string; taskIds: string[] }>();
	private clockOffset = 0;
	/**
	 * Bumped by reset(). A request that arrived before a reset and is still held (a slow fault, upload latency)
	 * belongs to the previous test: it must not reach the new test's state — a late arrival at the rate limiter
	 * made the next test's request a 429.
	 */
	epoch = 0;
	private nextRequestId = 1;
	private readonly deliveryListeners = new Set<() => void>();

	constructor(readonly options: FakeOptions) {
		this.initialOptions = cloneOptions(options);
		this.ledger = new CreditLedger(options);
		this.webhooks = new WebhookSender({
			scheduler: this.taskTimers,
			record: (delivery) => this.recordDelivery(delivery),
			retries: () => this.options.webhookRetries,
			retryDelayMs: () => this.scaled(this.options.webhookRetryDelayMs),
		});
		this.tasks = new TaskStore({
			now: () => this.now(),
			options: () => this.options,
			scheduler: this.taskTimers,
			onStreaming: (task, at) => {
				const payload = streamingPayload(task, at, this.fileBase, this.options.platform);
				if (payload && task.webhook) this.webhooks.send(task.webhook.url, task.webhook.secret, payload);
			},
			onSettle: (task) => {
				if (task.outcome === 'fail' || task.outcome === 'timeout') this.ledger.refund(task.charge);
				const payload = completionPayload(task, this.fileBase, this.options.platform);
				if (payload && task.webhook) this.webhooks.send(task.webhook.url, task.webhook.secret, payload);
			},
		});
	}

	/** The fake's clock: wall time plus whatever advanceTime() added. */
	now(): number {
		return Date.now() + this.clockOffset;
	}

	advanceTime(ms: number): void {
		this.clockOffset += Math.max(0, ms);
		this.tasks.tick();
	}

	scaled(ms: number): number {
		return Math.max(0, ms * this.options.timeScale);
	}

	/** Origin for every file URL handed out. */
	get fileBase(): string {
		return (this.options.publicBaseUrl || this.origin).replace(/\/+$/, '');
	}

	get defaultApiKey(): string {
		return this.options.apiKeys[0] ?? 'test-key';
	}

	log(entry: Omit<LoggedRequest, 'id' | 'time' | 'status'>): LoggedRequest {
		const logged: LoggedRequest = { id: this.nextRequestId++, time: Date.now(), status: 0, ...entry };
		this.requests.push(logged);
		return logged;
	}

	onDelivery(listener: () => void): () => void {
		this.deliveryListeners.add(listener);
		return () => this.deliveryListeners.delete(listener);
	}

	reset(): void {
		this.epoch++;
		this.taskTimers.cancelAll();
		this.webhooks.abortAll();
		this.requests.length = 0;
		this.deliveries.length = 0;
		this.faults.clear();
		this.tasks.clear();
		this.clips.clear();
		this.limiter.clear();
		this.callCounts.clear();
		this.batches.clear();
		this.clockOffset = 0;
		restoreOptions(this.options, this.initialOptions);
		this.ledger.clear();
	}

	shutdown(): void {
		this.webhooks.stop();
		this.taskTimers.cancelAll();
		this.requestTimers.cancelAll();
	}

	private recordDelivery(delivery: Delivery): void {
		this.deliveries.push(delivery);
		for (const listener of [...this.deliveryListeners]) listener();
	}
}
