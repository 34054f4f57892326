/** The sandbox's calendar helpers on `YYYY-MM-DD` and `YYYY-MM` strings (UTC, no time zones involved). */

export const MONTH_ABBREVIATIONS = [
	'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
] as const;

export function toDate(iso: string): Date {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!match) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	if (date.toISOString().slice(0, 10) !== iso) throw new Error(`not a calendar date: ${iso}`);
	return date;
}

export function toIso(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return toIso(new Date(toDate(iso).getTime() + days * 86_400_000));
}

/** The same day `months` months later, clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
	const date = toDate(iso);
	const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
	const day = Math.min(date.getUTCDate(), daysInMonth(first.getUTCFullYear(), first.getUTCMonth()));
	return toIso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day)));
}

/** Days in a month; `month` is 0-based. */
export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The last day of the month before the one containing `now`. */
export function endOfLastMonth(now: Date = new Date()): string {
	return toIso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)));
}

/** `YYYY-MM` of a date. */
export function monthOf(iso: string): string {
	return iso.slice(0, 7);
}

/** Every `YYYY-MM` from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let cursor = `${monthOf(from)}-01`;
	while (monthOf(cursor) <= monthOf(to)) {
		months.push(monthOf(cursor));
		cursor = addMonths(cursor, 1);
	}
	return months;
}

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
	const [year, monthNumber] = month.split('-').map(Number);
	return `${month}-${String(daysInMonth(year, monthNumber - 1)).padStart(2, '0')}`;
}

/** Contiguous runs of `YYYY-MM` months as `{from_date, to_date}` ranges (first to last day). */
export function monthRanges(months: string[]): Array<{ from_date: string; to_date: string }> {
	const ranges: Array<{ from_date: string; to_date: string }> = [];
	let start: string | null = null;
	let previous: string | null = null;
	for (const month of [...months].sort()) {
		if (start !== null && previous !== null && monthsBetween(previous, month).length === 2) {
			previous = month;
			continue;
		}
		if (start !== null && previous !== null) ranges.push({ from_date: `${start}-01`, to_date: lastDayOf(previous) });
		start = month;
		previous = month;
	}
	if (start !== null && previous !== null) ranges.push({ from_date: `${start}-01`, to_date: lastDayOf(previous) });
	return ranges;
}
