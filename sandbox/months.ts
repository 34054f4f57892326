/** Every `YYYY-MM` from the month of `from` to the month of `to` (dates as `YYYY-MM-DD...`). */
export function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let year = Number(from.slice(0, 4));
	let month = Number(from.slice(5, 7));
	const endYear = Number(to.slice(0, 4));
	const endMonth = Number(to.slice(5, 7));
	while (year < endYear || (year === endYear && month <= endMonth)) {
		months.push(`${year}-${String(month).padStart(2, '0')}`);
		month += 1;
		if (month > 12) {
			month = 1;
			year += 1;
		}
	}
	return months;
}

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
	const [y, m] = month.split('-').map(Number);
	const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${month}-${String(day).padStart(2, '0')}`;
}

/** Contiguous runs of months as `{from_date, to_date}` ranges (first to last day). */
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
