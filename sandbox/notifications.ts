import type { SandboxContext } from './context';
import { processedAccount, sessionDateRange, uploadStatusAccount } from './sessionViews';
import type { SessionRecord, StatementRecord } from './store/types';

/**
 * Records the classic-flow payload for a finished statement and delivers it when the webhook
 * is in mode 1: sandbox uploads are "manual uploads", which mode 0 (net banking only) skips.
 */
export function notifyEntityStatement(context: SandboxContext, statement: StatementRecord): void {
	const entity = statement.entityId === null ? undefined : context.state.entities.get(statement.entityId);
	if (!entity || statement.status === 'processing') return;
	const payload = {
		entity_id: entity.id,
		statement_id: statement.id,
		link_id: entity.linkId,
		progress: statement.status,
		reason: statement.message ?? '',
	};
	context.state.entityPayloads.push({ ...payload, at: context.clock.now() });
	const webhook = context.state.entityWebhook;
	if (webhook && webhook.mode === 1) context.webhooks.send('entity', webhook, payload);
}

/** Sends a session-flow event when a session webhook with mode 3 (all modes) is configured. */
function sendSessionEvent(context: SandboxContext, body: Record<string, unknown>): void {
	const webhook = context.state.sessionWebhook;
	if (webhook && webhook.mode === 3) context.webhooks.send('session', webhook, body);
}

function sessionAccounts(context: SandboxContext, session: SessionRecord): Array<Record<string, unknown>> {
	return context.state.accountsOf(session.id).map((a) => uploadStatusAccount(context.state, session, a));
}

/** SESSION_REQUIREMENT_COMPLETION_NOTIFICATION, sent when processing is initiated. */
export function notifySessionRequirement(context: SandboxContext, session: SessionRecord): void {
	sendSessionEvent(context, {
		session_id: session.id,
		event_name: 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION',
		message: 'Session requirements completed',
		session_date_range: sessionDateRange(session),
		accounts: sessionAccounts(context, session),
	});
}

export function notifySessionExpiry(context: SandboxContext, session: SessionRecord): void {
	sendSessionEvent(context, {
		session_id: session.id,
		event_name: 'SESSION_EXPIRY_NOTIFICATION',
		message: 'Session expired',
		session_date_range: sessionDateRange(session),
		accounts: sessionAccounts(context, session),
	});
}

/** ENRICHMENT_NOTIFICATION once every statement of a session that was sent to processing has finished. */
export function notifySessionProgress(context: SandboxContext, sessionId: string): void {
	const session = context.state.sessions.get(sessionId);
	if (!session || session.deleted || session.processingRequestedAt === null || session.enrichmentNotified) return;
	const statements = context.state.statementsOf(session.id);
	if (statements.some((s) => s.status === 'processing')) return;
	session.enrichmentNotified = true;
	sendSessionEvent(context, {
		session_id: session.id,
		event_name: 'ENRICHMENT_NOTIFICATION',
		accounts: context.state.accountsOf(session.id).map((a) => {
			const { bank_name, account_id, account_status, error_code, error_message } = processedAccount(context.state, a) as Record<string, unknown>;
			return { bank_name, account_id, account_status, error_code, error_message };
		}),
	});
}
