/**
 * The test credential's distinctive secrets, and a check for values a test builds itself. Every
 * engine run is already checked for the secrets of its credentials (secretScan.ts).
 */
import type { NodeRunOptions } from './runNode';
import { assertNoSecrets } from './secretScan';

export const SECRETS = {
	apiKey: 'test-api-key-7Qx2vN',
	serverHash: 'test-server-hash-Lm9pK3',
	signingSecret: 'test-signing-secret-Zr4wT8',
} as const;

/** Run options whose credential points at the API under `origin` (e.g. a hostile local server) and holds every one of SECRETS. */
export function withEverySecret(origin: string, extra: Partial<NodeRunOptions> = {}): NodeRunOptions {
	return {
		sandbox: { baseUrl: `${origin}/bank-connect`, apiKey: SECRETS.apiKey, serverHash: SECRETS.serverHash },
		credentials: { signingSecret: SECRETS.signingSecret },
		...extra,
	};
}

/** Fails when any of SECRETS appears anywhere in the given items, errors or lines. */
export function expectNoSecrets(...values: unknown[]): void {
	assertNoSecrets(values, SECRETS);
}
