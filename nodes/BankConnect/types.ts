/** Response shapes of the BankConnect API, as in ../shared/bankconnect-api.md. */

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

export interface AnalysisResponses {
	accounts: AnalysisEnvelope;
	identity: AnalysisEnvelope & { identity: Identity[] };
	transactions: AnalysisEnvelope & { transactions: Transaction[] };
	salary: AnalysisEnvelope & { transactions: SalaryTransaction[] };
	recurring_transactions: AnalysisEnvelope & {
		transactions: { credit_transactions: RecurringSet[]; debit_transactions: RecurringSet[] };
	};
	lender_transactions: AnalysisEnvelope & { transactions: Transaction[] };
	raw_excel_report: AnalysisEnvelope & { reports: ExcelReportLink[] };
}

export type AnalysisField = keyof AnalysisResponses;

export interface BankHealth {
	bank: string;
	updated_at: string;
	health_up: boolean;
	issue_details: string | null;
}

/** 200 of the entity upload routes; without `?identity=true` only entity_id, statement_id and bank_name. */
export interface StatementUpload {
	entity_id: string;
	statement_id: string;
	bank_name: string;
	date_range?: { from_date: string | null; to_date: string | null };
	is_fraud?: boolean;
	fraud_type?: string | null;
	identity?: Identity;
}

/** 200 of `upload_session/` (the fields the node relies on; the rest passes through). */
export interface SessionStatementUpload {
	session_id: string;
	statement_id: string;
	bank_name: string;
	account_id: string;
	[key: string]: unknown;
}
