import { findBank } from './banks';
import { apiDateTime } from './clock';
import { monthRanges, monthsBetween } from './statements/dates';
import type { SandboxState } from './store/state';
import type { AccountRecord, SessionRecord, StatementRecord } from './store/types';

/** `DD/MM/YYYY` → `YYYY-MM-DD` is done at creation; responses use `YYYY-MM-DD`. */
export function sessionDateRange(session: SessionRecord): { from_date: string; to_date: string } {
	return { from_date: session.fromDate, to_date: session.toDate };
}

/** Months the session asks for; the to-date's month only counts after its first week. */
export function requiredMonths(session: SessionRecord): string[] {
	const months = monthsBetween(session.fromDate, session.toDate);
	if (Number(session.toDate.slice(8, 10)) <= 7 && months.length > 1) months.pop();
	return months;
}

export function statementMonths(statement: StatementRecord): string[] {
	return monthsBetween(statement.parsed.fromDate, statement.parsed.toDate);
}

export function maskAccountNumber(accountNumber: string | null): string | null {
	if (accountNumber === null) return null;
	return accountNumber.slice(0, -4).replace(/./g, 'X') + accountNumber.slice(-4);
}

function sessionStatementView(statement: StatementRecord): Record<string, unknown> {
	return {
		statement_id: statement.id,
		statement_status: statement.status,
		error_code: statement.status === 'failed' ? 'EXTRACTION_FAILED' : null,
		error_message: statement.message,
		source: 'pdf',
		upload_file_name: statement.fileName,
		statement_date_range: { from_date: statement.parsed.fromDate, to_date: statement.parsed.toDate },
		created_at: apiDateTime(statement.uploadedAt),
	};
}

function coveredMonths(statements: StatementRecord[]): string[] {
	return [...new Set(statements.flatMap(statementMonths))].sort();
}

/** An account as upload status and the session webhooks describe it. */
export function uploadStatusAccount(state: SandboxState, session: SessionRecord, account: AccountRecord): Record<string, unknown> {
	const statements = state.statementsOfAccount(account.id);
	const covered = coveredMonths(statements);
	const missing = requiredMonths(session).filter((m) => !covered.includes(m));
	return {
		account_id: account.id,
		account_number: account.accountNumber,
		bank_name: account.bank,
		account_status: missing.length === 0 ? 'COMPLETED' : 'PARTIAL',
		months: covered,
		missing_data: monthRanges(missing),
		created_at: apiDateTime(account.createdAt),
		last_updated_at: apiDateTime(account.updatedAt),
		statements: statements.map(sessionStatementView),
	};
}

export function uploadStatusView(state: SandboxState, session: SessionRecord): Record<string, unknown> {
	const statements = state.statementsOf(session.id);
	let uploadStatus = 'IN_PROGRESS';
	if (session.expired) uploadStatus = 'EXPIRED';
	else if (session.processingRequestedAt !== null) uploadStatus = 'COMPLETED';
	else if (statements.length === 0) uploadStatus = 'NO_UPLOADS';
	return {
		session_id: session.id,
		session_date_range: sessionDateRange(session),
		upload_status: uploadStatus,
		session_expiry_timestamp: apiDateTime(session.expiresAt),
		accounts: state.accountsOf(session.id).map((a) => uploadStatusAccount(state, session, a)),
		error: {},
	};
}

/** An account after processing: completed unless every statement failed (today's docs add the holder and the bank's name). */
export function processedAccount(state: SandboxState, account: AccountRecord): Record<string, unknown> {
	const statements = state.statementsOfAccount(account.id);
	const failed = statements.length > 0 && statements.every((s) => s.status === 'failed');
	const identity = statements[0]?.parsed.identity;
	return {
		name: identity?.name ?? null,
		account_category: identity?.account_category ?? null,
		bank_name: account.bank,
		account_number: account.accountNumber,
		account_id: account.id,
		account_status: failed ? 'failed' : 'completed',
		error_code: failed ? 'MISSING_TRANSACTIONS' : null,
		error_message: failed ? 'No transactions could be extracted for this account' : null,
		created_at: apiDateTime(account.createdAt),
		last_updated_at: apiDateTime(account.updatedAt),
		statements: statements.map(sessionStatementView),
		attempt_types: ['PDF'],
		account_type: identity?.account_category === 'corporate' ? 'CURRENT' : 'SAVINGS',
		full_bank_name: findBank(account.bank)?.fullName ?? account.bank,
	};
}

export function progressItems(state: SandboxState, session: SessionRecord): Array<Record<string, unknown>> {
	return state.statementsOf(session.id).map((s) => ({
		identity_status: 'completed',
		transaction_status: s.status,
		processing_status: s.status,
		fraud_status: s.status,
		statement_id: s.id,
		message: s.message,
		source: 'pdf',
	}));
}
