import type { IDataObject } from 'n8n-workflow';

import type { MonthlyAnalysis, MonthlyAnalysisByAccount } from '../../api';
import { isJsonObject } from '../../transport';

/** An account's entry: `{monthly_analysis: {…}}` as the docs print it, or the fields themselves. */
function analysisOf(entry: unknown): MonthlyAnalysis {
	if (!isJsonObject(entry)) return {};
	return (isJsonObject(entry.monthly_analysis) ? entry.monthly_analysis : entry) as MonthlyAnalysis;
}

/**
 * Each account's monthly analysis. The docs nest `{account_id: [{"<id>": {monthly_analysis}}]}`;
 * an object keyed by account id (with or without the inner `monthly_analysis`) is read too.
 */
export function monthlyAnalysisOfAccounts(block: MonthlyAnalysisByAccount | undefined): Array<[accountId: string, analysis: MonthlyAnalysis]> {
	if (!isJsonObject(block)) return [];
	if (Array.isArray(block.account_id)) {
		return block.account_id.flatMap((entry) => (isJsonObject(entry) ? Object.entries(entry).map(([id, value]): [string, MonthlyAnalysis] => [id, analysisOf(value)]) : []));
	}
	return Object.entries(block).map(([id, value]) => [id, analysisOf(value)]);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Aug-2020" (or "Aug-20") as 202008, to order rows by month; undefined for another form. */
function monthNumber(month: string): number | undefined {
	const match = /^([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(month);
	const index = match ? MONTHS.indexOf(match[1].toLowerCase()) : -1;
	if (!match || index < 0) return undefined;
	const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
	return year * 100 + index + 1;
}

/** The months of an analysis in calendar order (a month in another form keeps its place after them). */
function monthsOf(analysis: MonthlyAnalysis): string[] {
	const months = [...new Set(Object.values(analysis).flatMap((values) => (isJsonObject(values) ? Object.keys(values) : [])))];
	const order = (month: string) => monthNumber(month) ?? Number.MAX_SAFE_INTEGER;
	return months.map((month, index) => ({ month, index })).sort((a, b) => order(a.month) - order(b.month) || a.index - b.index).map(({ month }) => month);
}

/** One row per account and month: entity_id, account_id, month, then every field's value that month (null when absent). */
export function monthlyRows(entityId: string, block: MonthlyAnalysisByAccount | undefined): IDataObject[] {
	return monthlyAnalysisOfAccounts(block).flatMap(([accountId, analysis]) =>
		monthsOf(analysis).map((month) => {
			const row: IDataObject = { entity_id: entityId, account_id: accountId, month };
			for (const [field, values] of Object.entries(analysis)) row[field] = isJsonObject(values) ? (values[month] ?? null) : null;
			return row;
		}),
	);
}
