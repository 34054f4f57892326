/** What replaces a secret found in a server's answer. */
export const REDACTED = '[redacted]';

/**
 * Below this length a "secret" (a short PDF password) is too likely to match ordinary text, such
 * as an HTTP status, to be replaced without garbling the message.
 */
const MIN_SECRET_LENGTH = 4;

function htmlEscaped(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A secret as a server may echo it: as sent, lowercased (as in a host name), JSON-escaped, URL- or form-encoded, HTML-escaped. */
function formsOf(secret: string): string[] {
	return [
		secret,
		secret.toLowerCase(),
		JSON.stringify(secret).slice(1, -1),
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
		htmlEscaped(secret),
	];
}

/** The texts to look for, longest first so a longer form is replaced before a shorter one inside it. */
export function secretForms(secrets: readonly string[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		for (const form of formsOf(secret)) forms.add(form);
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** Whether the text holds any of the forms. */
export function holdsSecret(text: string, forms: readonly string[]): boolean {
	return forms.some((form) => text.includes(form));
}

/** The text with every form replaced by REDACTED. */
export function redactText(text: string, forms: readonly string[]): string {
	let redacted = text;
	for (const form of forms) if (redacted.includes(form)) redacted = redacted.split(form).join(REDACTED);
	return redacted;
}

/** A parsed JSON value with every string and key redacted. */
export function redactValue(value: unknown, forms: readonly string[]): unknown {
	if (typeof value === 'string') return redactText(value, forms);
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, forms));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [redactText(key, forms), redactValue(entry, forms)]),
		);
	}
	return value;
}
