import { analysisOf } from './accountAnalysis';
import { counterparty } from './analysis/enrich';
import { monthKey } from './analysis/balances';
import { shortDate, shortMonth } from './analysis/predictors';
import type { AccountAnalysis, ApiSalaryTransaction, ApiTransaction, RecurringSet } from './analysis/types';
import { monthRanges } from './statements/dates';
import type { SandboxState } from './store/state';
import type { AccountRecord, SessionRecord } from './store/types';
import { requiredMonths, sessionDateRange } from './sessionViews';
import { firstStatement, fraudView } from './views';

/** What a transaction is for, in the words today's insights use (`category`). */
function categoryOf(t: ApiTransaction): string {
	if (t.transaction_channel === 'salary') return 'Salary';
	if (t.description === 'lender_transaction') return t.transaction_type === 'debit' ? 'Loan Repayment' : 'Loan Disbursed';
	if (t.merchant_category) return t.merchant_category[0].toUpperCase() + t.merchant_category.slice(1);
	if (t.transaction_channel === 'cash_withdrawl') return 'Cash Withdrawal';
	if (t.transaction_channel === 'cash_deposit') return 'Cash Deposit';
	if (t.transaction_channel === 'bank_charge') return 'Bank Charges';
	if (t.transaction_channel === 'bank_interest') return 'Interest';
	if (t.transaction_channel === 'bill_payment') return 'Bills';
	const party = counterparty(t.transaction_note);
	return t.transaction_type === 'debit' ? `Transfer to ${party}` : `Transfer from ${party}`;
}

/** A transaction as today's insights print it: channel and description under `metadata`, plus `category`. */
export function insightsTransaction(t: ApiTransaction, date: string = t.date): Record<string, unknown> {
	return {
		transaction_type: t.transaction_type,
		transaction_note: t.transaction_note,
		chq_num: '',
		amount: t.amount,
		balance: t.balance,
		date,
		hash: t.hash,
		category: categoryOf(t),
		metadata: { unclean_merchant: counterparty(t.transaction_note), transaction_channel: t.transaction_channel, description: t.description },
	};
}

/** A transaction inside a recurring set or the lender list: flat channel and merchant, plus `category`. */
function flatTransaction(t: ApiTransaction): Record<string, unknown> {
	return {
		transaction_type: t.transaction_type,
		transaction_note: t.transaction_note,
		chq_num: '',
		amount: t.amount,
		balance: t.balance,
		date: t.date,
		transaction_channel: t.transaction_channel,
		hash: t.hash,
		merchant_category: t.merchant_category,
		description: t.description,
		category: categoryOf(t),
	};
}

/** A salary credit of today's insights: `employer_name` and `salary_month` (`Aug-2025`, the month it came in). */
function salaryTransaction(t: ApiSalaryTransaction): Record<string, unknown> {
	const { metadata, ...rest } = insightsTransaction(t);
	return { ...rest, category: 'Salary', employer_name: t.clean_transaction_note || null, salary_month: monthKey(t.date.slice(0, 7)), metadata };
}

function recurringSet(set: RecurringSet): Record<string, unknown> {
	return {
		account_id: set.account_id,
		transaction_channel: set.transaction_channel,
		clean_transaction_note: counterparty(set.transactions[0]?.transaction_note ?? ''),
		median: set.median,
		start_date: set.start_date,
		end_date: set.end_date,
		transactions: set.transactions.map(flatTransaction),
	};
}

/** The docs' list form: `[{type: 'top_5_debit', data: [{month: 'Aug-25', data: [transaction]}]}, {type: 'top_5_credit', …}]`. */
function topCreditsDebitsList(analysis: AccountAnalysis): Array<Record<string, unknown>> {
	return (['top_5_debit', 'top_5_credit'] as const).map((type) => ({
		type,
		data: analysis.topCreditsDebits[type].map(({ month, data }) => ({
			month: `${month.slice(0, 4)}${month.slice(-2)}`,
			data: data.map((t) => insightsTransaction(t, shortDate(t.date.slice(0, 10)))),
		})),
	}));
}

/**
 * End-of-day balances in the docs' form: `Months_order` (`Aug-25`…), each month's first covered day,
 * then one balance per calendar day, null outside the statements' period.
 */
export function eodBalancesView(analysis: AccountAnalysis): Record<string, unknown> {
	const view: Record<string, unknown> = { Months_order: analysis.months.map(shortMonth) };
	const period = analysis.period;
	view.start_date = analysis.months.map((month) => shortDate(period && period.fromDate.startsWith(month) ? period.fromDate : `${month}-01`));
	for (const month of analysis.months) {
		const days = analysis.eodBalances[monthKey(month)] ?? [];
		view[shortMonth(month)] = days.map((balance, index) => {
			const day = `${month}-${String(index + 1).padStart(2, '0')}`;
			return period && day >= period.fromDate && day <= period.toDate ? balance : null;
		});
	}
	const firstMonth = analysis.months[0];
	view.starting_balance = firstMonth ? (analysis.monthly.opening_balance[monthKey(firstMonth)] ?? null) : null;
	return view;
}

function accountDetails(state: SandboxState, session: SessionRecord, account: AccountRecord, analysis: AccountAnalysis): Record<string, unknown> {
	const identity = firstStatement(state, account)?.parsed.identity;
	const statements = state.statementsOfAccount(account.id);
	const covered = new Set(analysis.months);
	const transactionDates = analysis.transactions.map((t) => t.date.slice(0, 10));
	return {
		name: identity?.name ?? null,
		address: identity?.address ?? null,
		metadata_analysis: { name_matches: [] },
		account_category: identity?.account_category ?? null,
		account_number: account.accountNumber,
		account_opening_date: null,
		bank: account.bank,
		credit_limit: 0,
		ifsc: identity?.ifsc ?? null,
		micr: identity?.micr ?? null,
		missing_data: monthRanges(requiredMonths(session).filter((month) => !covered.has(month))),
		od_limit: 0,
		salary_confidence: analysis.salary.length > 0 ? 100 : 0,
		statements: statements.map((s) => s.id),
		months: analysis.months,
		uploaded_months: analysis.months,
		country_code: 'IN',
		currency_code: 'INR',
		dob: '',
		email: '',
		pan_number: '',
		phone_number: '',
		account_status: '',
		holder_type: '',
		account_date_range: { from_date: analysis.period?.fromDate ?? null, to_date: analysis.period?.toDate ?? null },
		transaction_date_range: { from_date: transactionDates[0] ?? null, to_date: transactionDates.at(-1) ?? null },
	};
}

/** One account of today's `insights/`: `{account_id, data: {account_details, fraud, transactions, …, xlsx_report_url}}`. */
export function currentInsightsAccount(state: SandboxState, session: SessionRecord, account: AccountRecord, xlsxReportUrl: string): Record<string, unknown> {
	const analysis = analysisOf(state, account.id);
	const fraud = fraudView([analysis]);
	const statements = state.statementsOfAccount(account.id);
	return {
		account_id: account.id,
		data: {
			account_details: accountDetails(state, session, account, analysis),
			fraud: [...new Set(fraud.fraud_type.map((f) => f.fraud_type))],
			fraud_details: { statement: fraud.fraud_type, account: [] },
			transactions: analysis.transactions.map((t) => insightsTransaction(t)),
			salary_transactions: analysis.salary.map(salaryTransaction),
			recurring_transactions: {
				debit_transactions: analysis.recurring.debit_transactions.map(recurringSet),
				credit_transactions: analysis.recurring.credit_transactions.map(recurringSet),
			},
			lender_transactions: analysis.lender.map(flatTransaction),
			top_credits_debits: topCreditsDebitsList(analysis),
			statement_stats: statements.map((s) => ({
				session_id: session.id,
				account_id: account.id,
				statement_id: s.id,
				first_transaction_timestamp: s.parsed.lines[0]?.date ?? null,
				last_transaction_timestamp: s.parsed.lines.at(-1)?.date ?? null,
				bank: s.bank,
				source: 'PDF',
				upload_file_name: s.fileName,
				page_count: s.parsed.pageCount,
				transaction_count: s.parsed.lines.length,
				from_date: `${s.parsed.fromDate} 00:00:00`,
				to_date: `${s.parsed.toDate} 00:00:00`,
				is_scanned_pdf: false,
			})),
			expense_categories: analysis.expenseCategories,
			self_and_sister_transactions: analysis.transactions.filter((t) => t.transaction_channel === 'self_transfer').map(flatTransaction),
			bounced_or_penal_transactions: [],
			monthly_analysis: analysis.monthly,
			predictors: analysis.predictors,
			eod_balances: eodBalancesView(analysis),
			score: analysis.score,
			xlsx_report_url: xlsxReportUrl,
		},
	};
}

/** Every account's monthly fields added up month by month (what `aggregate_monthly_analysis` holds). */
export function aggregateMonthlyAnalysis(analyses: AccountAnalysis[]): Record<string, Record<string, number>> {
	const aggregate: Record<string, Record<string, number>> = {};
	for (const analysis of analyses) {
		for (const [field, months] of Object.entries(analysis.monthly)) {
			for (const [month, value] of Object.entries(months)) {
				const fieldTotals = (aggregate[field] ??= {});
				fieldTotals[month] = Math.round(((fieldTotals[month] ?? 0) + value) * 100) / 100;
			}
		}
	}
	return aggregate;
}

/** The whole of today's `insights/`. */
export function currentInsights(
	state: SandboxState,
	session: SessionRecord,
	reportUrl: (account: AccountRecord) => string,
	aggregateReportUrl: string,
): Record<string, unknown> {
	const accounts = state.accountsOf(session.id);
	return {
		session_id: session.id,
		link_id: session.linkId,
		session_date_range: sessionDateRange(session),
		accounts: accounts.map((a) => currentInsightsAccount(state, session, a, reportUrl(a))),
		aggregate_monthly_analysis: aggregateMonthlyAnalysis(accounts.map((a) => analysisOf(state, a.id))),
		aggregate_xlsx_report_url: aggregateReportUrl,
	};
}

/** One account of the pre-2024 `subscribed_data/` (accounts keyed by account_id), as the sandbox always served it. */
export function legacyInsightsAccount(state: SandboxState, account: AccountRecord): Record<string, unknown> {
	const analysis = analysisOf(state, account.id);
	const identity = firstStatement(state, account)?.parsed.identity;
	return {
		account_details: [
			{
				account_id: account.id,
				account_number: account.accountNumber,
				bank_name: account.bank,
				name: identity?.name ?? null,
				address: identity?.address ?? null,
				ifsc: identity?.ifsc ?? null,
				micr: identity?.micr ?? null,
				account_category: identity?.account_category ?? null,
				months: analysis.months,
			},
		],
		fraud: fraudView([analysis]),
		transactions: analysis.transactions,
		salary_transactions: analysis.salary,
		recurring_transactions: analysis.recurring,
		lender_transactions: analysis.lender,
		top_credits_debits: analysis.topCreditsDebits,
		monthly_analysis: {
			opening_balance: analysis.monthly.opening_balance,
			closing_balance: analysis.monthly.closing_balance,
		},
		predictors: analysis.predictors,
		eod_balances: analysis.eodBalances,
	};
}
