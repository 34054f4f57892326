import { MONTH_ABBREVIATIONS } from '../statements/dates';
import type { StatementIdentity } from '../statements/types';
import { monthKey, round } from './balances';
import type { MonthlyAnalysis } from './types';

/** Predictors cover the latest twelve months: `month_0` is the latest, `month_11` the oldest. */
const PREDICTOR_MONTHS = 12;

/** `2023-10` → `Oct-23`, the predictors' and EOD balances' month format. */
export function shortMonth(month: string): string {
	return `${MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1]}-${month.slice(2, 4)}`;
}

/** `2023-10-05` → `05-Oct-23`. */
export function shortDate(date: string): string {
	return `${date.slice(8, 10)}-${shortMonth(date.slice(0, 7))}`;
}

/** What predictors say about the account beyond its numbers. */
export interface PredictorsInput {
	bank: string;
	identity: StatementIdentity | null;
	months: string[];
	monthly: MonthlyAnalysis;
	period: { fromDate: string; toDate: string } | null;
}

/**
 * Account-level predictors in the documented style: identity fields, then per-month figures
 * indexed from the latest month (`income_0`, `expense_0`, `bal_last_0`, …, null past the data),
 * then aggregates.
 */
export function predictorsOf(input: PredictorsInput): Record<string, string | number | boolean | null> {
	const { monthly } = input;
	const latestFirst = [...input.months].reverse();
	const value = (field: string, month: string | undefined): number | null => (month === undefined ? null : (monthly[field]?.[monthKey(month)] ?? 0) as number);
	const predictors: Record<string, string | number | boolean | null> = {
		customer_name: input.identity?.name ?? null,
		bank_name: input.bank,
		account_type: input.identity?.account_category ?? null,
		accountnumber: input.identity?.account_number ?? null,
		ifsc_code: input.identity?.ifsc ?? null,
		ccod_limit: 0,
		start_date: input.period ? shortDate(input.period.fromDate) : null,
		end_date: input.period ? shortDate(input.period.toDate) : null,
	};
	for (let i = 0; i < PREDICTOR_MONTHS; i += 1) {
		const month = latestFirst[i];
		const income = value('amt_income_credit', month);
		const expense = value('amt_debit', month);
		predictors[`month_${i}`] = month === undefined ? null : shortMonth(month);
		predictors[`income_${i}`] = income;
		predictors[`expense_${i}`] = expense;
		predictors[`debits_${i}`] = value('cnt_debit', month);
		predictors[`bal_last_${i}`] = value('closing_balance', month);
		predictors[`avg_balance_${i}`] = value('avg_bal', month);
		predictors[`total_emi_${i}`] = value('amt_emi_debit', month);
		predictors[`expense_to_income_ratio_${i}`] = income && expense !== null ? round(expense / income) : null;
	}
	const keys = input.months.map(monthKey);
	const total = (field: string) => keys.reduce((sum, key) => sum + ((monthly[field]?.[key] as number | undefined) ?? 0), 0);
	const count = Math.max(keys.length, 1);
	const income = total('amt_income_credit');
	const minBalances = keys.map((key) => (monthly.min_eod_balance?.[key] as number | undefined) ?? 0);
	Object.assign(predictors, {
		total_emi_ecs_loan: round(total('amt_emi_debit')),
		avg_monthly_income: round(income / count),
		avg_monthly_expense: round(total('amt_debit') / count),
		avg_monthly_closing_balance: round(total('closing_balance') / count),
		avg_of_avg_monthly_bal_12months: round(keys.slice(-PREDICTOR_MONTHS).reduce((sum, key) => sum + ((monthly.avg_bal?.[key] as number | undefined) ?? 0), 0) / Math.min(count, PREDICTOR_MONTHS)),
		avg_expense_to_income_perc: income ? round((total('amt_debit') / income) * 100) : null,
		number_of_salary_months: keys.filter((key) => ((monthly.number_of_salary_transactions?.[key] as number | undefined) ?? 0) > 0).length,
		total_outward_bounce_6months: 0,
		min_bal_lt1000_twice_each_6months: minBalances.slice(-6).length > 0 && minBalances.slice(-6).every((balance) => balance < 1000),
		min_bal_lt5000_twice_each_6months: minBalances.slice(-6).length > 0 && minBalances.slice(-6).every((balance) => balance < 5000),
	});
	return predictors;
}

/**
 * The account's BankConnect score, 300–900: higher with a steady salary, a cushion of balance
 * against spending and a light EMI load. The sandbox's own formula: the vendor's is not public.
 */
export function scoreOf(months: string[], monthly: MonthlyAnalysis): number {
	if (months.length === 0) return 300;
	const keys = months.map(monthKey);
	const avg = (field: string) => keys.reduce((sum, key) => sum + ((monthly[field]?.[key] as number | undefined) ?? 0), 0) / keys.length;
	const salaryShare = keys.filter((key) => ((monthly.number_of_salary_transactions?.[key] as number | undefined) ?? 0) > 0).length / keys.length;
	const spending = Math.max(avg('amt_debit'), 1);
	const cushion = Math.min(avg('avg_bal') / spending, 1);
	const income = avg('amt_income_credit');
	const emiLoad = income > 0 ? Math.min(avg('amt_emi_debit') / income, 1) : 1;
	return Math.round(300 + 250 * salaryShare + 250 * cushion + 100 * (1 - emiLoad));
}
