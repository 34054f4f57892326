/**
 * Credentials with distinctive values, and a check that none of them leaks into an error or an
 * output item (the node must never echo the API key, the Server Hash or the signing secret).
 */
export const SECRETS = {
	apiKey: 'test-api-key-7Qx2vN',
	serverHash: 'test-server-hash-Lm9pK3',
	signingSecret: 'test-signing-secret-Zr4wT8',
} as const;

/** Everything an error carries, own non-enumerable properties and causes included. */
function expand(value: unknown, seen = new Set<unknown>()): unknown {
	if (value === null || typeof value !== 'object' || seen.has(value)) return value;
	seen.add(value);
	if (Buffer.isBuffer(value)) return value.toString('latin1');
	if (value instanceof Error) {
		const all: Record<string, unknown> = {};
		for (const name of Object.getOwnPropertyNames(value)) {
			all[name] = expand((value as unknown as Record<string, unknown>)[name], seen);
		}
		all.message = value.message;
		all.stack = value.stack;
		all.cause = expand(value.cause, seen);
		return all;
	}
	if (Array.isArray(value)) return value.map((entry) => expand(entry, seen));
	return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, expand(entry, seen)]));
}

/** Fails the test when any secret appears anywhere in the given errors or items. */
export function expectNoSecrets(...values: unknown[]): void {
	const text = JSON.stringify(values.map((value) => expand(value)));
	for (const [name, secret] of Object.entries(SECRETS)) {
		if (text.includes(secret)) throw new Error(`The ${name} leaked into an error or an output item`);
	}
}
