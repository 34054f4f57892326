/** Calls to the sandbox's own `/__sandbox/...` routes, for tests and benchmarks. */

import type { FaultSpec } from '../../sandbox/faults';
import type { SeenRequest } from '../../sandbox/requestLog';
import type { DeliveryAttempt } from '../../sandbox/webhooks';

/** A fault as `POST /__sandbox/faults` takes it. */
export type SandboxFault = FaultSpec;
/** One webhook delivery attempt the sandbox made. */
export type WebhookDelivery = DeliveryAttempt;
export type { SeenRequest };

/** One statement the sandbox holds. */
export interface SandboxStatement {
	statement_id: string;
	entity_id: string | null;
	session_id: string | null;
	account_id: string;
	bank: string;
	sha256: string;
	status: 'processing' | 'completed' | 'failed';
	uploaded_at: string;
	/** when processing finished, in sandbox time (ISO) */
	completed_at: string | null;
}

/** Query of `GET /__sandbox/sample-statement`. */
export interface SampleStatementQuery {
	bank: string;
	months?: number;
	password?: string;
	variant?: 'text' | 'image' | 'corrupt';
	seed?: string;
	pattern?: string;
	broken_balance?: boolean;
	odd_metadata?: boolean;
	holder?: string;
	account?: string;
	end?: string;
	min_size_kb?: number;
}

async function call(origin: string, method: string, path: string, body?: unknown): Promise<unknown> {
	const response = await fetch(`${origin}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
	return text ? JSON.parse(text) : undefined;
}

export async function injectFault(origin: string, fault: SandboxFault): Promise<void> {
	await call(origin, 'POST', '/__sandbox/faults', fault);
}

export async function clearFaults(origin: string): Promise<void> {
	await call(origin, 'DELETE', '/__sandbox/faults');
}

export async function listFaults(origin: string): Promise<Array<SandboxFault & { remaining: number }>> {
	return ((await call(origin, 'GET', '/__sandbox/faults')) as { faults: Array<SandboxFault & { remaining: number }> }).faults;
}

export async function listDeliveries(origin: string): Promise<WebhookDelivery[]> {
	return ((await call(origin, 'GET', '/__sandbox/webhook-deliveries')) as { deliveries: WebhookDelivery[] }).deliveries;
}

export async function listRequests(origin: string): Promise<SeenRequest[]> {
	return ((await call(origin, 'GET', '/__sandbox/requests')) as { requests: SeenRequest[] }).requests;
}

export async function clearRequests(origin: string): Promise<void> {
	await call(origin, 'DELETE', '/__sandbox/requests');
}

export async function listStatements(origin: string): Promise<SandboxStatement[]> {
	return ((await call(origin, 'GET', '/__sandbox/statements')) as { statements: SandboxStatement[] }).statements;
}

export async function resetSandbox(origin: string): Promise<void> {
	await call(origin, 'POST', '/__sandbox/reset');
}

/** Moves sandbox time forward (link and session expiry). */
export async function advanceClock(origin: string, advanceMs: number): Promise<void> {
	await call(origin, 'POST', '/__sandbox/clock', { advanceMs });
}

export async function expireSession(origin: string, sessionId: string): Promise<void> {
	await call(origin, 'POST', `/__sandbox/sessions/${encodeURIComponent(sessionId)}/expire`);
}

/** A generated statement PDF from `GET /__sandbox/sample-statement`. */
export async function sampleStatement(origin: string, query: SampleStatementQuery): Promise<Buffer> {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) {
		if (value !== undefined) params.set(key, String(value));
	}
	const response = await fetch(`${origin}/__sandbox/sample-statement?${params}`);
	if (!response.ok) throw new Error(`sample-statement → ${response.status}: ${await response.text()}`);
	return Buffer.from(await response.arrayBuffer());
}

/** Which banks the health API reports as down: bank identifier → issue (`PUT /__sandbox/net-banking-health`). */
export async function setNetBankingOutages(origin: string, outages: Record<string, string>): Promise<void> {
	await call(origin, 'PUT', '/__sandbox/net-banking-health', { outages });
}
