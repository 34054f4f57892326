import { createHash, timingSafeEqual } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport';

export type SecretCheck = 'not configured' | 'match' | 'missing' | 'mismatch';

/** The node parameter that held the secret before it moved to the credential; still read for saved workflows. */
export const DEPRECATED_SECRET_PARAMETER = 'secret';

/**
 * The account's webhook secret: the credential's Webhook Secret, else the deprecated node
 * parameter of workflows saved before it existed; '' when neither is set.
 */
export async function readWebhookSecret(context: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const fromCredential = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
	if (fromCredential !== '') return fromCredential;
	const fromParameter = context.getNodeParameter(DEPRECATED_SECRET_PARAMETER, '') as unknown;
	return typeof fromParameter === 'string' ? fromParameter : '';
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Compares the delivery's `x-secret-key` with the configured secret in constant time. Both sides
 * are hashed first so the comparison takes the same time whatever their lengths.
 */
export function checkSecret(headers: Record<string, string | string[] | undefined>, expected: string): SecretCheck {
	if (expected === '') return 'not configured';
	const header = headers['x-secret-key'];
	const received = Array.isArray(header) ? header[0] : header;
	if (received === undefined || received === '') return 'missing';
	return timingSafeEqual(digest(received), digest(expected)) ? 'match' : 'mismatch';
}
