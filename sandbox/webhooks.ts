import { randomUUID } from 'crypto';
import { request } from 'undici';
import type { WebhookConfig } from './store/types';

/** One delivery attempt, as `GET /__sandbox/webhook-deliveries` lists it. */
export interface DeliveryAttempt {
	id: string;
	/** the same for every attempt of one event */
	eventId: string;
	flow: 'entity' | 'session';
	url: string;
	body: Record<string, unknown>;
	/** headers sent; the secret itself is replaced by `"[present]"` */
	headers: Record<string, string>;
	status: number | null;
	error: string | null;
	attempt: number;
	time: string;
}

export interface RetryPolicy {
	attempts: number;
	backoffMs: number;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/** POSTs webhook events with undici, retrying failures with exponential backoff. */
export class WebhookDeliverer {
	readonly attempts: DeliveryAttempt[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();
	private closed = false;

	constructor(
		private readonly policy: RetryPolicy,
		private readonly defaultSecret: string | null,
	) {}

	/** Starts delivering one event; returns at once. */
	send(flow: 'entity' | 'session', config: WebhookConfig, body: Record<string, unknown>): void {
		void this.attempt(randomUUID(), flow, config, body, 1);
	}

	clear(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.attempts.length = 0;
	}

	close(): void {
		this.closed = true;
		this.clear();
	}

	private async attempt(
		eventId: string,
		flow: 'entity' | 'session',
		config: WebhookConfig,
		body: Record<string, unknown>,
		attempt: number,
	): Promise<void> {
		if (this.closed) return;
		const secret = config.secret ?? this.defaultSecret;
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (secret !== null) headers['x-secret-key'] = secret;
		const record: DeliveryAttempt = {
			id: randomUUID(),
			eventId,
			flow,
			url: config.url,
			body,
			headers: secret === null ? { ...headers } : { ...headers, 'x-secret-key': '[present]' },
			status: null,
			error: null,
			attempt,
			time: new Date().toISOString(),
		};
		this.attempts.push(record);
		try {
			const response = await request(config.url, {
				method: 'POST',
				headers,
				body: JSON.stringify(body),
				headersTimeout: DELIVERY_TIMEOUT_MS,
				bodyTimeout: DELIVERY_TIMEOUT_MS,
			});
			await response.body.dump();
			record.status = response.statusCode;
			if (response.statusCode >= 200 && response.statusCode < 300) return;
		} catch (error) {
			record.error = error instanceof Error ? error.message : String(error);
		}
		if (attempt >= this.policy.attempts || this.closed) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.attempt(eventId, flow, config, body, attempt + 1);
		}, this.policy.backoffMs * 2 ** (attempt - 1));
		timer.unref();
		this.timers.add(timer);
	}
}
