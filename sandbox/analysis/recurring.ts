import { counterparty } from './enrich';
import type { ApiTransaction, RecurringSet } from './types';

const DAY_MS = 86_400_000;

/** Same counterparty, same direction, similar amounts, about once a month, at least three times. */
export function findRecurring(accountId: string, transactions: ApiTransaction[], type: 'debit' | 'credit'): RecurringSet[] {
	const groups = new Map<string, ApiTransaction[]>();
	for (const transaction of transactions) {
		if (transaction.transaction_type !== type || transaction.transaction_channel === 'cash_withdrawl') continue;
		const key = counterparty(transaction.transaction_note);
		groups.set(key, [...(groups.get(key) ?? []), transaction]);
	}
	const sets: RecurringSet[] = [];
	for (const group of groups.values()) {
		if (group.length < 3) continue;
		const gaps = group.slice(1).map((t, i) => (Date.parse(`${t.date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${group[i].date.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
		const typicalGap = median(gaps);
		if (typicalGap < 20 || typicalGap > 40 || Math.min(...gaps) < 18) continue;
		if (variation(group.map((t) => t.amount)) > 0.4) continue;
		sets.push({
			account_id: accountId,
			start_date: group[0].date,
			end_date: group[group.length - 1].date,
			transaction_channel: group[0].transaction_channel.toUpperCase(),
			median: median(group.map((t) => t.amount)),
			transactions: group,
		});
	}
	return sets.sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : b.median - a.median));
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return Math.round(value * 100) / 100;
}

/** Coefficient of variation: standard deviation over mean. */
function variation(values: number[]): number {
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length;
	return mean === 0 ? 0 : Math.sqrt(variance) / mean;
}
