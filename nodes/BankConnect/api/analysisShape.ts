import { isJsonObject, list, missingContent, object, optional } from '../transport';
import type { Content } from '../transport';
import type { AnalysisField } from './types';

/** What the node reads from each analysis answer: its records, where they are and what they must be. */
const CONTENT_OF: { [Field in AnalysisField]: Content[] } = {
	accounts: [list('accounts')],
	identity: [list('identity')],
	transactions: [list('transactions')],
	salary: [list('transactions')],
	// FinBox's own SDK reads a missing direction as none: .get("credit_transactions", [])
	recurring_transactions: [
		object('transactions'),
		optional(list('transactions', 'credit_transactions')),
		optional(list('transactions', 'debit_transactions')),
	],
	lender_transactions: [list('transactions')],
	raw_excel_report: [list('reports')],
	monthly_analysis_updated: [object('monthly_analysis')],
	monthly_analysis: [object('monthly_analysis')],
	get_expense_categories: [list('categories')],
	top_credits_debits: [object('top_5_credit_debit')],
	xlsx_report: [list('reports')],
	predictors: [list('predictors')],
	score: [list('score')],
};

/**
 * Every statement is completed: the answer must then hold the analysis. FinBox's own SDK reads the
 * records only then; beside a failed statement they may be missing, and the read says why it failed.
 */
function isComplete(progress: unknown): boolean {
	return Array.isArray(progress) && progress.length > 0 && progress.every((entry) => isJsonObject(entry) && entry.status === 'completed');
}

/** What of this analysis the answer lacks, whatever its progress, e.g. `no "transactions"`; undefined when nothing. */
export function missingRecords(field: AnalysisField, answer: unknown): string | undefined {
	return missingContent(answer, CONTENT_OF[field]);
}

/**
 * What keeps a 2xx answer from being read as this analysis, e.g. `no "transactions"`; undefined when
 * nothing does. While a statement is still processing or beside a failed one the records may be
 * missing: the read then waits, says the analysis is not ready, or names the failed statement.
 */
export function analysisAnswerProblem(field: AnalysisField, answer: unknown): string | undefined {
	const envelope = missingContent(answer, []);
	if (envelope !== undefined) return envelope;
	const progress = (answer as { progress?: unknown }).progress;
	if (progress !== undefined && progress !== null && !Array.isArray(progress)) return '"progress" that is not a list';
	return isComplete(progress) ? missingRecords(field, answer) : undefined;
}
