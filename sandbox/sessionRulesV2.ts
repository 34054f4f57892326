import { parseSessionDate, SESSION_ERRORS, validateSessionRequest, type SessionError, type SessionRequest } from './sessionRules';

/** The Account Aggregator journeys of Session API V2 and the consents each one carries. */
export const AA_JOURNEYS: Record<string, string[]> = {
	BCAA001: ['CC0001'],
	BCAA002: ['CC0002'],
	BCAA003: ['CC0003', 'CC0004'],
	BCAA004: ['CC0005', 'CC0006', 'CC0007'],
};
export const DEFAULT_AA_JOURNEY = 'BCAA001';

/** How often a periodic (recurring) consent may pull data. */
const FREQUENCY_UNITS = ['day', 'week', 'month', 'year'];
const METADATA_LISTS = ['names', 'employer_names', 'companies_for_self_transfer'] as const;
/** Field length limits of the V2 error table. */
const MAX_LENGTH: Record<string, number> = { link_id: 500, redirect_url: 200, bank_name: 50, journey_mode: 50 };

/** One consent's window, `YYYY-MM-DD` (received as `DD/MM/YYYY`). */
export interface ConsentWindow {
	from_date: string;
	to_date: string;
	consent_expiry: string | null;
}

/** The validated create request of `POST /v2/session/`: V1's fields plus the AA journey, consents and metadata. */
export interface SessionRequestV2 extends SessionRequest {
	aaJourneyCode: string;
	/** every consent of the journey: the client's windows where given, else the session's dates */
	consents: Record<string, ConsentWindow>;
	metadata: Record<(typeof METADATA_LISTS)[number], string[]>;
	recurring: { tenureMonths: number; frequencyUnit: string; frequencyValue: number } | null;
}

const err = (status: number, code: string, message: string): SessionError => ({ status, code, message });
const invalid = (field: string, message: string): SessionError => err(400, 'INVALID_REQUEST', `${field}, ${message}`);
const notAChoice = (field: string, value: string): SessionError => invalid(field, `"${value}" is not a valid choice.`);

/** The V2 table's codes and messages where V1's differ. */
export const V2_ERRORS = {
	INVALID_MOBILE_NUMBER: err(400, 'INVALID_MOBILE_NUMBER', 'Invalid mobile number.'),
	INVALID_SESSION_EXPIRY: err(400, 'INVALID_SESSION_EXPIRY', 'Session expiry should be int, Min value is 5 and Max is 43200 in minutes'),
	INVALID_URL: err(400, 'INVALID_URL', 'Enter a valid URL.'),
	INVALID_TENURE: err(400, 'INVALID_AA_PARAMETER', 'Tenure must be between 1 and 84'),
	MISSING_FREQUENCY: err(400, 'MISSING_AA_PARAMETER', 'Frequency unit/value required'),
	UNAUTHENTICATED: err(401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', 'Authentication credentials were not provided'),
	METHOD_NOT_ALLOWED: err(405, 'METHOD_NOT_ALLOWED', 'Method "GET" not allowed.'),
} as const;

/** V1's answer to the same mistake, in V2's words. */
function inV2Words(error: SessionError, fields: Record<string, string>): SessionError {
	switch (error.code) {
		case SESSION_ERRORS.MISSING_LINK_ID.code:
			return invalid('link_id', 'This field is required.');
		case SESSION_ERRORS.MISSING_API_KEY.code:
			return invalid('api_key', 'This field is required.');
		case SESSION_ERRORS.INVALID_MODE.code:
			return notAChoice('mode', fields.mode);
		case SESSION_ERRORS.INVALID_JOURNEY_MODE.code:
			return notAChoice('journey_mode', fields.journey_mode);
		case SESSION_ERRORS.INVALID_SESSION_EXPIRY.code:
			return V2_ERRORS.INVALID_SESSION_EXPIRY;
		case SESSION_ERRORS.INVALID_MOBILE_NUMBER.code:
			return V2_ERRORS.INVALID_MOBILE_NUMBER;
		case SESSION_ERRORS.INVALID_URL.code:
			return V2_ERRORS.INVALID_URL;
		default:
			return error;
	}
}

/** An object field: a JSON body's object, or (in a form) its JSON text. */
function objectField(fields: Record<string, string>, name: string): Record<string, unknown> | undefined | SessionError {
	const text = fields[name];
	if (text === undefined || text === '') return undefined;
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		// not JSON: refused below like any non-object
	}
	return invalid(name, 'Expected a dictionary of items.');
}

const isError = (value: unknown): value is SessionError => typeof value === 'object' && value !== null && 'code' in value && 'status' in value;

/** `consents`: only the journey's consent codes, each an object of `DD/MM/YYYY` dates with from before to. */
function consentsOf(given: Record<string, unknown> | undefined, journey: string, request: SessionRequest): Record<string, ConsentWindow> | SessionError {
	const codes = AA_JOURNEYS[journey];
	const consents: Record<string, ConsentWindow> = {};
	for (const code of codes) consents[code] = { from_date: request.fromDate, to_date: request.toDate, consent_expiry: null };
	for (const [code, value] of Object.entries(given ?? {})) {
		if (!codes.includes(code)) return err(400, 'INVALID_AA_PARAMETER', `Invalid AA parameter: consent ${code} is not part of ${journey} (${codes.join(', ')})`);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(`consents.${code}`, 'Expected a dictionary of items.');
		const window = { ...consents[code] };
		for (const key of ['from_date', 'to_date', 'consent_expiry'] as const) {
			const date = (value as Record<string, unknown>)[key];
			if (date === undefined || date === null) continue;
			const parsed = typeof date === 'string' ? parseSessionDate(date) : null;
			if (parsed === null) return SESSION_ERRORS.INVALID_DATE_FORMAT;
			window[key] = parsed;
		}
		const unknown = Object.keys(value).filter((key) => !['from_date', 'to_date', 'consent_expiry'].includes(key));
		if (unknown.length) return invalid(`consents.${code}`, `Unknown field "${unknown[0]}".`);
		if (window.from_date >= window.to_date) return SESSION_ERRORS.INVALID_DATE_RANGE;
		consents[code] = window;
	}
	return consents;
}

/** `metadata`: optional lists of names (`names`, `employer_names`, `companies_for_self_transfer`). */
function metadataOf(given: Record<string, unknown> | undefined): SessionRequestV2['metadata'] | SessionError {
	const metadata: SessionRequestV2['metadata'] = { names: [], employer_names: [], companies_for_self_transfer: [] };
	for (const [key, value] of Object.entries(given ?? {})) {
		if (!(METADATA_LISTS as readonly string[]).includes(key)) return invalid('metadata', `Unknown field "${key}"; expected ${METADATA_LISTS.join(', ')}.`);
		if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return invalid(`metadata.${key}`, 'Expected a list of strings.');
		metadata[key as (typeof METADATA_LISTS)[number]] = value as string[];
	}
	return metadata;
}

/** Periodic-consent parameters: a tenure of 1–84 months and a pull frequency, unit and value together. */
function recurringOf(fields: Record<string, string>): SessionRequestV2['recurring'] | SessionError {
	const tenure = fields.aa_recurring_tenure_month_count;
	const unit = fields.aa_recurring_frequency_unit;
	const value = fields.aa_recurring_frequency_value;
	if (!tenure && !unit && !value) return null;
	if (tenure !== undefined && tenure !== '' && !/^\d+$/.test(tenure)) return invalid('aa_recurring_tenure_month_count', 'A valid integer is required.');
	const months = Number(tenure || 12);
	if (months < 1 || months > 84) return V2_ERRORS.INVALID_TENURE;
	if (!unit || !value) return V2_ERRORS.MISSING_FREQUENCY;
	if (!FREQUENCY_UNITS.includes(unit.toLowerCase())) return notAChoice('aa_recurring_frequency_unit', unit);
	if (!/^\d+$/.test(value) || Number(value) < 1) return invalid('aa_recurring_frequency_value', 'A valid integer is required.');
	return { tenureMonths: months, frequencyUnit: unit.toLowerCase(), frequencyValue: Number(value) };
}

/** Applies every rule of Session API V2 (the V1 rules in V2's words, then the new fields). */
export function validateSessionRequestV2(given: Record<string, string>, now: number, disabledModes: string[]): SessionRequestV2 | SessionError {
	// the docs' own examples name the bank `bank`
	const fields = given.bank_name || !given.bank ? given : { ...given, bank_name: given.bank };
	for (const [field, max] of Object.entries(MAX_LENGTH)) {
		if ((fields[field] ?? '').length > max) return invalid(field, `Ensure this field has no more than ${max} characters.`);
	}
	for (const field of ['accept_anything', 'is_mobile_field_editable']) {
		const value = fields[field];
		if (value !== undefined && value !== '' && !['true', 'false', '1', '0'].includes(value.toLowerCase())) return invalid(field, 'Must be a valid boolean.');
	}
	const request = validateSessionRequest(fields, now, disabledModes);
	if ('code' in request) return inV2Words(request, fields);

	const journey = (fields.aa_journey_code || DEFAULT_AA_JOURNEY).toUpperCase();
	if (!AA_JOURNEYS[journey]) return notAChoice('aa_journey_code', fields.aa_journey_code);
	const givenConsents = objectField(fields, 'consents');
	if (isError(givenConsents)) return givenConsents;
	const consents = consentsOf(givenConsents, journey, request);
	if (isError(consents)) return consents;
	const givenMetadata = objectField(fields, 'metadata');
	if (isError(givenMetadata)) return givenMetadata;
	const metadata = metadataOf(givenMetadata);
	if (isError(metadata)) return metadata;
	const recurring = recurringOf(fields);
	if (isError(recurring)) return recurring;
	return { ...request, aaJourneyCode: journey, consents, metadata, recurring };
}
