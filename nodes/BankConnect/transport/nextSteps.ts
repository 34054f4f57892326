/**
 * What the user should do next about a BankConnect failure, in their words. The README's
 * "Troubleshooting by error code" table is checked against these maps by a test.
 */

/** For a failure only FinBox can explain: a 500, or an answer the node cannot read. */
export const SUPPORT_NEXT_STEP = 'run again later; if it keeps failing, send FinBox support the time and the IDs in this error';

/** One next step per BankConnect error code (upload, session, session-create and account/statement failure codes). */
export const NEXT_STEP_BY_CODE: Readonly<Record<string, string>> = {
	// Uploads (entity and session routes)
	PASSWORD_INCORRECT: "set PDF Password to the statement's password (often printed in the bank's e-mail)",
	PDF_IS_IMAGE: "upload the bank's original e-statement PDF, not a scan or a photo of it",
	STATEMENT_UNSUPPORTED_FORMAT: "upload the bank's original e-statement PDF; this layout is not supported yet",
	BANK_NAME_UNDETECTED: 'set Bank to Known Bank and choose the bank of the statement',
	BANK_NAME_MISMATCH: 'choose the bank the statement is from in Bank Name or ID, or set Bank to Detect Automatically',
	STATEMENT_DUPLICATE: 'nothing to resend: this statement is already uploaded; read the analysis of its entity or session',
	OUT_OF_DATE_RANGE: "upload a statement covering the session's dates, or create the session with a wider From Date and To Date",
	INVALID_FILE_OBJECT: 'point Input Binary Field at the binary field that holds the PDF',
	MISSING_FILE_OBJECT: 'point Input Binary Field at the binary field that holds the PDF, or give a File URL',
	INVALID_FILE_URL: 'give a File URL starting with http:// or https:// that BankConnect can download',
	INVALID_BASE_64: 'give the whole PDF as base64 text in Base64 Content (no file name, no quotes)',
	INVALID_ACCOUNT_CATEGORY: 'upload a statement of a savings, current or overdraft account',
	TRIAL_PERIOD_EXPIRED: 'ask FinBox to extend your trial or move the account to a paid plan, then run again',
	// Reading and processing a session
	SESSION_NOT_FOUND: 'check Session ID: use the session_id that Session → Create returned',
	SESSION_DELETED: 'create a new session; a deleted session cannot be read again',
	SESSION_EXPIRED: 'create a new session, with a longer Session Expiry if customers need more time',
	SESSION_CLOSED: 'create a new session for more statements; this one is already being processed',
	ACCESS_DENIED: 'use the credential of the BankConnect account that created this session or entity',
	PROCESSING_NOT_REQUESTED: 'run Session → Initiate Processing first',
	PROCESSING_NOT_COMPLETED: 'wait for processing: turn on Process and Wait, or Session → Get Progress with Wait for Completion',
	DUPLICATE_PROCESSING_REQUEST:
		'nothing to do: it is already requested; for an item instead of an error, turn on Options → Accept Already Requested',
	// Creating a session
	INVALID_DATE_FORMAT: 'give From Date and To Date as dates, or as DD/MM/YYYY text',
	INVALID_DATE_RANGE: 'set From Date earlier than To Date',
	MISSING_DATE_FIELD: 'set both From Date and To Date, or neither (the last six months)',
	INVALID_BANK_NAME: 'choose the bank from the Bank Name or ID list, or use an ID such as hdfc',
	MISSING_BANK_NAME: 'choose a bank in Bank Name or ID: it is required when Mode is set',
	MODE_NOT_AVAILABLE: 'choose another Mode; this bank does not offer it (see the bank catalogue)',
	MODE_NOT_ENABLED: 'leave Mode empty, or ask FinBox to enable this mode for your account',
	// Why an account or statement of a session failed (error_code in Get Status and in webhooks)
	MISSING_TRANSACTIONS: 'ask the customer to upload statements that cover the missing dates',
	INCOMPLETE_MONTHS: 'ask the customer to upload statements for the missing months',
	INCOMPLETE_MONTHS_UPLOAD: 'ask the customer to upload statements for the missing months',
	INCOMPLETE_DATES_UPLOAD: 'ask the customer to upload statements that cover the missing dates',
	NULL_ACCOUNT_NUMBER: "upload the bank's original e-statement, which shows the account number",
	BALANCE_MISMATCH: "upload the bank's original e-statement; the balances in this one do not add up",
	STATEMENT_TOO_MANY_PAGES: 'split the period into shorter statements (e.g. one per quarter) and upload each',
	NO_TRANSACTIONS_FROM_AA: 'ask the customer to upload a PDF statement instead of Account Aggregator',
	EXTRACTION_FAILED: "upload the bank's original e-statement PDF again; if it fails again, send the statement_id to FinBox support",
	STATEMENT_NO_TRANSACTIONS: 'upload a statement that has transactions in its period',
};

/** A next step by HTTP status, for failures whose code has none (or has no code). */
export const NEXT_STEP_BY_STATUS: Readonly<Record<number, string>> = {
	400: 'correct the field named in the message and run again',
	401: 'check the API key and Server Hash of the BankConnect credential',
	402: 'ask FinBox to extend your trial or move the account to a paid plan, then run again',
	403: 'use the credential of the BankConnect account that owns this data, or ask FinBox to enable the feature',
	404: 'check the ID: copy it from the output of the node that created it',
	409: 'nothing to resend: BankConnect already has this request',
	410: 'create it again; deleted data cannot be read',
	413: 'upload a smaller PDF (split a long period into shorter statements)',
	429: 'run fewer items at once or wait a minute and run again: BankConnect is limiting requests',
	500: SUPPORT_NEXT_STEP,
	502: 'run again in a few minutes: BankConnect or a proxy before it is unavailable',
	503: 'run again in a few minutes: BankConnect is unavailable',
	504: 'run again in a few minutes: BankConnect did not answer in time',
};

/** The entity routes' "PDF is not parsable" has no code: it means an image-only or a damaged PDF. */
const NEXT_STEP_BY_MESSAGE: Array<[RegExp, string]> = [
	[/^PDF is not parsable/i, "upload the bank's original e-statement PDF, not a scan, a photo or a re-saved copy"],
];

/** The one next step for a failure: by code first, then by message, then by status; undefined when none fits. */
export function nextStepFor(code: string | null, status: number, message = ''): string | undefined {
	if (code && NEXT_STEP_BY_CODE[code]) return NEXT_STEP_BY_CODE[code];
	const byMessage = NEXT_STEP_BY_MESSAGE.find(([pattern]) => pattern.test(message));
	if (byMessage) return byMessage[1];
	return NEXT_STEP_BY_STATUS[status];
}
