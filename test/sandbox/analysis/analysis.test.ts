import { analyseAccount } from '../../../sandbox/analysis';
import { monthKey as monthKeyOf } from '../../../sandbox/analysis/balances';
import { composeStatement } from '../../../sandbox/statements/compose';
import { generateStatementPdf } from '../../../sandbox/statements/generate';
import { closePdfReader, readStatementPdf } from '../../../sandbox/statements/read';
import type { ParsedStatement, StatementSpec } from '../../../sandbox/statements/types';

afterAll(() => closePdfReader());

async function read(spec: StatementSpec): Promise<ParsedStatement> {
	return readStatementPdf(await generateStatementPdf(spec), spec.password);
}

const SIX_MONTHS: StatementSpec = { bank: 'hdfc', months: 6, seed: 'analysis', endDate: '2024-05-31' };
const MONTHS = ['2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];

describe('analyseAccount on a statement read from its PDF', () => {
	let parsed: ParsedStatement;
	beforeAll(async () => {
		parsed = await read(SIX_MONTHS);
	});

	test('every line becomes an enriched transaction with a stable hash', () => {
		const analysis = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		expect(analysis.transactions).toHaveLength(parsed.lines.length);
		const first = analysis.transactions[0];
		const line = parsed.lines[0];
		expect(first).toMatchObject({
			transaction_note: line.narration,
			account_id: 'acc-1',
			transaction_type: line.debit !== null ? 'debit' : 'credit',
			amount: line.debit ?? line.credit,
			date: line.date,
			balance: line.balance,
		});
		expect(first.hash).toMatch(/^[0-9a-f]{32}$/);
		expect(new Set(analysis.transactions.map((t) => t.hash)).size).toBe(analysis.transactions.length);
		expect(analyseAccount('acc-1', [{ statementId: 'other-id', parsed }]).transactions.map((t) => t.hash)).toEqual(
			analysis.transactions.map((t) => t.hash),
		);
		expect(analyseAccount('acc-2', [{ statementId: 'st-1', parsed }]).transactions[0].hash).not.toBe(first.hash);

		const byNote = (pattern: RegExp) => analysis.transactions.find((t) => pattern.test(t.transaction_note))!;
		expect(byNote(/^UPI\/NETFLIX/)).toMatchObject({ transaction_channel: 'upi', merchant_category: 'entertainment', amount: 649 });
		expect(byNote(/^ATM WDL/)).toMatchObject({ transaction_channel: 'cash_withdrawl', transaction_type: 'debit' });
		expect(byNote(/ELECTRICITY$/)).toMatchObject({ transaction_channel: 'bill_payment', description: 'electric_bill', merchant_category: 'bills' });
		expect(byNote(/^SMS ALERT CHARGES/)).toMatchObject({ transaction_channel: 'bank_charge', amount: 17.7 });
		expect(byNote(/^CREDIT INTEREST/)).toMatchObject({ transaction_channel: 'bank_interest', transaction_type: 'credit' });
	});

	test('salary: one credit a month from the employer, with its clean note and month', () => {
		const analysis = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		const salaryLines = parsed.lines.filter((line) => line.narration.endsWith('-SALARY'));
		const employer = salaryLines[0].narration.replace(/^NEFT-/, '').replace(/-SALARY$/, '');
		expect(analysis.salary.map((t) => [t.month_year, t.clean_transaction_note, t.amount, t.transaction_channel])).toEqual(
			['12-2023', '1-2024', '2-2024', '3-2024', '4-2024', '5-2024'].map((month) => [month, employer, salaryLines[0].credit, 'salary']),
		);
	});

	test('lender transactions are exactly the monthly EMI debits', () => {
		const analysis = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		const emiLines = parsed.lines.filter((line) => /^ACH\/.*\/EMI$/.test(line.narration));
		expect(emiLines).toHaveLength(6);
		expect(analysis.lender.map((t) => [t.transaction_note, t.amount, t.description, t.merchant_category])).toEqual(
			emiLines.map((line) => [line.narration, line.debit, 'lender_transaction', 'loans']),
		);
	});

	test('recurring sets: salary among credits; EMI, rent, Netflix and electricity among debits, with medians', () => {
		const analysis = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		const salarySet = analysis.recurring.credit_transactions.find((set) => set.transaction_channel === 'SALARY')!;
		expect(salarySet).toMatchObject({ account_id: 'acc-1', median: analysis.salary[0].amount });
		expect(salarySet.transactions).toHaveLength(6);
		const debitSet = (pattern: RegExp) => analysis.recurring.debit_transactions.find((set) => pattern.test(set.transactions[0].transaction_note));
		expect(debitSet(/^UPI\/NETFLIX/)).toMatchObject({ transaction_channel: 'UPI', median: 649 });
		expect(debitSet(/^ACH\//)).toMatchObject({ transaction_channel: 'AUTO_DEBIT_PAYMENT', median: analysis.lender[0].amount });
		const rent = debitSet(/^IMPS\/RENT\//)!;
		expect(rent.transaction_channel).toBe('NET_BANKING_TRANSFER');
		expect(rent.transactions.map((t) => t.date.slice(0, 7))).toEqual(MONTHS);
		const electricity = debitSet(/ELECTRICITY$/)!;
		const amounts = electricity.transactions.map((t) => t.amount).sort((a, b) => a - b);
		expect(electricity.median).toBe(Math.round(((amounts[2] + amounts[3]) / 2) * 100) / 100);
		expect(electricity.start_date).toBe(electricity.transactions[0].date);
		expect(electricity.end_date).toBe(electricity.transactions[5].date);
		expect(analysis.recurring.debit_transactions.some((set) => /^ATM/.test(set.transactions[0].transaction_note))).toBe(false);
	});

	test('months, monthly opening/closing balances and end-of-day balances', () => {
		const analysis = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		expect(analysis.months).toEqual(MONTHS);
		expect(analysis.monthly.opening_balance['Dec-2023']).toBe(parsed.openingBalance);
		expect(analysis.monthly.closing_balance['May-2024']).toBe(parsed.closingBalance);
		const lastOfJanuary = parsed.lines.filter((line) => line.date.startsWith('2024-01')).pop()!;
		expect(analysis.monthly.closing_balance['Jan-2024']).toBe(lastOfJanuary.balance);
		expect(analysis.monthly.opening_balance['Feb-2024']).toBe(lastOfJanuary.balance);
		expect(analysis.eodBalances['Feb-2024']).toHaveLength(29);
		expect(analysis.eodBalances['May-2024'][30]).toBe(parsed.closingBalance);
		expect(analysis.topCreditsDebits.top_5_credit[0]).toMatchObject({ month: 'Dec-2023' });
		expect(analysis.topCreditsDebits.top_5_credit[0].data[0].transaction_channel).toBe('salary');
		expect(analysis.fraud).toEqual({ fraudulent_statements: [], fraud_type: [] });
		expect(analysis.monthly.cnt_transactions).toEqual(Object.fromEntries(MONTHS.map((month) => [monthKeyOf(month), parsed.lines.filter((line) => line.date.startsWith(month)).length])));
		expect(analysis.predictors).toMatchObject({ month_0: 'May-24', month_5: 'Dec-23', month_6: null, bal_last_0: parsed.closingBalance });
	});
});

describe('the current docs\' figures: monthly analysis, expense categories, predictors, score', () => {
	let parsed: ParsedStatement;
	beforeAll(async () => {
		parsed = await read(SIX_MONTHS);
	});

	test('monthly analysis: counts and amounts add up from the transactions of each month, per channel too', () => {
		const analysis = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		const { monthly } = analysis;
		for (const month of MONTHS) {
			const key = monthKeyOf(month);
			const ofMonth = analysis.transactions.filter((t) => t.date.startsWith(month));
			const total = (items: typeof ofMonth) => Math.round(items.reduce((sum, t) => sum + t.amount, 0) * 100) / 100;
			const credits = ofMonth.filter((t) => t.transaction_type === 'credit');
			const debits = ofMonth.filter((t) => t.transaction_type === 'debit');
			expect([key, monthly.amt_credit[key], monthly.cnt_credit[key], monthly.amt_debit[key], monthly.cnt_debit[key]]).toEqual([key, total(credits), credits.length, total(debits), debits.length]);
			expect(monthly.amt_upi_debit[key]).toBe(total(debits.filter((t) => t.transaction_channel === 'upi')));
			expect(monthly.cnt_cash_withdrawl_debit[key]).toBe(debits.filter((t) => t.transaction_channel === 'cash_withdrawl').length);
			expect(monthly.amt_emi_debit[key]).toBe(total(debits.filter((t) => t.description === 'lender_transaction')));
			expect(monthly.net_cash_inflow[key]).toBe(Math.round((total(credits) - total(debits)) * 100) / 100);
			expect(monthly.total_amount_of_salary[key]).toBe(total(analysis.salary.filter((t) => t.date.startsWith(month))));
			const eod = analysis.eodBalances[key];
			expect(monthly.min_eod_balance[key]).toBe(Math.min(...eod));
			expect(monthly.max_eod_balance[key]).toBe(Math.max(...eod));
			expect(monthly.avg_bal[key]).toBe(Math.round((eod.reduce((a, b) => a + b, 0) / eod.length) * 100) / 100);
		}
		// every field the docs list for monthly_analysis_updated/ is there
		for (const field of ['amt_auto_debit_payment_debit', 'amt_bill_payment_debit', 'amt_income_credit', 'cnt_business_credit', 'avg_emi', 'median_balance', 'mode_balance', 'perc_salary_spend_upi', 'amt_credit_card_bill_debit', 'cnt_loan_credits']) {
			expect(Object.keys(monthly[field])).toEqual(MONTHS.map(monthKeyOf));
		}
		expect(Object.keys(monthly).length).toBeGreaterThanOrEqual(90);
	});

	test('expense categories: whole percentages of the debited amount that add up to 100', () => {
		const { expenseCategories, transactions } = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		expect(expenseCategories.reduce((sum, c) => sum + c.percentage, 0)).toBe(100);
		expect(expenseCategories.every((c) => Number.isInteger(c.percentage) && c.percentage > 0)).toBe(true);
		expect(expenseCategories.map((c) => c.percentage)).toEqual([...expenseCategories.map((c) => c.percentage)].sort((a, b) => b - a));
		const debited = transactions.filter((t) => t.transaction_type === 'debit').reduce((sum, t) => sum + t.amount, 0);
		const loans = transactions.filter((t) => t.transaction_type === 'debit' && t.description === 'lender_transaction').reduce((sum, t) => sum + t.amount, 0);
		expect(Math.abs(expenseCategories.find((c) => c.category === 'Loans')!.percentage - (loans / debited) * 100)).toBeLessThan(1);
	});

	test('predictors run from the latest month (month_0) back, with identity; the score is 300–900', () => {
		const analysis = analyseAccount('acc-1', [{ statementId: 'st-1', parsed }]);
		expect(analysis.predictors).toMatchObject({
			customer_name: parsed.identity.name,
			accountnumber: parsed.identity.account_number,
			ifsc_code: parsed.identity.ifsc,
			bank_name: 'hdfc',
			start_date: '01-Dec-23',
			end_date: '31-May-24',
			month_0: 'May-24',
			income_0: analysis.monthly.amt_income_credit['May-2024'],
			expense_0: analysis.monthly.amt_debit['May-2024'],
			bal_last_5: analysis.monthly.closing_balance['Dec-2023'],
			month_11: null,
			income_11: null,
		});
		expect(analysis.score).toBeGreaterThanOrEqual(300);
		expect(analysis.score).toBeLessThanOrEqual(900);
		expect(analyseAccount('acc-1', []).score).toBe(300);
	});
});

describe('fraud', () => {
	test('a broken running balance yields inconsistent_transaction with that transaction hash', async () => {
		const spec: StatementSpec = { bank: 'yesbnk', months: 4, seed: 'fraud', endDate: '2024-04-30', brokenBalance: true };
		const broken = composeStatement(spec).brokenBalanceIndex!;
		const parsed = await read(spec);
		const analysis = analyseAccount('acc-9', [{ statementId: 'st-broken', parsed }]);
		expect(analysis.fraud).toEqual({
			fraudulent_statements: ['st-broken'],
			fraud_type: [{ statement_id: 'st-broken', fraud_type: 'inconsistent_transaction', transaction_hash: analysis.transactions[broken].hash }],
		});
	});

	test('editing-tool metadata yields author_fraud', async () => {
		const parsed = await read({ bank: 'federal', months: 1, seed: 'odd', endDate: '2024-04-30', oddMetadata: true });
		expect(analyseAccount('acc-9', [{ statementId: 'st-odd', parsed }]).fraud).toEqual({
			fraudulent_statements: ['st-odd'],
			fraud_type: [{ statement_id: 'st-odd', fraud_type: 'author_fraud' }],
		});
	});
});

describe('several statements of one account', () => {
	test('consecutive statements join into one history; an overlapping one adds no duplicates', async () => {
		const spec = { bank: 'sbi', seed: 'joined', accountNumber: '30001234567', holder: 'Neha Joshi' };
		const early = await read({ ...spec, months: 2, endDate: '2024-02-29' });
		const late = await read({ ...spec, months: 2, endDate: '2024-04-30' });
		const analysis = analyseAccount('acc-3', [
			{ statementId: 'late', parsed: late },
			{ statementId: 'early', parsed: early },
			{ statementId: 'again', parsed: late },
		]);
		expect(analysis.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
		expect(analysis.transactions).toHaveLength(early.lines.length + late.lines.length);
		expect(analysis.transactions[0].date).toBe(early.lines[0].date);
		expect(analysis.transactions[analysis.transactions.length - 1].date).toBe(late.lines[late.lines.length - 1].date);
	});
});
