import { addDays } from '../statements/dates';
import { monthKey, round } from './balances';
import type { ApiSalaryTransaction, ApiTransaction, MonthlyAnalysis } from './types';

/** Credit channels the monthly analysis counts on their own (`amt_<channel>_credit`, `cnt_<channel>_credit`). */
const CREDIT_CHANNELS = [
	'auto_debit_payment_bounce', 'bank_interest', 'cash_deposit', 'chq', 'international_transaction_arbitrage', 'investment_cashin',
	'net_banking_transfer', 'inward_cheque_bounce', 'refund', 'upi', 'self_transfer',
] as const;

/** Debit channels counted on their own (`amt_<channel>_debit`, `cnt_<channel>_debit`). */
const DEBIT_CHANNELS = [
	'auto_debit_payment', 'bank_charge', 'bill_payment', 'cash_withdrawl', 'chq', 'debit_card', 'international_transaction_arbitrage',
	'net_banking_transfer', 'outward_cheque_bounce', 'payment_gateway_purchase', 'upi', 'self_transfer',
] as const;

/** Credits that are not income: money coming back, arbitrage and loans. */
const NOT_INCOME_CHANNELS = new Set(['inward_cheque_bounce', 'auto_debit_payment_bounce', 'international_transaction_arbitrage']);

/** Where salary goes in the week after it arrives (`perc_salary_spend_<channel>`). */
const SALARY_SPEND_CHANNELS = ['bill_payment', 'cash_withdrawl', 'debit_card', 'net_banking_transfer', 'upi'] as const;

const SALARY_SPEND_DAYS = 7;
/** An income credit above this is a business credit (the docs' definition). */
const BUSINESS_CREDIT_ABOVE = 500;

const sum = (items: ApiTransaction[]): number => round(items.reduce((total, t) => total + t.amount, 0));
const average = (values: number[]): number => (values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : 0);

function median(values: number[]): number {
	if (!values.length) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return round(sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
}

/** The most frequent value; the smallest of equally frequent ones. */
function mode(values: number[]): number {
	const counts = new Map<number, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	let best = 0;
	let bestCount = 0;
	for (const [value, count] of [...counts].sort((a, b) => a[0] - b[0])) {
		if (count > bestCount) [best, bestCount] = [value, count];
	}
	return best;
}

/** Every field of one month, from its transactions, its end-of-day balances and its salary credits. */
function monthFields(
	month: string,
	transactions: ApiTransaction[],
	all: ApiTransaction[],
	salary: ApiSalaryTransaction[],
	eod: number[],
	opening: number,
	closing: number,
): Record<string, number> {
	const credits = transactions.filter((t) => t.transaction_type === 'credit');
	const debits = transactions.filter((t) => t.transaction_type === 'debit');
	const fields: Record<string, number> = {
		opening_balance: opening,
		closing_balance: closing,
		cnt_transactions: transactions.length,
		amt_credit: sum(credits),
		cnt_credit: credits.length,
		amt_debit: sum(debits),
		cnt_debit: debits.length,
	};
	for (const channel of CREDIT_CHANNELS) {
		const matching = credits.filter((t) => t.transaction_channel === channel);
		fields[`amt_${channel}_credit`] = sum(matching);
		fields[`cnt_${channel}_credit`] = matching.length;
	}
	for (const channel of DEBIT_CHANNELS) {
		const matching = debits.filter((t) => t.transaction_channel === channel);
		fields[`amt_${channel}_debit`] = sum(matching);
		fields[`cnt_${channel}_debit`] = matching.length;
	}
	const emi = debits.filter((t) => t.description === 'lender_transaction');
	const loanCredits = credits.filter((t) => t.description === 'lender_transaction');
	const income = credits.filter((t) => !NOT_INCOME_CHANNELS.has(t.transaction_channel) && t.description !== 'lender_transaction');
	const business = income.filter((t) => t.amount > BUSINESS_CREDIT_ABOVE);
	const creditCard = debits.filter((t) => t.description === 'credit_card_bill');
	const investment = debits.filter((t) => t.transaction_channel === 'investment');
	const bounceCharges = debits.filter((t) => t.description === 'ach_bounce_charge' || t.description === 'chq_bounce_charge');
	Object.assign(fields, {
		amt_emi_debit: sum(emi),
		cnt_emi_debit: emi.length,
		avg_emi: emi.length ? round(sum(emi) / emi.length) : 0,
		amt_emi_bounce_credit: 0,
		cnt_emi_bounce_credit: 0,
		amt_inward_cheque_bounce_insuff_funds_credit: 0,
		cnt_inward_cheque_bounce_insuff_funds_credit: 0,
		amt_outward_cheque_bounce_insuff_funds_debit: 0,
		cnt_outward_cheque_bounce_insuff_funds_debit: 0,
		amt_ach_bounce_charge: sum(debits.filter((t) => t.description === 'ach_bounce_charge')),
		cnt_ach_bounce_charge: debits.filter((t) => t.description === 'ach_bounce_charge').length,
		amt_chq_bounce_charge: sum(debits.filter((t) => t.description === 'chq_bounce_charge')),
		cnt_chq_bounce_charge: debits.filter((t) => t.description === 'chq_bounce_charge').length,
		amt_bounce_charge: sum(bounceCharges),
		cnt_bounce_charge: bounceCharges.length,
		amt_credit_card_bill_debit: sum(creditCard),
		cnt_credit_card_bill_debit: creditCard.length,
		amt_investment: sum(investment),
		cnt_investment: investment.length,
		amt_loan_credits: sum(loanCredits),
		cnt_loan_credits: loanCredits.length,
		amt_income_credit: sum(income),
		cnt_income_credit: income.length,
		amt_business_credit: sum(business),
		cnt_business_credit: business.length,
		avg_credit_transaction_size: credits.length ? round(sum(credits) / credits.length) : 0,
		avg_debit_transaction_size: debits.length ? round(sum(debits) / debits.length) : 0,
		net_cash_inflow: round(sum(credits) - sum(debits)),
		avg_bal: average(eod),
		median_balance: median(eod),
		mode_balance: mode(eod),
		max_eod_balance: eod.length ? Math.max(...eod) : opening,
		min_eod_balance: eod.length ? Math.min(...eod) : opening,
		max_bal: Math.max(opening, ...transactions.map((t) => t.balance)),
		min_bal: Math.min(opening, ...transactions.map((t) => t.balance)),
	});

	const salaryOfMonth = salary.filter((t) => t.date.startsWith(month));
	const salaryTotal = sum(salaryOfMonth);
	fields.total_amount_of_salary = salaryTotal;
	fields.number_of_salary_transactions = salaryOfMonth.length;
	for (const channel of SALARY_SPEND_CHANNELS) {
		let spent = 0;
		for (const credit of salaryOfMonth) {
			const from = credit.date.slice(0, 10);
			const until = addDays(from, SALARY_SPEND_DAYS);
			spent += sum(all.filter((t) => t.transaction_type === 'debit' && t.transaction_channel === channel && t.date.slice(0, 10) >= from && t.date.slice(0, 10) <= until));
		}
		fields[`perc_salary_spend_${channel}`] = salaryTotal ? round((spent / salaryTotal) * 100) : 0;
	}
	return fields;
}

/**
 * The monthly analysis of an account, as `monthly_analysis_updated/` and the insights give it: each
 * field maps a month key (`Oct-2023`) to its value.
 */
export function monthlyAnalysis(
	transactions: ApiTransaction[],
	salary: ApiSalaryTransaction[],
	months: string[],
	balances: { opening: Record<string, number>; closing: Record<string, number>; eod: Record<string, number[]> },
): MonthlyAnalysis {
	const analysis: Record<string, Record<string, number>> = {};
	for (const month of months) {
		const key = monthKey(month);
		const ofMonth = transactions.filter((t) => t.date.startsWith(month));
		const fields = monthFields(month, ofMonth, transactions, salary, balances.eod[key] ?? [], balances.opening[key], balances.closing[key]);
		for (const [field, value] of Object.entries(fields)) (analysis[field] ??= {})[key] = value;
	}
	analysis.opening_balance ??= {};
	analysis.closing_balance ??= {};
	return analysis as MonthlyAnalysis;
}
