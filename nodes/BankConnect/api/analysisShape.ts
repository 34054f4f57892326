import type { AnalysisField } from './types';

type Kind = 'list' | 'object';

interface Content {
	/** e.g. ['transactions', 'credit_transactions'] */
	path: string[];
	kind: Kind;
}

const list = (...path: string[]): Content => ({ path, kind: 'list' });
const object = (...path: string[]): Content => ({ path, kind: 'object' });

/** What the node reads from each analysis answer: its records, by where they are and what they must be. */
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

function kindOf(value: unknown): Kind | undefined {
	if (Array.isArray(value)) return 'list';
	return typeof value === 'object' && value !== null ? 'object' : undefined;
}

function valueAt(answer: unknown, path: string[]): unknown {
	return path.reduce<unknown>((at, key) => (kindOf(at) === 'object' ? (at as Record<string, unknown>)[key] : undefined), answer);
}

/** Every statement has ended (completed or failed): the answer must then hold the analysis. */
function isFinished(progress: unknown): boolean {
	return (
		Array.isArray(progress) &&
		progress.length > 0 &&
		progress.every((entry) => kindOf(entry) === 'object' && (entry as { status?: unknown }).status !== 'processing')
	);
}

/**
 * What keeps a 2xx answer from being read as this analysis, e.g. `no "transactions" list`; undefined
 * when nothing does. While a statement is still processing the records may be missing: the read
 * then waits, or says the analysis is not ready.
 */
export function analysisAnswerProblem(field: AnalysisField, answer: unknown): string | undefined {
	if (kindOf(answer) !== 'object') return 'a body that is not a JSON object';
	const progress = (answer as { progress?: unknown }).progress;
	if (progress !== undefined && progress !== null && !Array.isArray(progress)) return '"progress" that is not a list';
	if (!isFinished(progress)) return undefined;
	for (const { path, kind } of CONTENT_OF[field]) {
		const value = valueAt(answer, path);
		const name = `"${path.join('.')}"`;
		if (value === undefined || value === null) return `no ${name} ${kind}`;
		if (kindOf(value) !== kind) return `${name} that is not ${kind === 'list' ? 'a list' : 'an object'}`;
	}
	return undefined;
}
