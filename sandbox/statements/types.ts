/** How a generated statement PDF is built: a text layer, scanned-looking images only, or cut-off bytes. */
export type StatementVariant = 'text' | 'image' | 'corrupt';

/** Transaction patterns a generated statement may contain. */
export type StatementPattern = 'salary' | 'emi' | 'recurring';

/** Everything that decides the content of a generated statement; the same spec yields the same bytes. */
export interface StatementSpec {
	/** lowercase bank identifier, e.g. `hdfc` */
	bank: string;
	months: number;
	seed: string;
	password?: string;
	variant?: StatementVariant;
	/** default: all three */
	patterns?: StatementPattern[];
	/** break the running balance once (→ `inconsistent_transaction` fraud) */
	brokenBalance?: boolean;
	/** author/creator of a PDF editing tool (→ `author_fraud`) */
	oddMetadata?: boolean;
	holder?: string;
	accountNumber?: string;
	/** last day of the period, `YYYY-MM-DD`; default: the last day of the previous month */
	endDate?: string;
	/** pad the file with text-free content to at least this many KiB */
	minSizeKb?: number;
}

/** Who and which account a statement belongs to, as printed in its header. */
export interface StatementIdentity {
	name: string | null;
	account_number: string | null;
	address: string | null;
	ifsc: string | null;
	micr: string | null;
	account_category: string | null;
}

/** One row of the statement's transaction table. */
export interface StatementLine {
	/** `YYYY-MM-DD 00:00:00` */
	date: string;
	narration: string;
	reference: string | null;
	debit: number | null;
	credit: number | null;
	balance: number;
}

/** What the sandbox extracted from a statement PDF. */
export interface ParsedStatement {
	/** lowercase bank identifier */
	bank: string;
	identity: StatementIdentity;
	/** `YYYY-MM-DD` */
	fromDate: string;
	/** `YYYY-MM-DD` */
	toDate: string;
	lines: StatementLine[];
	pageCount: number;
	metadata: { author: string | null; creator: string | null; producer: string | null };
	/** opening balance printed in the header (balance before the first line) */
	openingBalance: number | null;
	/** closing balance printed in the header */
	closingBalance: number | null;
}

/** Why a statement could not be read, as BankConnect's session error codes name it. */
export type StatementFailure =
	| 'PASSWORD_INCORRECT'
	| 'PDF_IS_IMAGE'
	| 'STATEMENT_UNSUPPORTED_FORMAT'
	| 'BANK_NAME_UNDETECTED';

/** The contract's messages for each failure (the vendor SDK matches on these exact strings). */
export const FAILURE_MESSAGES: Record<StatementFailure, string> = {
	PASSWORD_INCORRECT: 'Password incorrect',
	PDF_IS_IMAGE: 'PDF is not parsable',
	STATEMENT_UNSUPPORTED_FORMAT: 'PDF is not parsable',
	BANK_NAME_UNDETECTED: 'Unable to detect bank. Please provide BANK NAME.',
};

/** A statement the sandbox could not read; `failure` is the session error code. */
export class StatementReadError extends Error {
	constructor(
		readonly failure: StatementFailure,
		message: string = FAILURE_MESSAGES[failure],
	) {
		super(message);
		this.name = 'StatementReadError';
	}
}
