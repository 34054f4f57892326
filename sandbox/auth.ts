import { createHmac, timingSafeEqual } from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import type { SandboxOptions } from './options';

export const UNAUTHENTICATED = { detail: 'Authentication credentials were not provided.' };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function sameSecret(given: string | undefined, expected: string): boolean {
	if (given === undefined) return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** The contract's default signer: lowercase hex HMAC-SHA256(key = secret, message = TIMESTAMP). */
export function accessToken(secret: string, timestamp: string): string {
	return createHmac('sha256', secret).update(timestamp).digest('hex');
}

/** Whether a request may call an API route; `needsServerHash` for the contract's [hash] routes. */
export function isAuthenticated(headers: IncomingHttpHeaders, options: SandboxOptions, needsServerHash: boolean): boolean {
	if (!sameSecret(header(headers, 'x-api-key'), options.apiKey)) return false;
	if (needsServerHash && !sameSecret(header(headers, 'server-hash'), options.serverHash)) return false;
	if (options.signingSecret !== null) {
		const timestamp = header(headers, 'timestamp');
		if (timestamp === undefined || !/^\d+$/.test(timestamp)) return false;
		if (!sameSecret(header(headers, 'access_token'), accessToken(options.signingSecret, timestamp))) return false;
	}
	return true;
}
