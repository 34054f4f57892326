import type { IDataObject } from 'n8n-workflow';

/** What a person reads first on a statement line; `category` in session insights, `merchant_category` in entity reads. */
const LEADING_COLUMNS = ['date', 'transaction_type', 'amount', 'balance', 'transaction_note', 'category', 'merchant_category'];
/** IDs are for joining, not reading: they come last. */
const TRAILING_COLUMNS = ['entity_id', 'session_id', 'account_id', 'hash'];
const PLACED = new Set([...LEADING_COLUMNS, ...TRAILING_COLUMNS]);

/**
 * One transaction as a spreadsheet row: the same fields, in the order a sheet's columns should
 * read — date, type, amount, balance, note, category, the rest, then the IDs.
 */
export function transactionRow(fields: IDataObject): IDataObject {
	const row: IDataObject = {};
	for (const key of LEADING_COLUMNS) if (key in fields) row[key] = fields[key];
	for (const [key, value] of Object.entries(fields)) if (!PLACED.has(key)) row[key] = value;
	for (const key of TRAILING_COLUMNS) if (key in fields) row[key] = fields[key];
	return row;
}

/** Lists as comma-separated text, so each value fits one cell; nothing else changes. */
export function listsAsText(fields: IDataObject): IDataObject {
	const row: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) row[key] = Array.isArray(value) ? value.join(', ') : value;
	return row;
}
