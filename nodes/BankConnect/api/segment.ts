/**
 * BankConnect IDs in URL paths. An ID is one path segment, so it may only hold characters that
 * cannot change which endpoint is called: `.` or `..` would climb the path (`/v1/entity/./` is the
 * entity list), `/`, `?`, `#` or `%` would start another segment, a query or an escape.
 */
const SAFE_ID = /^[A-Za-z0-9._~-]+$/;
const ONLY_DOTS = /^\.+$/;
export const MAX_ID_LENGTH = 128;

/** Why `id` cannot be sent as an ID in a URL path (worded to follow the field's name), or undefined when it can. */
export function idProblem(id: string): string | undefined {
	if (id.length > MAX_ID_LENGTH) return `is too long for a BankConnect ID (at most ${MAX_ID_LENGTH} characters)`;
	if (ONLY_DOTS.test(id)) return `cannot be ${JSON.stringify(id)}: a BankConnect ID is not made of dots`;
	if (!SAFE_ID.test(id)) {
		return `may hold only letters, digits, "-", "_", "." and "~", as a BankConnect ID does (got ${JSON.stringify(id)})`;
	}
	return undefined;
}

/**
 * An ID as one path segment. The node checks its ID fields first (helpers/validation's requireId,
 * which names the field and the item); this refuses an unsafe ID from anywhere else (a webhook
 * delivery, an API answer) before it is sent.
 */
export function segment(id: string): string {
	const problem = idProblem(id);
	if (problem !== undefined) throw new Error(`The ID ${problem}`);
	return id;
}
