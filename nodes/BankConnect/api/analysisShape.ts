import { isJsonObject, list, missingContent, object } from '../transport';
import type { Content } from '../transport';
import type { AnalysisField } from './types';

/** What the node reads from each analysis answer: its records, where they are and what they must be. */
const CONTENT_OF: { [Field in AnalysisField]: Content[] } = {
	accounts: [list('accounts')],
	identity: [list('identity')],
	transactions: [list('transactions')],
	salary: [list('transactions')],
	recurring_transactions: [list('transactions', 'credit_transactions'), list('transactions', 'debit_transactions')],
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

/** Every statement has ended (completed or failed): the answer must then hold the analysis. */
function isFinished(progress: unknown): boolean {
	return Array.isArray(progress) && progress.length > 0 && progress.every((entry) => isJsonObject(entry) && entry.status !== 'processing');
}

/**
 * What keeps a 2xx answer from being read as this analysis, e.g. `no "transactions"`; undefined when
 * nothing does. While a statement is still processing the records may be missing: the read then
 * waits, or says the analysis is not ready.
 */
export function analysisAnswerProblem(field: AnalysisField, answer: unknown): string | undefined {
	const envelope = missingContent(answer, []);
	if (envelope !== undefined) return envelope;
	const progress = (answer as { progress?: unknown }).progress;
	if (progress !== undefined && progress !== null && !Array.isArray(progress)) return '"progress" that is not a list';
	return isFinished(progress) ? missingContent(answer, CONTENT_OF[field]) : undefined;
}
