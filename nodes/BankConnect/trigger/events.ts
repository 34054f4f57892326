import type { IDataObject } from 'n8n-workflow';

import type { EntityPayload, SessionEventName, SessionPayload, StoredEntityPayload } from './payloads';

/** Where an event came from: a live delivery or the catch-up on activation. */
export type EventSource = 'webhook' | 'catch-up';

/** One event the workflow may start on: its flattened output item and the key repeats share. */
export interface TriggerEvent {
	/** Same for every repeat of one event: flow, entity/session, statement/account, event and status. Output as `event_key`. */
	key: string;
	json: IDataObject;
	/** The entity or session whose analysis may be attached. */
	entityId: string | null;
	sessionId: string | null;
	/** Whether the analysis finished (only then is there something to attach). */
	completed: boolean;
}

/** What the user chose to start on. */
export interface EventFilter {
	entityStatuses: string[];
	sessionEvents: string[];
	enrichmentStatuses: string[];
}

function emptyToNull(value: string | null): string | null {
	return value === null || value === '' ? null : value;
}

/** The key of a statement's outcome, the same for a live delivery and its replay. */
export function entityEventKey(payload: Pick<EntityPayload, 'entity_id' | 'statement_id' | 'progress'>): string {
	return ['entity', payload.entity_id, payload.statement_id, payload.progress].join('|');
}

/** A classic delivery (or a replayed one) as one flat item. */
export function entityEvent(payload: EntityPayload | StoredEntityPayload, source: EventSource, receivedAt: string): TriggerEvent {
	const eventTime = 'date_time' in payload ? payload.date_time : receivedAt;
	const key = entityEventKey(payload);
	return {
		key,
		entityId: payload.entity_id,
		sessionId: null,
		completed: payload.progress === 'completed',
		json: {
			flow: 'entity',
			event: payload.progress === 'completed' ? 'analysis completed' : 'analysis failed',
			entity_id: payload.entity_id,
			statement_id: emptyToNull(payload.statement_id),
			link_id: payload.link_id,
			status: payload.progress,
			reason: emptyToNull(payload.reason),
			event_time: eventTime,
			received_at: receivedAt,
			source,
			event_key: key,
		},
	};
}

/** A session delivery as flat items: one per account for enrichment, one for the other events. */
export function sessionEvents(payload: SessionPayload, receivedAt: string): TriggerEvent[] {
	if (payload.event_name === 'ENRICHMENT_NOTIFICATION') {
		return payload.accounts.map((account) => {
			const key = ['session', payload.session_id, payload.event_name, account.account_id, account.account_status].join('|');
			return {
				key,
				entityId: null,
				sessionId: payload.session_id,
				completed: account.account_status === 'completed',
				json: {
					flow: 'session',
					event: payload.event_name,
					session_id: payload.session_id,
					account_id: account.account_id,
					bank_name: account.bank_name,
					status: account.account_status,
					error_code: account.error_code,
					error_message: account.error_message,
					event_time: receivedAt,
					received_at: receivedAt,
					source: 'webhook',
					event_key: key,
				},
			};
		});
	}
	const key = ['session', payload.session_id, payload.event_name].join('|');
	return [
		{
			key,
			entityId: null,
			sessionId: payload.session_id,
			// insights exist only once processing finished, which ENRICHMENT_NOTIFICATION announces
			completed: false,
			json: {
				flow: 'session',
				event: payload.event_name,
				session_id: payload.session_id,
				status: payload.event_name === 'SESSION_EXPIRY_NOTIFICATION' ? 'expired' : 'requirements completed',
				message: payload.message,
				from_date: payload.session_date_range?.from_date ?? null,
				to_date: payload.session_date_range?.to_date ?? null,
				account_count: payload.accounts.length,
				accounts: payload.accounts as IDataObject[],
				event_time: receivedAt,
				received_at: receivedAt,
				source: 'webhook',
				event_key: key,
			},
		},
	];
}

/** Whether the user asked to start on this event. */
export function isWanted(event: TriggerEvent, filter: EventFilter): boolean {
	const { flow, event: name, status } = event.json as { flow: string; event: string; status: string };
	if (flow === 'entity') return filter.entityStatuses.includes(status);
	if (!filter.sessionEvents.includes(name as SessionEventName)) return false;
	if (name === 'ENRICHMENT_NOTIFICATION') return filter.enrichmentStatuses.includes(status);
	return true;
}
