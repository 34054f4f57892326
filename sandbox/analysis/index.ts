import { createHash } from 'crypto';
import type { ParsedStatement, StatementLine } from '../statements/types';
import { coveredMonths, monthlyBalances, salaryMonthYear, topCreditsDebits } from './balances';
import { cleanSalaryNote, enrich } from './enrich';
import { expenseCategories } from './expenses';
import { monthlyAnalysis } from './monthly';
import { predictorsOf, scoreOf } from './predictors';
import { brokenBalanceLines, metadataFraud } from './fraud';
import { findRecurring } from './recurring';
import type { AccountAnalysis, ApiSalaryTransaction, ApiTransaction, FraudEntry } from './types';

export * from './types';

/** One statement of the account, as read from its PDF. */
export interface AnalysedStatementInput {
	statementId: string;
	parsed: ParsedStatement;
}

function lineKey(line: StatementLine): string {
	return JSON.stringify([line.date, line.narration, line.debit, line.credit, line.balance]);
}

/** Stable across reads and uploads: the same line of the same account always gets the same hash. */
function transactionHash(accountId: string, transaction: Omit<ApiTransaction, 'hash'>, occurrence: number): string {
	return createHash('sha256')
		.update([accountId, transaction.date, transaction.transaction_type, transaction.amount, transaction.transaction_note, occurrence].join('|'))
		.digest('hex')
		.slice(0, 32);
}

/** Transactions, salary, recurring and lender payments, fraud and balances of one account. */
export function analyseAccount(accountId: string, statements: AnalysedStatementInput[]): AccountAnalysis {
	const ordered = [...statements].sort((a, b) => (a.parsed.fromDate < b.parsed.fromDate ? -1 : a.parsed.fromDate > b.parsed.fromDate ? 1 : 0));
	const hashOfLine = new Map<string, string>();
	const occurrences = new Map<string, number>();
	const transactions: ApiTransaction[] = [];
	// Overlapping statements of one account print the same lines twice; keep each line once.
	const lines = ordered.flatMap(({ parsed }) => parsed.lines).filter((line, index, all) => {
		const key = lineKey(line);
		return all.findIndex((other) => lineKey(other) === key) === index;
	});
	lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	for (const line of lines) {
		const type = line.debit !== null ? 'debit' : 'credit';
		const base = {
			transaction_note: line.narration,
			account_id: accountId,
			transaction_type: type,
			amount: (type === 'debit' ? line.debit : line.credit) ?? 0,
			date: line.date,
			balance: line.balance,
			...enrich(line.narration, type),
		} as const;
		const identity = JSON.stringify([base.date, base.transaction_type, base.amount, base.transaction_note]);
		const occurrence = occurrences.get(identity) ?? 0;
		occurrences.set(identity, occurrence + 1);
		const transaction: ApiTransaction = { ...base, hash: transactionHash(accountId, base, occurrence) };
		hashOfLine.set(lineKey(line), transaction.hash);
		transactions.push(transaction);
	}

	const fraudEntries: FraudEntry[] = ordered.flatMap(({ statementId, parsed }) => [
		...brokenBalanceLines(parsed).map((index) => ({
			statement_id: statementId,
			fraud_type: 'inconsistent_transaction',
			transaction_hash: hashOfLine.get(lineKey(parsed.lines[index])),
		})),
		...metadataFraud(statementId, parsed),
	]);

	const months = coveredMonths(ordered.map(({ parsed }) => parsed));
	const salary: ApiSalaryTransaction[] = transactions
		.filter((t) => t.transaction_channel === 'salary')
		.map((t) => ({ ...t, clean_transaction_note: cleanSalaryNote(t.transaction_note), month_year: salaryMonthYear(t.date.slice(0, 7)) }));
	const lender = transactions.filter((t) => t.description === 'lender_transaction');
	const balances = monthlyBalances(transactions, months, ordered[0]?.parsed.openingBalance ?? null);
	const monthly = monthlyAnalysis(transactions, salary, months, {
		opening: balances.monthly.opening_balance,
		closing: balances.monthly.closing_balance,
		eod: balances.eodBalances,
	});
	const period = ordered.length
		? { fromDate: ordered.map(({ parsed }) => parsed.fromDate).sort()[0], toDate: ordered.map(({ parsed }) => parsed.toDate).sort().pop()! }
		: null;
	const first = ordered[0]?.parsed;

	return {
		transactions,
		salary,
		recurring: {
			credit_transactions: findRecurring(accountId, transactions, 'credit'),
			debit_transactions: findRecurring(accountId, transactions, 'debit'),
		},
		lender,
		fraud: {
			fraudulent_statements: [...new Set(fraudEntries.map((entry) => entry.statement_id))],
			fraud_type: fraudEntries,
		},
		months,
		monthly,
		topCreditsDebits: topCreditsDebits(transactions, months),
		eodBalances: balances.eodBalances,
		period,
		predictors: predictorsOf({ bank: first?.bank ?? '', identity: first?.identity ?? null, months, monthly, period }),
		score: scoreOf(months, monthly),
		expenseCategories: expenseCategories(transactions),
	};
}
