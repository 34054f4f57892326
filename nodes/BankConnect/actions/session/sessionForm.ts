import type { INode } from 'n8n-workflow';

import { optionalText, readHttpUrl, requireBank, requireText } from '../../helpers/validation';
import { invalidInput } from '../../transport';
import type { FormFields } from '../../transport';
import { optionalSessionDate, sixMonthsBefore, toApiDate } from './sessionDates';
import type { IsoDate } from './sessionDates';

export const SESSION_MODES = ['pdf', 'aa', 'online'] as const;
export const JOURNEY_MODES = ['multi_pdf', 'multi_banking'] as const;
export const SESSION_EXPIRY_MINUTES = { min: 5, max: 43200 };

/** The Additional Fields of Session → Create, as n8n hands them over (expressions may give any type). */
export interface SessionCreateOptions {
	fromDate?: unknown;
	toDate?: unknown;
	logoUrl?: unknown;
	bankName?: unknown;
	mode?: unknown;
	mobileNumber?: unknown;
	sessionExpiry?: unknown;
	journeyMode?: unknown;
	acceptAnything?: unknown;
	isMobileFieldEditable?: unknown;
}

export interface SessionCreateInput {
	linkId: unknown;
	redirectUrl: unknown;
	options: SessionCreateOptions;
	/** Today in the workflow's time zone. */
	today: IsoDate;
}

interface Checker {
	node: INode;
	itemIndex: number;
}

function optionalHttpUrl({ node, itemIndex }: Checker, field: string, value: unknown): string | undefined {
	const text = optionalText(node, itemIndex, field, value);
	if (text === undefined) return undefined;
	if (!readHttpUrl(text).ok) {
		throw invalidInput(node, itemIndex, field, `must be an http(s) URL, e.g. https://lender.example/done (got "${text}")`);
	}
	return text;
}

function optionalChoice<T extends string>(
	{ node, itemIndex }: Checker,
	field: string,
	value: unknown,
	choices: readonly T[],
): T | undefined {
	const text = optionalText(node, itemIndex, field, value)?.toLowerCase();
	if (text === undefined) return undefined;
	if (!(choices as readonly string[]).includes(text)) {
		throw invalidInput(node, itemIndex, field, `must be one of ${choices.join(', ')} (got "${text}")`);
	}
	return text as T;
}

/** A 10-digit Indian mobile number; spaces, hyphens and a +91/91/0 prefix are dropped. */
function optionalMobileNumber({ node, itemIndex }: Checker, value: unknown): string | undefined {
	const field = 'Mobile Number';
	const text = optionalText(node, itemIndex, field, value);
	if (text === undefined) return undefined;
	const digits = text.replace(/[\s-]/g, '').replace(/^(?:\+91|91|0)(?=\d{10}$)/, '');
	if (!/^[6-9]\d{9}$/.test(digits)) {
		throw invalidInput(node, itemIndex, field, 'must be a 10-digit Indian mobile number starting with 6-9, e.g. 9876543210');
	}
	return digits;
}

function optionalExpiry({ node, itemIndex }: Checker, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const minutes = typeof value === 'string' ? Number(value.trim()) : value;
	const { min, max } = SESSION_EXPIRY_MINUTES;
	if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < min || minutes > max) {
		throw invalidInput(node, itemIndex, 'Session Expiry (Minutes)', `must be a whole number of minutes from ${min} to ${max} (30 days)`);
	}
	return minutes;
}

function optionalBoolean({ node, itemIndex }: Checker, field: string, value: unknown): boolean | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalidInput(node, itemIndex, field, 'must be true or false');
}

/** From and To Date, both defaulted from the other or from today to span six months, and in order. */
function dateRange(checker: Checker, options: SessionCreateOptions, today: IsoDate): { from: IsoDate; to: IsoDate } {
	const { node, itemIndex } = checker;
	const givenFrom = optionalSessionDate(node, itemIndex, 'From Date', options.fromDate);
	const givenTo = optionalSessionDate(node, itemIndex, 'To Date', options.toDate);
	const to = givenTo ?? today;
	const from = givenFrom ?? sixMonthsBefore(to);
	if (from >= to) {
		const toLabel = givenTo === undefined ? `today (${toApiDate(to)})` : toApiDate(to);
		throw invalidInput(node, itemIndex, 'From Date', `must be before To Date: ${toApiDate(from)} is not before ${toLabel}`);
	}
	return { from, to };
}

/** Every rule of session creation checked, as the form fields to send (api_key is added by the credential). */
export function sessionCreateForm(node: INode, itemIndex: number, input: SessionCreateInput): FormFields {
	const checker: Checker = { node, itemIndex };
	const { options } = input;
	const linkId = requireText(node, itemIndex, 'Link ID', input.linkId);
	const redirectUrl = optionalHttpUrl(checker, 'Redirect URL', input.redirectUrl);
	const { from, to } = dateRange(checker, options, input.today);
	const logoUrl = optionalHttpUrl(checker, 'Logo URL', options.logoUrl);
	const bankText = optionalText(node, itemIndex, 'Bank Name', options.bankName);
	const bankName = bankText === undefined ? undefined : requireBank(node, itemIndex, 'Bank Name', bankText);
	const mode = optionalChoice(checker, 'Mode', options.mode, SESSION_MODES);
	if (mode !== undefined && bankName === undefined) {
		throw invalidInput(node, itemIndex, 'Bank Name', `is required when Mode is set (Mode is "${mode}")`);
	}
	return {
		link_id: linkId,
		redirect_url: redirectUrl,
		from_date: toApiDate(from),
		to_date: toApiDate(to),
		logo_url: logoUrl,
		bank_name: bankName,
		mode,
		mobile_number: optionalMobileNumber(checker, options.mobileNumber),
		session_expiry: optionalExpiry(checker, options.sessionExpiry),
		journey_mode: optionalChoice(checker, 'Journey Mode', options.journeyMode, JOURNEY_MODES),
		accept_anything: optionalBoolean(checker, 'Accept Anything', options.acceptAnything),
		is_mobile_field_editable: optionalBoolean(checker, 'Mobile Field Editable', options.isMobileFieldEditable),
	};
}
