import type { IDataObject } from 'n8n-workflow';

/** What a person reads first on a statement line; `category` in session insights, `merchant_category` in entity reads. */
const LEADING_COLUMNS = ['date', 'transaction_type', 'amount', 'balance', 'transaction_note', 'category', 'merchant_category'];
/** IDs are for joining, not reading: they come last. */
const TRAILING_COLUMNS = ['entity_id', 'session_id', 'account_id', 'hash'];
const PLACED = new Set([...LEADING_COLUMNS, ...TRAILING_COLUMNS]);

/** A transaction, or fields set before or after it. */
type RowPart = object;

const NOTHING: RowPart = Object.freeze({});

/** The part whose value `{ ...before, ...transaction, ...after }` would hold at `key`, if any. */
function winnerOf(key: string, before: RowPart, transaction: RowPart, after: RowPart): IDataObject | undefined {
	if (Object.hasOwn(after, key)) return after as IDataObject;
	if (Object.hasOwn(transaction, key)) return transaction as IDataObject;
	return Object.hasOwn(before, key) ? (before as IDataObject) : undefined;
}

/**
 * One transaction as a spreadsheet row: the fields of `{ ...before, ...transaction, ...after }`
 * (a later part's value wins, the first part's place stays), in the order a sheet's columns should
 * read — date, type, amount, balance, note, category, the rest, then the IDs.
 */
export function transactionRow(before: RowPart, transaction: RowPart, after: RowPart = NOTHING): IDataObject {
	// read from the parts instead of merging them first: a read of 60,000 transactions would build
	// 60,000 merged objects only to throw them away
	const row: IDataObject = {};
	const place = (key: string) => {
		const winner = winnerOf(key, before, transaction, after);
		if (winner) row[key] = winner[key];
	};
	for (const key of LEADING_COLUMNS) place(key);
	for (const key in before) if (!PLACED.has(key)) place(key);
	for (const key in transaction) if (!PLACED.has(key) && !Object.hasOwn(before, key)) place(key);
	for (const key in after) if (!PLACED.has(key) && !Object.hasOwn(before, key) && !Object.hasOwn(transaction, key)) place(key);
	for (const key of TRAILING_COLUMNS) place(key);
	return row;
}

/** Lists as comma-separated text, so each value fits one cell; nothing else changes. */
export function listsAsText(fields: IDataObject): IDataObject {
	const row: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) row[key] = Array.isArray(value) ? value.join(', ') : value;
	return row;
}
