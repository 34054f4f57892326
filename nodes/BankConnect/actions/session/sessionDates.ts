import type { INode } from 'n8n-workflow';

import { dateInputText } from '../../helpers/dateInput';
import { invalidInput } from '../../transport';

/** A calendar date as `YYYY-MM-DD`, which sorts as text. */
export type IsoDate = string;

function isoIfReal(year: string, month: string, day: string): IsoDate | undefined {
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
		return undefined;
	}
	return `${year}-${month}-${day}`;
}

function isoOfText(text: string): IsoDate | undefined {
	const indian = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
	if (indian) return isoIfReal(indian[3], indian[2], indian[1]);
	// n8n's date picker and ISO timestamps: the calendar date as written, whatever the time zone
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
	if (iso) return isoIfReal(iso[1], iso[2], iso[3]);
	return undefined;
}

/** A date field: n8n's date picker, an ISO text, `DD/MM/YYYY` text, a Date or a Luxon DateTime from an expression. */
export function optionalSessionDate(node: INode, itemIndex: number, field: string, value: unknown): IsoDate | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = dateInputText(value, 'date');
	const iso = text === undefined ? undefined : isoOfText(text);
	if (iso === undefined) {
		throw invalidInput(node, itemIndex, field, 'must be a date, e.g. 2026-05-01 or 01/05/2026 (DD/MM/YYYY)');
	}
	return iso;
}

/** `YYYY-MM-DD` → the API's `DD/MM/YYYY`. */
export function toApiDate(date: IsoDate): string {
	const [year, month, day] = date.split('-');
	return `${day}/${month}/${year}`;
}

/** Today in the workflow's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The same day six months earlier, clamped to the month's last day (31 Aug → 28/29 Feb). */
export function sixMonthsBefore(date: IsoDate): IsoDate {
	const [year, month, day] = date.split('-').map(Number);
	const first = new Date(Date.UTC(year, month - 1 - 6, 1));
	const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(day, lastDay));
	return first.toISOString().slice(0, 10);
}
