import { createHash, timingSafeEqual } from 'crypto';

export type SecretCheck = 'not configured' | 'match' | 'missing' | 'mismatch';

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
