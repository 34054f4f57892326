/** Response shapes of the BankConnect API, as docs/bankconnect-api.md describes them. */

export interface Entity {
	entity_id: string;
	link_id: string | null;
	meta_data: string | null;
}

export interface EntityPage {
	count: number;
	next: string | null;
	previous: string | null;
	results: Entity[];
}

export interface LinkOverview {
	link_id: string;
	progress_data: Array<{ entity_id: string; months: string[]; bank: string | null }>;
}

export interface StatementPdf {
	statement_id: string;
	bank_name: string;
	pdf_password: string | null;
	pdf_url: string;
	account_id: string;
}

export interface StatementPdfList {
	statements: StatementPdf[];
}

export type StatementProgressStatus = 'processing' | 'completed' | 'failed';

export interface StatementProgress {
	status: StatementProgressStatus;
	message: string | null;
	statement_id: string;
}

export interface Account {
	account_id: string;
	account_number: string | null;
	bank: string | null;
	ifsc: string | null;
	micr: string | null;
	months: string[];
	statements: string[];
}

export interface FraudSummary {
	fraudulent_statements: string[];
	fraud_type: Array<{ statement_id: string; fraud_type: string; transaction_hash?: string }>;
}

/** The envelope every analysis read shares. */
export interface AnalysisEnvelope {
	entity_id: string;
	progress: StatementProgress[];
	accounts: Account[];
	fraud: FraudSummary;
}

export interface Transaction {
	transaction_note: string;
	hash: string;
	description: string;
	account_id: string;
	transaction_type: 'debit' | 'credit';
	amount: number;
	date: string;
	merchant_category: string;
	balance: number;
	transaction_channel: string;
}

export interface SalaryTransaction extends Transaction {
	clean_transaction_note: string;
	month_year: string;
}

export interface Identity {
	account_id: string;
	account_number: string | null;
	name: string | null;
	address: string | null;
}

export interface RecurringSet {
	account_id: string;
	start_date: string;
	end_date: string;
	transaction_channel: string;
	median: number;
	transactions: Transaction[];
}

export interface ExcelReportLink {
	link: string;
	account_id: string;
}

/** The envelope of the reads only FinBox's current docs show: entity and progress (whose entries also carry `source`). */
export interface CurrentReadEnvelope {
	entity_id: string;
	progress: StatementProgress[];
	/** monthly analysis lists the accounts too */
	accounts?: Account[];
}

/** One field of a monthly analysis, by month as "Aug-2020", e.g. `opening_balance`. */
export type MonthlyValues = Record<string, number | null>;

/** An account's monthly analysis: about 95 fields (balances, EOD, per-channel amt_/cnt_, salary…), each by month. */
export type MonthlyAnalysis = Record<string, MonthlyValues>;

/**
 * `monthly_analysis` of monthly_analysis_updated/: the docs nest one object per account, keyed by
 * its id, in a list under the literal key "account_id". Read tolerantly (see monthlyAnalysisOfAccounts).
 */
export interface MonthlyAnalysisByAccount {
	account_id?: Array<Record<string, { monthly_analysis?: MonthlyAnalysis }>>;
	[key: string]: unknown;
}

export interface ExpenseCategory {
	category: string;
	/** whole percent; the categories add up to 100 */
	percentage: number;
}

/** Top five credit or debit notes by month ("Jan-21"), each with its amount. */
export type TopByMonth = Record<string, Record<string, number>>;

export interface AccountPredictors {
	account_id: string;
	predictors: Record<string, unknown>;
}

export interface AccountScore {
	account_id: string;
	/** 300–900 */
	score: number;
}

export interface AnalysisResponses {
	accounts: AnalysisEnvelope;
	identity: AnalysisEnvelope & { identity: Identity[] };
	transactions: AnalysisEnvelope & { transactions: Transaction[] };
	salary: AnalysisEnvelope & { transactions: SalaryTransaction[] };
	recurring_transactions: AnalysisEnvelope & {
		/** a direction without sets may be missing (FinBox's SDK reads it as none) */
		transactions: { credit_transactions?: RecurringSet[]; debit_transactions?: RecurringSet[] };
	};
	lender_transactions: AnalysisEnvelope & { transactions: Transaction[] };
	raw_excel_report: AnalysisEnvelope & { reports: ExcelReportLink[] };
	monthly_analysis_updated: CurrentReadEnvelope & { monthly_analysis: MonthlyAnalysisByAccount };
	/** the path before 2023-07; read as the current one */
	monthly_analysis: CurrentReadEnvelope & { monthly_analysis: MonthlyAnalysisByAccount };
	get_expense_categories: CurrentReadEnvelope & { categories: ExpenseCategory[] };
	top_credits_debits: CurrentReadEnvelope & { top_5_credit_debit: { top_5_credit?: TopByMonth; top_5_debit?: TopByMonth } };
	/** empty while a statement is processing */
	xlsx_report: CurrentReadEnvelope & { reports: ExcelReportLink[] };
	/** empty while a statement is processing */
	predictors: CurrentReadEnvelope & { predictors: AccountPredictors[] };
	/** empty while a statement is processing */
	score: CurrentReadEnvelope & { score: AccountScore[] };
}

/** The reads that take the optional `?account_id=` filter. */
export type AccountFilteredField = 'transactions' | 'salary' | 'recurring_transactions' | 'lender_transactions' | 'get_expense_categories';

export type AnalysisField = keyof AnalysisResponses;

export interface BankHealth {
	bank: string;
	/** `YYYY-MM-DD HH:MM:SS`, UTC */
	updated_at: string;
	health_up: boolean;
	issue_details: string | null;
}

/** Which webhook an account setting belongs to: the classic entity flow or the session flow. */
export type WebhookFlow = 'entity' | 'session';

/** One delivery of `GET /v1/entity/webhook_payloads/`, as the entity webhook sent (or tried to send) it. */
export interface WebhookPayloadRecord {
	entity_id: string;
	statement_id: string;
	link_id: string | null;
	progress: 'completed' | 'failed';
	reason: string | null;
	/** `YYYY-MM-DD HH:MM:SS` */
	date_time: string;
}

export interface WebhookPayloadList {
	payloads: WebhookPayloadRecord[];
}

/** 200 of `POST /v1/session/` and `POST /v2/session/` (whose redirect_url carries `&token=<hash>`: use it as given). */
export interface CreatedSession {
	session_id: string;
	redirect_url: string;
}

export interface SessionStatement {
	statement_id: string;
	statement_status: string;
	error_code: string | null;
	error_message: string | null;
	[key: string]: unknown;
}

export interface SessionUploadAccount {
	account_id: string;
	account_number: string | null;
	bank_name: string | null;
	account_status: 'PARTIAL' | 'COMPLETED';
	statements: SessionStatement[];
	[key: string]: unknown;
}

/** 200 of `session_upload_status/`. */
export interface SessionUploadStatus {
	session_id: string;
	upload_status: 'NO_UPLOADS' | 'IN_PROGRESS' | 'COMPLETED' | 'EXPIRED';
	accounts: SessionUploadAccount[];
	[key: string]: unknown;
}

/** One account of `session_status/`. */
export interface SessionAccountStatus {
	account_id: string;
	account_status: 'completed' | 'failed';
	error_code: string | null;
	error_message: string | null;
	[key: string]: unknown;
}

/** 200 of `session_status/`. */
export interface SessionStatus {
	session_id: string;
	accounts: SessionAccountStatus[];
	/** current docs: whether insights/ can be read */
	insights_available?: boolean;
	[key: string]: unknown;
}

/** 202 of `initiate_processing/`. */
export interface SessionProcessingRequest {
	session_id: string;
	message: string;
}

export interface SessionStatementProgress {
	statement_id: string;
	processing_status: string;
	message: string | null;
	[key: string]: unknown;
}

/** 200 of `progress/`. */
export interface SessionProgress {
	session_id: string;
	session_progress: 'processing' | 'completed';
	progress: SessionStatementProgress[];
}

/** A transaction of today's `insights/`: channel and description moved under `metadata`, plus a `category`. */
export interface InsightsTransaction {
	transaction_type: 'debit' | 'credit';
	transaction_note: string;
	chq_num: string;
	amount: number;
	balance: number;
	date: string;
	hash: string;
	category: string;
	metadata: { unclean_merchant: string; transaction_channel: string; description: string };
}

/** One account's analysis in `insights/`; balances are keyed by month, e.g. "Oct-2023". */
export interface SessionAccountInsights {
	/** `Transaction`s before 2024, `InsightsTransaction`s since */
	transactions?: Array<Transaction | InsightsTransaction>;
	monthly_analysis?: {
		opening_balance?: Record<string, number | null>;
		closing_balance?: Record<string, number | null>;
	};
	[key: string]: unknown;
}

/** One entry of today's `insights/` accounts list. */
export interface SessionInsightsAccount {
	account_id: string;
	data: SessionAccountInsights;
}

/**
 * 200 of `insights/`: since 2024 `accounts` is a list of `{account_id, data}` beside `link_id` and
 * aggregate fields; before, an object keyed by account_id. Both are read.
 */
export interface SessionInsights {
	session_id: string;
	accounts: SessionInsightsAccount[] | Record<string, SessionAccountInsights>;
	[key: string]: unknown;
}

/** One bank of `GET /v1/banks/catalogue/`; `name` is the identifier (upper case in the docs). */
export interface CatalogueBank {
	name: string;
	full_name: string;
	npci_code: string | null;
	logo_url: string;
	is_pdf_upload_available: boolean;
	is_net_banking_available: boolean;
	is_aa_available: boolean;
}

/** 200 of `GET /v1/banks/catalogue/`. */
export interface BankCatalogue {
	count: number;
	banks: CatalogueBank[];
}

/** One account holder of the session read `identity/`. */
export interface SessionIdentity {
	account_id: string;
	name: string | null;
	address: string | null;
	account_number: string | null;
	bank_name: string | null;
	ifsc: string | null;
	micr: string | null;
	[key: string]: unknown;
}

/** 200 of the session read `identity/`. */
export interface SessionIdentityRead {
	session_id: string;
	accounts: SessionAccountStatus[];
	identity: SessionIdentity[];
	[key: string]: unknown;
}

/** 200 of the session read `xlsx_report/`: one detailed workbook link per account, valid one hour. */
export interface SessionExcelReports {
	session_id: string;
	reports: ExcelReportLink[];
	[key: string]: unknown;
}

/** 200 of a session read whose body FinBox does not publish (transactions/, predictors/…): passed on whole. */
export interface SessionDataRead {
	session_id: string;
	[key: string]: unknown;
}
