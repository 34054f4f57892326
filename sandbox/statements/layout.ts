import PDFDocument from 'pdfkit';
import { MONTH_ABBREVIATIONS } from './dates';

/** How one bank prints dates and names its table columns (the reader knows every style). */
export interface StatementStyle {
	dateFormat: DateFormat;
	columns: Record<ColumnRole, string>;
}

export type DateFormat = 'DD/MM/YY' | 'DD/MM/YYYY' | 'DD-MM-YYYY' | 'DD MMM YYYY';
export type ColumnRole = 'date' | 'narration' | 'reference' | 'debit' | 'credit' | 'balance';

export const COLUMN_ROLES: ColumnRole[] = ['date', 'narration', 'reference', 'debit', 'credit', 'balance'];

const STYLES: StatementStyle[] = [
	{
		dateFormat: 'DD/MM/YY',
		columns: { date: 'Date', narration: 'Narration', reference: 'Chq./Ref.No.', debit: 'Withdrawal Amt.', credit: 'Deposit Amt.', balance: 'Closing Balance' },
	},
	{
		dateFormat: 'DD MMM YYYY',
		columns: { date: 'Txn Date', narration: 'Description', reference: 'Ref No./Cheque No.', debit: 'Debit', credit: 'Credit', balance: 'Balance' },
	},
	{
		dateFormat: 'DD-MM-YYYY',
		columns: { date: 'Value Date', narration: 'Transaction Remarks', reference: 'Cheque Number', debit: 'Withdrawal (Dr)', credit: 'Deposit (Cr)', balance: 'Balance (INR)' },
	},
	{
		dateFormat: 'DD/MM/YYYY',
		columns: { date: 'Tran Date', narration: 'Particulars', reference: 'Chq No', debit: 'Debit', credit: 'Credit', balance: 'Balance' },
	},
];

const STYLE_OF_BANK: Record<string, number> = { hdfc: 0, sbi: 1, icici: 2, axis: 3 };

/** The print style of a bank; banks without their own style share the four above. */
export function styleOfBank(bankId: string): StatementStyle {
	const index = STYLE_OF_BANK[bankId] ?? [...bankId].reduce((sum, c) => sum + c.charCodeAt(0), 0) % STYLES.length;
	return STYLES[index];
}

/** Every header label of every style, by role (for the reader). */
export const COLUMN_LABELS: Record<ColumnRole, string[]> = Object.fromEntries(
	COLUMN_ROLES.map((role) => [role, [...new Set(STYLES.map((style) => style.columns[role]))]]),
) as Record<ColumnRole, string[]>;

/** Print a `YYYY-MM-DD` date in a bank's format. */
export function formatDate(iso: string, format: DateFormat): string {
	const [year, month, day] = iso.split('-');
	switch (format) {
		case 'DD/MM/YY':
			return `${day}/${month}/${year.slice(2)}`;
		case 'DD/MM/YYYY':
			return `${day}/${month}/${year}`;
		case 'DD-MM-YYYY':
			return `${day}-${month}-${year}`;
		case 'DD MMM YYYY':
			return `${day} ${MONTH_ABBREVIATIONS[Number(month) - 1]} ${year}`;
	}
}

/** Read a date printed in any of the formats above; null if it is not one. */
export function parsePrintedDate(text: string): string | null {
	const trimmed = text.trim();
	let match = /^(\d{2})[/-](\d{2})[/-](\d{2}|\d{4})$/.exec(trimmed);
	if (match) {
		const year = match[3].length === 2 ? `20${match[3]}` : match[3];
		return validDate(year, match[2], match[1]);
	}
	match = /^(\d{2}) ([A-Za-z]{3}) (\d{4})$/.exec(trimmed);
	if (match) {
		const month = MONTH_ABBREVIATIONS.findIndex((m) => m.toLowerCase() === match![2].toLowerCase());
		if (month < 0) return null;
		return validDate(match[3], String(month + 1).padStart(2, '0'), match[1]);
	}
	return null;
}

function validDate(year: string, month: string, day: string): string | null {
	const iso = `${year}-${month}-${day}`;
	const date = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Indian digit grouping with two decimals: 1234567.5 → "12,34,567.50". */
export function formatAmount(value: number): string {
	const negative = value < 0;
	const [whole, fraction] = Math.abs(value).toFixed(2).split('.');
	const lastThree = whole.slice(-3);
	const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
	return `${negative ? '-' : ''}${rest ? `${rest},` : ''}${lastThree}.${fraction}`;
}

/** Read an amount printed by `formatAmount` (also tolerates "Cr"/"Dr" suffixes); null if not a number. */
export function parseAmount(text: string): number | null {
	const cleaned = text.replace(/,/g, '').replace(/\s*(cr|dr)\.?$/i, '').trim();
	if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
	return Number(cleaned);
}

/** Page geometry shared by the text and image variants (A4, points). */
export const PAGE = {
	width: 595.28,
	height: 841.89,
	margin: 30,
	rowHeight: 12,
	fontSize: 7.5,
	/** left edge and width of each table column */
	columns: {
		date: { x: 30, width: 52 },
		narration: { x: 84, width: 200 },
		reference: { x: 288, width: 80 },
		debit: { x: 372, width: 62 },
		credit: { x: 438, width: 62 },
		balance: { x: 504, width: 62 },
	} as Record<ColumnRole, { x: number; width: number }>,
};

let measuringDocument: PDFKit.PDFDocument | undefined;

/** Width in points of table text in the regular font (pdfkit's built-in Helvetica metrics). */
export function tableTextWidth(text: string): number {
	measuringDocument ??= new PDFDocument({ autoFirstPage: false });
	return measuringDocument.font('Helvetica').fontSize(PAGE.fontSize).widthOfString(text);
}

/** Whether a narration fits its column with a gap, so the reader sees it apart from the reference. */
export function fitsNarrationColumn(text: string): boolean {
	return tableTextWidth(text) <= PAGE.columns.narration.width - 6;
}
