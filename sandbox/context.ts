import { rmSync } from 'fs';
import { SandboxClock } from './clock';
import { FaultBook } from './faults';
import { LinkIssuer } from './links';
import { NetBankingOutages } from './netBankingOutages';
import type { SandboxOptions } from './options';
import { Processing, processingDelays } from './processing';
import { RequestLog } from './requestLog';
import { notifyEntityStatement, notifySessionProgress } from './notifications';
import { FileStore } from './store/files';
import { SandboxState } from './store/state';
import { Limiter } from './uploads/limiter';
import type { MultipartReading } from './uploads/receive';
import { WebhookDeliverer } from './webhooks';

/** Everything a route needs: options, state and the sandbox's moving parts. */
export interface SandboxContext {
	options: SandboxOptions;
	clock: SandboxClock;
	state: SandboxState;
	files: FileStore;
	faults: FaultBook;
	links: LinkIssuer;
	/** what `GET /v1/net_banking_health/` reports as down */
	outages: NetBankingOutages;
	webhooks: WebhookDeliverer;
	processing: Processing;
	parseLimiter: Limiter;
	/** how multipart bodies are read: a few at a time (the rest wait in their sockets), stalled ones given up */
	multipart: MultipartReading;
	requests: RequestLog;
}

export function createContext(options: SandboxOptions): SandboxContext {
	const clock = new SandboxClock();
	const state = new SandboxState(clock);
	const webhooks = new WebhookDeliverer(
		{ attempts: options.webhookAttempts, backoffMs: options.webhookBackoffMs },
		options.webhookSecret,
	);
	const context: SandboxContext = {
		options,
		clock,
		state,
		files: new FileStore(),
		faults: new FaultBook(),
		links: new LinkIssuer(clock),
		outages: new NetBankingOutages(),
		webhooks,
		parseLimiter: new Limiter(options.parseConcurrency),
		multipart: { receivers: new Limiter(options.receiveConcurrency), idleMs: options.bodyTimeoutMs },
		requests: new RequestLog(),
		processing: new Processing(
			clock,
			() => processingDelays(options),
			(statement) => {
				if (statement.entityId !== null) notifyEntityStatement(context, statement);
				if (statement.sessionId !== null) notifySessionProgress(context, statement.sessionId);
			},
		),
	};
	return context;
}

/** Forgets all state, as a restart would. */
export function resetContext(context: SandboxContext): void {
	for (const statement of context.state.statements.values()) rmSync(statement.filePath, { force: true });
	context.processing.reset();
	context.webhooks.clear();
	context.faults.clear();
	context.links.clear();
	context.outages.reset();
	context.requests.clear();
	context.state.clear();
	context.clock.reset();
}
