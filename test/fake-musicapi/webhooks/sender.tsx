import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Scheduler } from '../scheduler';
import type { Delivery, DeliveryInFlight } from '../types';
import type { WebhookPayload } from './payload';
import { signWebhook } from './sign';

/** A receiver that does not answer within this time counts as a network error (status null). */
const RECEIVER_TIMEOUT_MS = 10000;

export interface SenderHooks {
	scheduler: Scheduler;
	record(delivery: Delivery): void;
	retries(): number;
	retryDelayMs(): number;
}

/**
 * Posts signed deliveries and records each attempt with the receiver's status. A redelivery keeps its
 * X-Webhook-Id (that is what receivers dedupe on) but is signed afresh with a new timestamp.
 */
export class WebhookSender {
	private readonly inflight = new Map<http.ClientRequest, DeliveryInFlight>();
	private stopped = false;
	/** Bumped by abortAll(), so answers to aborted deliveries are not recorded after a reset. */
	private generation = 0;

	constructor(private readonly hooks: SenderHooks) {}

	send(url: string, secret: string, payload: WebhookPayload): void {
		this.attempt(url, secret, payload, randomUUID(), 0);
	}

	/** Used by reset()/stop(): pending deliveries are dropped, not recorded. */
	abortAll(): void {
		this.generation += 1;
		for (const request of this.inflight.keys()) request.destroy();
		this.inflight.clear();
	}

	/** Sent and not answered yet: lets a waiting test tell "never sent" from "the receiver is slow". */
	inFlight(): DeliveryInFlight[] {
		return [...this.inflight.values()];
	}

	stop(): void {
		this.stopped = true;
		this.abortAll();
	}

	private attempt(url: string, secret: string, payload: WebhookPayload, webhookId: string, attempt: number): void {
		if (this.stopped) return;
		const generation = this.generation;
		const body = JSON.stringify(payload);
		// Wall-clock seconds even when a test moved the fake's clock: receivers compare with their own clock.
		const timestamp = Math.floor(Date.now() / 1000);
		const headers: Record<string, string> = {
			'Content-Type': 'application/json',
			'User-Agent': 'MusicAPI-Webhook/1.0 (fake)',
			'X-Webhook-Id': webhookId,
			'X-Webhook-Event': payload.event,
			'X-Webhook-Timestamp': String(timestamp),
			'X-Webhook-Signature': signWebhook(secret, timestamp, body),
		};
		const sentAt = Date.now();
		const finish = (status: number | null): void => {
			if (this.stopped || generation !== this.generation) return;
			this.hooks.record({ url, headers, body, status, event: payload.event, taskId: payload.task_id, sentAt, time: Date.now() });
			const delivered = status !== null && status >= 200 && status < 300;
			if (!delivered && attempt < this.hooks.retries()) {
				this.hooks.scheduler.after(this.hooks.retryDelayMs(), () => this.attempt(url, secret, payload, webhookId, attempt + 1));
			}
		};
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			finish(null);
			return;
		}
		const transport = target.protocol === 'https:' ? https : http;
		let settled = false;
		const settle = (status: number | null): void => {
			if (settled) return;
			settled = true;
			this.inflight.delete(request);
			finish(status);
		};
		// agent:false — no keep-alive socket may outlive the fake.
		const request = transport.request(
			target,
			{ method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, agent: false, timeout: RECEIVER_TIMEOUT_MS },
			(response) => {
				response.resume();
				response.on('end', () => settle(response.statusCode ?? null));
				response.on('error', () => settle(response.statusCode ?? null));
			},
		);
		this.inflight.set(request, { url, headers, body, event: payload.event, taskId: payload.task_id, sentAt });
		request.on('timeout', () => request.destroy(new Error('receiver timeout')));
		request.on('error', () => settle(null));
		request.on('close', () => this.inflight.delete(request));
		request.end(body);
	}
}
