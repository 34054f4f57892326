/**
 * The text of a date or date-and-time field: a string as typed (trimmed), a Date or a Luxon
 * DateTime from an expression in ISO form (`YYYY-MM-DD` for a date); undefined for anything else.
 * A Luxon DateTime is recognised by the method asked of it (`toISODate` or `toISO`).
 */
export function dateInputText(value: unknown, part: 'date' | 'dateTime'): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		const iso = value.toISOString();
		return part === 'date' ? iso.slice(0, 10) : iso;
	}
	const method = part === 'date' ? 'toISODate' : 'toISO';
	const toText = (value as Record<string, unknown> | null | undefined)?.[method];
	if (typeof toText === 'function') return (toText.call(value) as string | null) ?? undefined;
	return undefined;
}
