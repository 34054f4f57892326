/** The webhook bodies BankConnect sends (docs/bankconnect-api.md, "Webhook deliveries"), and how one is recognised. */
import type { WebhookFlow, WebhookPayloadRecord } from '../api';
import { isJsonObject, parseJson } from '../transport';

export type EntityProgress = 'completed' | 'failed';

/** Classic (entity flow) delivery. `statement_id` may be "", `link_id` may be null. */
export interface EntityPayload {
	entity_id: string;
	statement_id: string;
	link_id: string | null;
	progress: EntityProgress;
	reason: string | null;
}

export const SESSION_EVENTS = [
	'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION',
	'SESSION_EXPIRY_NOTIFICATION',
	'ENRICHMENT_NOTIFICATION',
] as const;

export type SessionEventName = (typeof SESSION_EVENTS)[number];

export interface SessionDateRange {
	from_date: string | null;
	to_date: string | null;
}

/** SESSION_REQUIREMENT_COMPLETION_NOTIFICATION / SESSION_EXPIRY_NOTIFICATION. */
export interface SessionStatePayload {
	session_id: string;
	event_name: 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION' | 'SESSION_EXPIRY_NOTIFICATION';
	message: string | null;
	session_date_range: SessionDateRange | null;
	accounts: Array<Record<string, unknown>>;
}

export interface EnrichedAccount {
	bank_name: string | null;
	account_id: string;
	account_status: 'completed' | 'failed';
	error_code: string | null;
	error_message: string | null;
}

export interface EnrichmentPayload {
	session_id: string;
	event_name: 'ENRICHMENT_NOTIFICATION';
	accounts: EnrichedAccount[];
}

export type SessionPayload = SessionStatePayload | EnrichmentPayload;

/** A missed entity-flow payload, as BankConnect keeps it (Webhook → Get Missed Payloads). */
export type StoredEntityPayload = WebhookPayloadRecord;

export type Flow = WebhookFlow;

export type ParsedPayload =
	| { ok: true; flow: 'entity'; payload: EntityPayload }
	| { ok: true; flow: 'session'; payload: SessionPayload }
	| { ok: false; problem: string };

function isText(value: unknown): value is string {
	return typeof value === 'string' && value !== '';
}

function isOptionalText(value: unknown): boolean {
	return value === undefined || value === null || typeof value === 'string';
}

function readEntityPayload(body: Record<string, unknown>): ParsedPayload {
	if (!isText(body.entity_id)) return { ok: false, problem: 'entity_id is missing' };
	if (body.progress !== 'completed' && body.progress !== 'failed') {
		return { ok: false, problem: 'progress must be "completed" or "failed"' };
	}
	if (!isOptionalText(body.statement_id) || !isOptionalText(body.link_id) || !isOptionalText(body.reason)) {
		return { ok: false, problem: 'statement_id, link_id and reason must be text or null' };
	}
	return {
		ok: true,
		flow: 'entity',
		payload: {
			entity_id: body.entity_id,
			statement_id: (body.statement_id as string | null | undefined) ?? '',
			link_id: (body.link_id as string | null | undefined) ?? null,
			progress: body.progress,
			reason: (body.reason as string | null | undefined) ?? null,
		},
	};
}

function readEnrichedAccount(value: unknown): EnrichedAccount | undefined {
	if (!isJsonObject(value) || !isText(value.account_id)) return undefined;
	if (value.account_status !== 'completed' && value.account_status !== 'failed') return undefined;
	return {
		bank_name: typeof value.bank_name === 'string' ? value.bank_name : null,
		account_id: value.account_id,
		account_status: value.account_status,
		error_code: typeof value.error_code === 'string' ? value.error_code : null,
		error_message: typeof value.error_message === 'string' ? value.error_message : null,
	};
}

function readSessionPayload(body: Record<string, unknown>): ParsedPayload {
	if (!isText(body.session_id)) return { ok: false, problem: 'session_id is missing' };
	const eventName = body.event_name;
	if (!SESSION_EVENTS.includes(eventName as SessionEventName)) {
		return { ok: false, problem: `event_name ${JSON.stringify(eventName)} is not a BankConnect session event` };
	}
	if (!Array.isArray(body.accounts)) return { ok: false, problem: 'accounts must be a list' };
	if (eventName === 'ENRICHMENT_NOTIFICATION') {
		const accounts = body.accounts.map(readEnrichedAccount);
		if (accounts.some((account) => account === undefined)) {
			return { ok: false, problem: 'every account needs account_id and account_status "completed" or "failed"' };
		}
		return {
			ok: true,
			flow: 'session',
			payload: { session_id: body.session_id, event_name: eventName, accounts: accounts as EnrichedAccount[] },
		};
	}
	const range = isJsonObject(body.session_date_range) ? body.session_date_range : null;
	return {
		ok: true,
		flow: 'session',
		payload: {
			session_id: body.session_id,
			event_name: eventName as SessionStatePayload['event_name'],
			message: typeof body.message === 'string' ? body.message : null,
			session_date_range: range
				? {
						from_date: typeof range.from_date === 'string' ? range.from_date : null,
						to_date: typeof range.to_date === 'string' ? range.to_date : null,
					}
				: null,
			accounts: body.accounts.filter(isJsonObject),
		},
	};
}

/** Recognises a delivery of the given flow; anything else is reported with the reason it was refused. */
export function parsePayload(flow: Flow, body: unknown): ParsedPayload {
	if (!isJsonObject(body)) return { ok: false, problem: 'the body is not a JSON object' };
	return flow === 'entity' ? readEntityPayload(body) : readSessionPayload(body);
}

/** Reads the body as JSON: n8n has parsed application/json already; other content types arrive raw. */
export function readJsonBody(parsedBody: unknown, rawBody: Buffer | undefined): { ok: true; value: unknown } | { ok: false } {
	if (isJsonObject(parsedBody) && Object.keys(parsedBody).length > 0) return { ok: true, value: parsedBody };
	const text = typeof parsedBody === 'string' ? parsedBody : rawBody?.toString('utf8') ?? '';
	return text.trim() === '' ? { ok: false } : parseJson(text);
}
