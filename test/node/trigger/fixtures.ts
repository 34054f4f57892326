import { bankConnectCredentials } from '../../harness/engine';

export const API_ORIGIN = 'https://api.bankconnect.test';
export const BASE_URL = `${API_ORIGIN}/bank-connect`;
export const SECRET = 'whsec-3f9a1c';
/** The credential with the account's Webhook Secret, as a user sets it up today. */
export const CREDENTIALS = bankConnectCredentials(BASE_URL, { webhookSecret: SECRET });
/** A credential without a Webhook Secret. */
export const CREDENTIALS_WITHOUT_SECRET = bankConnectCredentials(BASE_URL);

/** API headers every trigger request carries (the credential's authenticate). */
export const API_HEADERS = { 'x-api-key': 'sandbox_api_key', 'server-hash': 'sandbox_server_hash' };

export const ISO_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

export function entityParameters(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { flow: 'entity', registerWebhook: true, webhookMode: 1, ...overrides };
}

export function sessionParameters(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { flow: 'session', registerWebhook: true, ...overrides };
}

export const withSecret = { 'x-secret-key': SECRET };

export function completed(entityId = 'ent-1', statementId = 'stm-1', linkId: string | null = 'link-1') {
	return { entity_id: entityId, statement_id: statementId, link_id: linkId, progress: 'completed', reason: '' };
}

/** The event_key of a statement's outcome, as every entity-flow item carries it. */
export function entityKey(entityId: string, statementId: string, progress = 'completed'): string {
	return `entity|${entityId}|${statementId}|${progress}`;
}
