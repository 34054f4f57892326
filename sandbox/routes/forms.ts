/** DRF-style field errors and form value parsing shared by the routes. */

export const REQUIRED = 'This field is required.';

/** `{"<field>": ["<message>"]}`, the API's 400 body for a bad field. */
export function fieldError(field: string, message: string = REQUIRED): Record<string, string[]> {
	return { [field]: [message] };
}

/** A form boolean (`true`/`false`, any case, or 1/0); undefined when absent, null when invalid. */
export function parseBoolean(value: string | undefined): boolean | undefined | null {
	if (value === undefined || value === '') return undefined;
	const v = value.trim().toLowerCase();
	if (v === 'true' || v === '1') return true;
	if (v === 'false' || v === '0') return false;
	return null;
}

export const NOT_FOUND = { detail: 'Not found.' };
