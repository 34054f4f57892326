import { findBank } from './banks';
import { apiDate } from './clock';

/** A session API error: `{"error": {"code", "message"}}` with its HTTP status. */
export interface SessionError {
	status: number;
	code: string;
	message: string;
}

const err = (status: number, code: string, message: string): SessionError => ({ status, code, message });

/** The messages of the vendor's error table for session creation. */
export const SESSION_ERRORS = {
	INVALID_DATE_FORMAT: err(400, 'INVALID_DATE_FORMAT', "Invalid 'from_date' or 'to_date' format. Use 'DD/MM/YYYY'."),
	INVALID_DATE_RANGE: err(400, 'INVALID_DATE_RANGE', "'from_date' can't be greater or equal to 'to_date'."),
	MISSING_DATE_FIELD: err(400, 'MISSING_DATE_FIELD', "'from_date' and 'to_date' are required."),
	INVALID_BANK_NAME: err(400, 'INVALID_BANK_NAME', 'Invalid bank identifier.'),
	MISSING_BANK_NAME: err(400, 'MISSING_BANK_NAME', "'bank_name' is required with 'mode'."),
	MODE_NOT_AVAILABLE: err(400, 'MODE_NOT_AVAILABLE', 'Specified mode not available for this bank.'),
	MODE_NOT_ENABLED: err(403, 'MODE_NOT_ENABLED', 'Specified mode not enabled. Contact FinBox Admin.'),
	// not in the vendor's table: the sandbox's names for rules the contract states without a code
	MISSING_LINK_ID: err(400, 'MISSING_LINK_ID', "'link_id' is required."),
	MISSING_API_KEY: err(400, 'MISSING_API_KEY', "'api_key' is required."),
	INVALID_MODE: err(400, 'INVALID_MODE', "'mode' should be one of 'pdf', 'aa' or 'online'."),
	INVALID_JOURNEY_MODE: err(400, 'INVALID_JOURNEY_MODE', "'journey_mode' should be 'multi_pdf' or 'multi_banking'."),
	INVALID_SESSION_EXPIRY: err(400, 'INVALID_SESSION_EXPIRY', "'session_expiry' should be a whole number of minutes from 5 to 43200."),
	INVALID_MOBILE_NUMBER: err(400, 'INVALID_MOBILE_NUMBER', "'mobile_number' should be a 10 digit Indian mobile number."),
	INVALID_URL: err(400, 'INVALID_URL', "'redirect_url' and 'logo_url' should be http(s) URLs."),
	INVALID_BOOLEAN: err(400, 'INVALID_BOOLEAN', "'accept_anything' and 'is_mobile_field_editable' should be true or false."),
} as const;

export const DEFAULT_SESSION_EXPIRY_MINUTES = 60;

/** The validated fields of `POST /v1/session/`. */
export interface SessionRequest {
	linkId: string;
	fromDate: string;
	toDate: string;
	redirectUrl: string | null;
	logoUrl: string | null;
	bankName: string | null;
	mode: string | null;
	mobileNumber: string | null;
	expiryMinutes: number;
	journeyMode: string | null;
	acceptAnything: boolean;
	isMobileFieldEditable: boolean;
}

/** `DD/MM/YYYY` → `YYYY-MM-DD`, or null when not a real date in that format. */
export function parseSessionDate(text: string): string | null {
	const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
	if (!match) return null;
	const [, dd, mm, yyyy] = match;
	const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
	if (date.getUTCDate() !== Number(dd) || date.getUTCMonth() !== Number(mm) - 1) return null;
	return `${yyyy}-${mm}-${dd}`;
}

function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function formBoolean(value: string | undefined): boolean | null {
	if (value === undefined || value === '') return false;
	const v = value.toLowerCase();
	if (v === 'true' || v === '1') return true;
	if (v === 'false' || v === '0') return false;
	return null;
}

/** Six months back from `now` (same day of month, clamped), as `YYYY-MM-DD`. */
function sixMonthsBefore(now: number): string {
	const d = new Date(now);
	const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 6, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return apiDate(target.getTime());
}

/** Applies every rule of the contract to a session create body. */
export function validateSessionRequest(
	fields: Record<string, string>,
	now: number,
	disabledModes: string[],
): SessionRequest | SessionError {
	if (!fields.link_id) return SESSION_ERRORS.MISSING_LINK_ID;
	if (!fields.api_key) return SESSION_ERRORS.MISSING_API_KEY;

	let fromDate = sixMonthsBefore(now);
	let toDate = apiDate(now);
	const hasFrom = Boolean(fields.from_date);
	const hasTo = Boolean(fields.to_date);
	if (hasFrom !== hasTo) return SESSION_ERRORS.MISSING_DATE_FIELD;
	if (hasFrom && hasTo) {
		const from = parseSessionDate(fields.from_date);
		const to = parseSessionDate(fields.to_date);
		if (from === null || to === null) return SESSION_ERRORS.INVALID_DATE_FORMAT;
		if (from >= to) return SESSION_ERRORS.INVALID_DATE_RANGE;
		fromDate = from;
		toDate = to;
	}

	if ((fields.redirect_url && !isHttpUrl(fields.redirect_url)) || (fields.logo_url && !isHttpUrl(fields.logo_url))) {
		return SESSION_ERRORS.INVALID_URL;
	}

	const bank = fields.bank_name ? findBank(fields.bank_name) : undefined;
	if (fields.bank_name && !bank) return SESSION_ERRORS.INVALID_BANK_NAME;
	const mode = fields.mode ? fields.mode.toLowerCase() : null;
	if (mode !== null) {
		if (!['pdf', 'aa', 'online'].includes(mode)) return SESSION_ERRORS.INVALID_MODE;
		if (!bank) return SESSION_ERRORS.MISSING_BANK_NAME;
		if (disabledModes.includes(mode)) return SESSION_ERRORS.MODE_NOT_ENABLED;
		const available = mode === 'pdf' ? bank.isPdfUploadAvailable : mode === 'aa' ? bank.isAaAvailable : bank.isNetBankingAvailable;
		if (!available) return SESSION_ERRORS.MODE_NOT_AVAILABLE;
	}

	let mobileNumber: string | null = null;
	if (fields.mobile_number) {
		const digits = fields.mobile_number.replace(/[\s-]/g, '').replace(/^(\+91|91)(?=\d{10}$)/, '');
		if (!/^[6-9]\d{9}$/.test(digits)) return SESSION_ERRORS.INVALID_MOBILE_NUMBER;
		mobileNumber = digits;
	}

	let expiryMinutes = DEFAULT_SESSION_EXPIRY_MINUTES;
	if (fields.session_expiry) {
		expiryMinutes = Number(fields.session_expiry);
		if (!Number.isInteger(expiryMinutes) || expiryMinutes < 5 || expiryMinutes > 43200) return SESSION_ERRORS.INVALID_SESSION_EXPIRY;
	}

	const journeyMode = fields.journey_mode || null;
	if (journeyMode !== null && journeyMode !== 'multi_pdf' && journeyMode !== 'multi_banking') return SESSION_ERRORS.INVALID_JOURNEY_MODE;

	const acceptAnything = formBoolean(fields.accept_anything);
	const isMobileFieldEditable = formBoolean(fields.is_mobile_field_editable);
	if (acceptAnything === null || isMobileFieldEditable === null) return SESSION_ERRORS.INVALID_BOOLEAN;

	return {
		linkId: fields.link_id,
		fromDate,
		toDate,
		redirectUrl: fields.redirect_url || null,
		logoUrl: fields.logo_url || null,
		bankName: bank?.id ?? null,
		mode,
		mobileNumber,
		expiryMinutes,
		journeyMode,
		acceptAnything,
		isMobileFieldEditable,
	};
}
