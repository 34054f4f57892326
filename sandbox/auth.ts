import { createHmac, timingSafeEqual } from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import type { SandboxOptions } from './options';

export const UNAUTHENTICATED = { detail: 'Authentication credentials were not provided.' };

/** How far a signed request's TIMESTAMP may be from the sandbox host's clock, either way (5 minutes). */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

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

/**
 * Whether a request may call an API route; `needsServerHash` for the contract's [hash] routes.
 * A signed request must be fresh: its TIMESTAMP (Unix seconds) within the window of `nowMs`, the
 * host's real clock, so a captured ACCESS_TOKEN cannot be replayed later.
 */
export function isAuthenticated(
	headers: IncomingHttpHeaders,
	options: SandboxOptions,
	needsServerHash: boolean,
	apiKeyInBody?: string,
	nowMs: number = Date.now(),
): boolean {
	// the session API names the key as a body field: a client that sends it only there is authenticated by it
	const apiKey = header(headers, 'x-api-key') ?? apiKeyInBody;
	if (!sameSecret(apiKey, options.apiKey)) return false;
	if (needsServerHash && !sameSecret(header(headers, 'server-hash'), options.serverHash)) return false;
	if (options.signingSecret !== null) {
		const timestamp = header(headers, 'timestamp');
		if (timestamp === undefined || !/^\d+$/.test(timestamp)) return false;
		if (Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) return false;
		if (!sameSecret(header(headers, 'access_token'), accessToken(options.signingSecret, timestamp))) return false;
	}
	return true;
}
