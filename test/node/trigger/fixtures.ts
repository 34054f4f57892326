import { bankConnectCredentials } from '../../harness/engine';

export const API_ORIGIN = 'https://api.bankconnect.test';
export const BASE_URL = `${API_ORIGIN}/bank-connect`;
export const CREDENTIALS = bankConnectCredentials(BASE_URL);
export const SECRET = 'whsec-3f9a1c';

/** API headers every trigger request carries (the credential's authenticate). */
export const API_HEADERS = { 'x-api-key': 'sandbox_api_key', 'server-hash': 'sandbox_server_hash' };

export const ISO_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

export function entityParameters(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { flow: 'entity', registerWebhook: true, webhookMode: 1, secret: SECRET, ...overrides };
}

export function sessionParameters(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { flow: 'session', registerWebhook: true, secret: SECRET, ...overrides };
}

export const withSecret = { 'x-secret-key': SECRET };

export function completed(entityId = 'ent-1', statementId = 'stm-1', linkId: string | null = 'link-1') {
	return { entity_id: entityId, statement_id: statementId, link_id: linkId, progress: 'completed', reason: '' };
}
