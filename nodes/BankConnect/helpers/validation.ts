import type { INode } from 'n8n-workflow';

import { idProblem } from '../api';
import { invalidInput, parseJson } from '../transport';
import { identifierOfBankName, isBankIdentifier } from './banks';

/** What an expression gave instead of text, in the user's words. */
function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'number') return 'a number that is not finite';
	return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

/** Text as given: a finite number becomes its digits; anything else that is not text is refused. */
function asText(node: INode, itemIndex: number, field: string, value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') throw invalidInput(node, itemIndex, field, `must be text (got ${kindOf(value)})`);
	return value;
}

/** A required text: trimmed, never empty or whitespace. */
export function requireText(node: INode, itemIndex: number, field: string, value: unknown): string {
	if (value === undefined || value === null) throw invalidInput(node, itemIndex, field, 'must not be empty');
	const text = asText(node, itemIndex, field, value).trim();
	if (text === '') throw invalidInput(node, itemIndex, field, 'must not be empty');
	return text;
}

/** A required BankConnect ID (entity, session, account, statement): text, trimmed, safe as one URL path segment. */
export function requireId(node: INode, itemIndex: number, field: string, value: unknown): string {
	const id = requireText(node, itemIndex, field, value);
	const problem = idProblem(id);
	if (problem !== undefined) throw invalidInput(node, itemIndex, field, problem);
	return id;
}

/** An optional text: trimmed; empty means "not given". */
export function optionalText(node: INode, itemIndex: number, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = asText(node, itemIndex, field, value).trim();
	return text === '' ? undefined : text;
}

/** An optional secret (a PDF password): exactly as given, spaces included; only "" means "not given". */
export function optionalSecret(node: INode, itemIndex: number, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = asText(node, itemIndex, field, value);
	return text === '' ? undefined : text;
}

/** `meta_data` is sent as a string: text as is, a JSON object stringified. */
export function metaDataToString(
	node: INode,
	itemIndex: number,
	format: 'text' | 'json',
	value: unknown,
): string | undefined {
	const field = 'Meta Data';
	if (format === 'text') return optionalText(node, itemIndex, field, value);
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		const json = parseJson(value);
		if (!json.ok) throw invalidInput(node, itemIndex, field, 'is not valid JSON');
		parsed = json.value;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw invalidInput(node, itemIndex, field, 'must be a JSON object');
	}
	return JSON.stringify(parsed);
}

/** An absolute http:// or https:// URL: the URL, or why the text is not one (no URL at all, or another protocol). */
export function readHttpUrl(text: string): { ok: true; url: URL } | { ok: false; protocol?: string } {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false };
	}
	return url.protocol === 'http:' || url.protocol === 'https:' ? { ok: true, url } : { ok: false, protocol: url.protocol };
}

/** Limit of a "Return All / Limit" pair: a whole number of at least 1. */
export function requireLimit(node: INode, itemIndex: number, value: unknown): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw invalidInput(node, itemIndex, 'Limit', 'must be a whole number of at least 1');
	}
	return value;
}

export const MAX_WAIT_RANGE = { min: 1, max: 3600 };

/** Max Wait in seconds, within MAX_WAIT_RANGE. */
export function requireMaxWait(node: INode, itemIndex: number, value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < MAX_WAIT_RANGE.min || value > MAX_WAIT_RANGE.max) {
		throw invalidInput(
			node,
			itemIndex,
			'Max Wait (Seconds)',
			`must be between ${MAX_WAIT_RANGE.min} and ${MAX_WAIT_RANGE.max}`,
		);
	}
	return value;
}

/** A bank identifier such as "hdfc" or "bandhan" (any of BankConnect's, in any case), returned in lowercase. */
export function requireBank(node: INode, itemIndex: number, field: string, value: unknown): string {
	const id = requireText(node, itemIndex, field, value).toLowerCase();
	if (isBankIdentifier(id)) return id;
	const suggestion = identifierOfBankName(id);
	const problem = suggestion
		? `"${id}" is a bank's name, not its identifier: use ${suggestion}`
		: `"${id}" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)`;
	throw invalidInput(node, itemIndex, field, problem);
}

export const CHECK_RATE_RANGE = { min: 1, max: 100 };

/** Max Requests per Second while waiting, within CHECK_RATE_RANGE. */
export function requireCheckRate(node: INode, itemIndex: number, value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < CHECK_RATE_RANGE.min || value > CHECK_RATE_RANGE.max) {
		throw invalidInput(node, itemIndex, 'Max Requests per Second', `must be between ${CHECK_RATE_RANGE.min} and ${CHECK_RATE_RANGE.max}`);
	}
	return value;
}
