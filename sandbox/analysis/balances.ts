import { daysInMonth, MONTH_ABBREVIATIONS, monthsBetween } from '../statements/dates';
import type { ApiTransaction, TopCreditsDebits } from './types';

/** `2023-10` → `Oct-2023`, the key format of monthly analysis. */
export function monthKey(month: string): string {
	return `${MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1]}-${month.slice(0, 4)}`;
}

/** `2018-12` → `12-2018`, `2019-01` → `1-2019`: the salary month as the contract's examples print it. */
export function salaryMonthYear(month: string): string {
	return `${Number(month.slice(5, 7))}-${month.slice(0, 4)}`;
}

/** Balance before the first transaction: the statement's opening balance, else undone from the first line. */
function startingBalance(transactions: ApiTransaction[], opening: number | null): number {
	if (opening !== null) return opening;
	const first = transactions[0];
	if (!first) return 0;
	return round(first.balance + (first.transaction_type === 'debit' ? first.amount : -first.amount));
}

/** Opening and closing balance of every month, plus each day's closing balance. */
export function monthlyBalances(transactions: ApiTransaction[], months: string[], opening: number | null) {
	const opening_balance: Record<string, number> = {};
	const closing_balance: Record<string, number> = {};
	const eod: Record<string, number[]> = {};
	let balance = startingBalance(transactions, opening);
	let cursor = 0;
	for (const month of months) {
		const key = monthKey(month);
		opening_balance[key] = balance;
		const [year, monthNumber] = month.split('-').map(Number);
		const days: number[] = [];
		for (let day = 1; day <= daysInMonth(year, monthNumber - 1); day++) {
			const date = `${month}-${String(day).padStart(2, '0')}`;
			while (cursor < transactions.length && transactions[cursor].date.slice(0, 10) <= date) {
				balance = transactions[cursor].balance;
				cursor++;
			}
			days.push(balance);
		}
		eod[key] = days;
		closing_balance[key] = balance;
	}
	return { monthly: { opening_balance, closing_balance }, eodBalances: eod };
}

/** The five largest credits and debits of each month. */
export function topCreditsDebits(transactions: ApiTransaction[], months: string[]): TopCreditsDebits {
	const top = (type: 'credit' | 'debit') =>
		months.map((month) => ({
			month: monthKey(month),
			data: transactions
				.filter((t) => t.transaction_type === type && t.date.startsWith(month))
				.sort((a, b) => b.amount - a.amount)
				.slice(0, 5),
		}));
	return { top_5_credit: top('credit'), top_5_debit: top('debit') };
}

/** Every `YYYY-MM` covered by the statements' periods. */
export function coveredMonths(periods: Array<{ fromDate: string; toDate: string }>): string[] {
	const months = new Set<string>();
	for (const period of periods) for (const month of monthsBetween(period.fromDate, period.toDate)) months.add(month);
	return [...months].sort();
}

export function round(value: number): number {
	return Math.round(value * 100) / 100;
}
