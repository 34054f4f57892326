/** Shapes of the analysis the sandbox serves (the contract's field names, snake_case on purpose). */

export interface ApiTransaction {
	transaction_note: string;
	hash: string;
	description: string;
	account_id: string;
	transaction_type: 'debit' | 'credit';
	amount: number;
	/** `YYYY-MM-DD HH:MM:SS` */
	date: string;
	merchant_category: string;
	balance: number;
	transaction_channel: string;
}

export interface ApiSalaryTransaction extends ApiTransaction {
	clean_transaction_note: string;
	/** month of the salary credit as `M-YYYY`, e.g. `12-2018`, `1-2019` */
	month_year: string;
}

export interface RecurringSet {
	account_id: string;
	start_date: string;
	end_date: string;
	/** upper case, e.g. `UPI` */
	transaction_channel: string;
	median: number;
	transactions: ApiTransaction[];
}

export interface FraudEntry {
	statement_id: string;
	fraud_type: string;
	transaction_hash?: string;
}

export interface FraudReport {
	fraudulent_statements: string[];
	fraud_type: FraudEntry[];
}

export interface TopCreditsDebits {
	top_5_credit: Array<{ month: string; data: ApiTransaction[] }>;
	top_5_debit: Array<{ month: string; data: ApiTransaction[] }>;
}

/**
 * The monthly analysis: each field (`opening_balance`, `amt_upi_debit`, `avg_bal`, …) maps a month
 * key such as `Oct-2023` to its value.
 */
export type MonthlyAnalysis = { opening_balance: Record<string, number>; closing_balance: Record<string, number> } & Record<string, Record<string, number>>;

/** One spending category and its whole-percent share of the debited amount. */
export interface ExpenseCategory {
	category: string;
	percentage: number;
}

/** Everything the sandbox derives from one account's statements. */
export interface AccountAnalysis {
	transactions: ApiTransaction[];
	salary: ApiSalaryTransaction[];
	recurring: { credit_transactions: RecurringSet[]; debit_transactions: RecurringSet[] };
	lender: ApiTransaction[];
	fraud: FraudReport;
	/** `YYYY-MM`, oldest first */
	months: string[];
	/** every documented monthly field, keys like `Oct-2023` */
	monthly: MonthlyAnalysis;
	topCreditsDebits: TopCreditsDebits;
	/** `Mon-YYYY` → end-of-day balance for each day of that month */
	eodBalances: Record<string, number[]>;
	/** first and last day the statements cover, `YYYY-MM-DD`; null without statements */
	period: { fromDate: string; toDate: string } | null;
	predictors: Record<string, string | number | boolean | null>;
	/** 300–900 */
	score: number;
	expenseCategories: ExpenseCategory[];
}
