import { BANKS, SandboxBank } from '../banks';
import { COLUMN_LABELS, COLUMN_ROLES, ColumnRole, parseAmount, parsePrintedDate } from './layout';
import { extractPdfText, PdfTextError, TextItem } from './pdfText';
import { ParsedStatement, StatementIdentity, StatementLine, StatementReadError } from './types';

export { closePdfReader, warmUpPdfReader } from './pdfText';

/** Items on one printed line, left to right. */
type Row = TextItem[];

/**
 * Read a statement PDF the way BankConnect would: decrypt, extract the text layer, find the
 * bank in the header, the account details and every row of the transaction table.
 */
export async function readStatementPdf(pdf: Buffer | Uint8Array, password?: string): Promise<ParsedStatement> {
	if (!looksLikePdf(pdf)) throw new StatementReadError('STATEMENT_UNSUPPORTED_FORMAT');
	let text;
	try {
		text = await extractPdfText(pdf, password || undefined);
	} catch (error) {
		if (error instanceof PdfTextError && error.pdfjsName === 'PasswordException') {
			throw new StatementReadError('PASSWORD_INCORRECT');
		}
		throw new StatementReadError('STATEMENT_UNSUPPORTED_FORMAT');
	}
	const pages = text.pages.map(toRows);
	if (pages.every((rows) => rows.length === 0)) throw new StatementReadError('PDF_IS_IMAGE');

	const firstPage = pages[0] ?? [];
	const bank = detectBank(firstPage);
	if (!bank) throw new StatementReadError('BANK_NAME_UNDETECTED');

	// Only the account block above the table holds `Label:` fields; narrations must not be read as labels.
	const tableTop = findTableHeader(firstPage)?.headerY ?? -Infinity;
	const fields = headerFields(firstPage.filter((row) => row[0].y > tableTop));
	const lines = pages.flatMap(tableLines);
	if (lines.length === 0) throw new StatementReadError('STATEMENT_UNSUPPORTED_FORMAT');
	const period = parsePeriod(fields.get('statement period'));
	return {
		bank: bank.id,
		identity: identityOf(fields),
		fromDate: period?.from ?? lines[0].date.slice(0, 10),
		toDate: period?.to ?? lines[lines.length - 1].date.slice(0, 10),
		lines,
		pageCount: text.pageCount,
		metadata: text.metadata,
		openingBalance: parseAmount(fields.get('opening balance') ?? ''),
		closingBalance: parseAmount(fields.get('closing balance') ?? ''),
	};
}

function looksLikePdf(pdf: Buffer | Uint8Array): boolean {
	const head = Buffer.from(pdf.buffer, pdf.byteOffset, Math.min(pdf.byteLength, 1024)).toString('latin1');
	return head.includes('%PDF-');
}

/** Group items into printed lines (same baseline), top of the page first. */
function toRows(items: TextItem[]): Row[] {
	const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
	const rows: Row[] = [];
	for (const item of sorted) {
		const row = rows[rows.length - 1];
		if (row && Math.abs(row[0].y - item.y) < 2) row.push(item);
		else rows.push([item]);
	}
	return rows.map((row) => row.sort((a, b) => a.x - b.x));
}

function rowText(row: Row): string {
	return row.map((item) => item.str.trim()).join(' ');
}

/** The bank whose full name is printed in the header; the longest name wins ("Central Bank of India" over "Bank of India"). */
function detectBank(rows: Row[]): SandboxBank | undefined {
	const header = rows.slice(0, 8).map((row) => rowText(row).toLowerCase());
	const byLength = [...BANKS].sort((a, b) => b.fullName.length - a.fullName.length);
	for (const line of header) {
		const exact = byLength.find((bank) => line === bank.fullName.toLowerCase());
		if (exact) return exact;
	}
	return byLength.find((bank) => header.some((line) => containsWord(line, bank.fullName.toLowerCase())));
}

function containsWord(text: string, phrase: string): boolean {
	const at = text.indexOf(phrase);
	if (at < 0) return false;
	const before = text[at - 1];
	const after = text[at + phrase.length];
	return (before === undefined || !/[a-z]/.test(before)) && (after === undefined || !/[a-z]/.test(after));
}

/** `Label:` items followed by their value items, keyed by the lowercase label without the colon. */
function headerFields(rows: Row[]): Map<string, string> {
	const fields = new Map<string, string>();
	for (const row of rows) {
		let label: string | null = null;
		for (const item of row) {
			const str = item.str.trim();
			if (str.endsWith(':')) {
				label = str.slice(0, -1).trim().toLowerCase();
				fields.set(label, '');
			} else if (label !== null) {
				const previous = fields.get(label)!;
				fields.set(label, previous ? `${previous} ${str}` : str);
			}
		}
	}
	return fields;
}

function identityOf(fields: Map<string, string>): StatementIdentity {
	const value = (...labels: string[]) => {
		for (const label of labels) {
			const found = fields.get(label);
			if (found) return found;
		}
		return null;
	};
	return {
		name: value('account name', 'name', 'customer name'),
		account_number: value('account number', 'account no', 'a/c no'),
		address: value('address'),
		ifsc: value('ifsc code', 'ifsc'),
		micr: value('micr code', 'micr'),
		account_category: value('account category')?.toLowerCase() ?? null,
	};
}

function parsePeriod(text: string | undefined): { from: string; to: string } | null {
	const match = text ? /^(.+?)\s+(?:to|-)\s+(.+)$/i.exec(text) : null;
	if (!match) return null;
	const from = parsePrintedDate(match[1]);
	const to = parsePrintedDate(match[2]);
	return from && to ? { from, to } : null;
}

/** Where each column starts on a page, taken from its table header row. */
interface TableColumns {
	headerY: number;
	starts: Array<{ role: ColumnRole; x: number }>;
}

function findTableHeader(rows: Row[]): TableColumns | null {
	for (const row of rows) {
		const starts: Array<{ role: ColumnRole; x: number }> = [];
		for (const item of row) {
			const label = item.str.trim().toLowerCase();
			const role = COLUMN_ROLES.find((r) => COLUMN_LABELS[r].some((l) => l.toLowerCase() === label));
			if (role && !starts.some((s) => s.role === role)) starts.push({ role, x: item.x });
		}
		if (starts.some((s) => s.role === 'date') && starts.some((s) => s.role === 'balance') && starts.length >= 4) {
			return { headerY: row[0].y, starts: starts.sort((a, b) => a.x - b.x) };
		}
	}
	return null;
}

/** Every transaction row below the page's table header; rows without a date in the date column are skipped. */
function tableLines(rows: Row[]): StatementLine[] {
	const table = findTableHeader(rows);
	if (!table) return [];
	const lines: StatementLine[] = [];
	for (const row of rows) {
		if (row[0].y >= table.headerY) continue;
		const cells = new Map<ColumnRole, string>();
		for (const item of row) {
			const column = [...table.starts].reverse().find((start) => start.x <= item.x + 1);
			if (!column) continue;
			const previous = cells.get(column.role);
			cells.set(column.role, previous ? `${previous} ${item.str.trim()}` : item.str.trim());
		}
		const date = parsePrintedDate(cells.get('date') ?? '');
		const balance = parseAmount(cells.get('balance') ?? '');
		if (!date || balance === null) continue;
		lines.push({
			date: `${date} 00:00:00`,
			narration: cells.get('narration') ?? '',
			reference: cells.get('reference') || null,
			debit: parseAmount(cells.get('debit') ?? ''),
			credit: parseAmount(cells.get('credit') ?? ''),
			balance,
		});
	}
	return lines;
}
