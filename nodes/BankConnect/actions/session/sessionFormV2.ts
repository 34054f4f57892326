import type { IDataObject, INode } from 'n8n-workflow';

import { optionalText } from '../../helpers/validation';
import { invalidInput } from '../../transport';
import type { FormFields } from '../../transport';
import { optionalSessionDate, toApiDate } from './sessionDates';

/** Session API V2's Account Aggregator journeys and the consents each one carries (docs.finbox.in/session-flow/session-v2.html). */
export const AA_JOURNEYS = {
	BCAA001: ['CC0001'],
	BCAA002: ['CC0002'],
	BCAA003: ['CC0003', 'CC0004'],
	BCAA004: ['CC0005', 'CC0006', 'CC0007'],
} as const;

export type AaJourneyCode = keyof typeof AA_JOURNEYS;

/** BankConnect's journey when none is given: one-time consent. */
export const DEFAULT_AA_JOURNEY: AaJourneyCode = 'BCAA001';

/** Field length limits of V2's error table (INVALID_REQUEST "Ensure this field has no more than N characters"). */
export const V2_MAX_LENGTH = { link_id: 500, redirect_url: 200, bank_name: 50 } as const;

const FIELD_LABEL: Record<keyof typeof V2_MAX_LENGTH, string> = { link_id: 'Link ID', redirect_url: 'Redirect URL', bank_name: 'Bank Name' };

/** One row of the Consents list, as n8n hands it over. */
export interface ConsentInput {
	code?: unknown;
	fromDate?: unknown;
	toDate?: unknown;
	consentExpiry?: unknown;
}

/** The V2 Options of Session → Create, as n8n hands them over (expressions may give any type). */
export interface SessionV2Options {
	aaJourneyCode?: unknown;
	consents?: { consent?: ConsentInput[] };
	names?: unknown;
	employerNames?: unknown;
	companiesForSelfTransfer?: unknown;
}

interface Checker {
	node: INode;
	itemIndex: number;
}

function aaJourneyOf({ node, itemIndex }: Checker, value: unknown): AaJourneyCode | undefined {
	const text = optionalText(node, itemIndex, 'AA Journey Code', value)?.toUpperCase();
	if (text === undefined) return undefined;
	if (!Object.hasOwn(AA_JOURNEYS, text)) {
		throw invalidInput(node, itemIndex, 'AA Journey Code', `must be one of ${Object.keys(AA_JOURNEYS).join(', ')} (got "${text}")`);
	}
	return text as AaJourneyCode;
}

/** The Consents list as the API's object keyed by consent code; every code must belong to the journey. */
function consentsOf({ node, itemIndex }: Checker, rows: ConsentInput[], journey: AaJourneyCode): IDataObject | undefined {
	if (rows.length === 0) return undefined;
	const allowed: readonly string[] = AA_JOURNEYS[journey];
	const consents: IDataObject = {};
	for (const row of rows) {
		const code = optionalText(node, itemIndex, 'Consent Code', row.code)?.toUpperCase();
		if (code === undefined || !allowed.includes(code)) {
			const got = code === undefined ? 'none' : `"${code}"`;
			throw invalidInput(node, itemIndex, 'Consent Code', `must be one of ${journey}'s consents: ${allowed.join(', ')} (got ${got})`);
		}
		if (code in consents) throw invalidInput(node, itemIndex, 'Consent Code', `"${code}" is listed twice`);
		const from = optionalSessionDate(node, itemIndex, 'Consent From Date', row.fromDate);
		const to = optionalSessionDate(node, itemIndex, 'Consent To Date', row.toDate);
		const expiry = optionalSessionDate(node, itemIndex, 'Consent Expiry', row.consentExpiry);
		if (from !== undefined && to !== undefined && from >= to) {
			throw invalidInput(node, itemIndex, 'Consent From Date', `must be before Consent To Date for ${code}: ${toApiDate(from)} is not before ${toApiDate(to)}`);
		}
		const window: IDataObject = {};
		if (from !== undefined) window.from_date = toApiDate(from);
		if (to !== undefined) window.to_date = toApiDate(to);
		if (expiry !== undefined) window.consent_expiry = toApiDate(expiry);
		consents[code] = window;
	}
	return consents;
}

/** A list of names: comma-separated text, or a list from an expression; blanks dropped. */
function nameList({ node, itemIndex }: Checker, field: string, value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
	return parts.map((part) => {
		if (typeof part !== 'string') throw invalidInput(node, itemIndex, field, 'must be names separated by commas, or a list of names');
		return part.trim();
	}).filter((part) => part !== '');
}

function metadataOf(checker: Checker, options: SessionV2Options): IDataObject | undefined {
	const lists: Array<[string, string[]]> = [
		['names', nameList(checker, 'Names', options.names)],
		['employer_names', nameList(checker, 'Employer Names', options.employerNames)],
		['companies_for_self_transfer', nameList(checker, 'Companies for Self Transfer', options.companiesForSelfTransfer)],
	];
	const given = lists.filter(([, names]) => names.length > 0);
	return given.length === 0 ? undefined : Object.fromEntries(given);
}

/** V2's length limits on the fields V1 shares with it. */
function checkLengths({ node, itemIndex }: Checker, form: FormFields): void {
	for (const [key, max] of Object.entries(V2_MAX_LENGTH) as Array<[keyof typeof V2_MAX_LENGTH, number]>) {
		const value = form[key];
		if (typeof value === 'string' && value.length > max) {
			throw invalidInput(node, itemIndex, FIELD_LABEL[key], `must be at most ${max} characters for Session API V2 (it has ${value.length})`);
		}
	}
}

/**
 * The JSON body of `POST /v2/session/`: the V1 fields (already checked) within V2's limits, plus the
 * AA journey, its consents and the metadata. api_key is added by the credential.
 */
export function sessionCreateBodyV2(node: INode, itemIndex: number, form: FormFields, options: SessionV2Options): IDataObject {
	const checker: Checker = { node, itemIndex };
	checkLengths(checker, form);
	const journey = aaJourneyOf(checker, options.aaJourneyCode);
	const rows = Array.isArray(options.consents?.consent) ? options.consents.consent : [];
	const body: IDataObject = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== undefined));
	if (journey !== undefined) body.aa_journey_code = journey;
	const consents = consentsOf(checker, rows, journey ?? DEFAULT_AA_JOURNEY);
	if (consents !== undefined) body.consents = consents;
	const metadata = metadataOf(checker, options);
	if (metadata !== undefined) body.metadata = metadata;
	return body;
}
