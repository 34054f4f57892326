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

/** Everything the sandbox derives from one account's statements. */
export interface AccountAnalysis {
	transactions: ApiTransaction[];
	salary: ApiSalaryTransaction[];
	recurring: { credit_transactions: RecurringSet[]; debit_transactions: RecurringSet[] };
	lender: ApiTransaction[];
	fraud: FraudReport;
	/** `YYYY-MM`, oldest first */
	months: string[];
	/** keys like `Oct-2023` */
	monthly: { opening_balance: Record<string, number>; closing_balance: Record<string, number> };
	topCreditsDebits: TopCreditsDebits;
	/** `Mon-YYYY` → end-of-day balance for each day of that month */
	eodBalances: Record<string, number[]>;
	predictors: Record<string, number>;
}
