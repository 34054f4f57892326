/**
 * Items ready to be spreadsheet rows (issue 17, item 7): transaction items lead with date, type,
 * amount, balance, note and category and end with the IDs (same keys, new order); recurring sets
 * can come as one item per transaction; accounts can come with their lists as text.
 */
import type { IDataObject } from 'n8n-workflow';

import { HDFC, RECURRING, RESPONSES, SALARY, SBI } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { INSIGHTS, SESSION_ID } from '../../fixtures/sessions';
import { apiPath, mockApi, resetNetwork } from '../../harness/bankConnectApi';
import { runNodeOk } from '../../harness/runNode';

const READING_ORDER = ['date', 'transaction_type', 'amount', 'balance', 'transaction_note', 'merchant_category'];
const read = (operation: string, output: string) => ({ resource: 'analysis', operation, entityId: ENTITY_ID, waitForCompletion: false, output });

beforeEach(resetNetwork);

async function itemsOf(operation: string, field: keyof typeof RESPONSES, output: string): Promise<IDataObject[]> {
	mockApi().scope.get(apiPath(`/v1/entity/${ENTITY_ID}/${field}/`)).reply(200, RESPONSES[field]);
	return (await runNodeOk(read(operation, output))).map((item) => item.json);
}

describe('transaction items read like a statement: date, type, amount, balance, note, category … IDs', () => {
	test.each([
		['transactions', 'transactions', ['description', 'transaction_channel', 'is_fraud', 'fraud_types']],
		['salary', 'salary', ['description', 'transaction_channel', 'clean_transaction_note', 'month_year', 'is_fraud', 'fraud_types']],
		['lenderTransactions', 'lender_transactions', ['description', 'transaction_channel', 'is_fraud', 'fraud_types']],
	] as Array<[string, keyof typeof RESPONSES, string[]]>)('Analysis → %s', async (operation, field, middle) => {
		for (const json of await itemsOf(operation, field, 'split')) {
			expect(Object.keys(json)).toEqual([...READING_ORDER, ...middle, 'entity_id', 'account_id', 'hash']);
		}
	});

	test('Session → Get Insights, one item per transaction', async () => {
		mockApi().scope.get(apiPath(`/v1/session_data/${SESSION_ID}/insights/`)).reply(200, INSIGHTS);

		const items = await runNodeOk({ resource: 'session', operation: 'getInsights', sessionId: SESSION_ID, output: 'transactions' });

		expect(items.length).toBe(3);
		for (const { json } of items) {
			const keys = Object.keys(json);
			expect(keys.slice(0, 5)).toEqual(['date', 'transaction_type', 'amount', 'balance', 'transaction_note']);
			expect(keys.slice(-3)).toEqual(['session_id', 'account_id', 'hash']);
		}
	});
});

test('Get Recurring Transactions, One Item per Transaction of a Set: each transaction with its set’s fields', async () => {
	const items = await itemsOf('recurringTransactions', 'recurring_transactions', 'setTransactions');

	const [salarySet] = RECURRING.credit_transactions;
	const [emiSet] = RECURRING.debit_transactions;
	const setFields = (set: typeof salarySet, direction: string) => ({
		direction,
		start_date: set.start_date,
		end_date: set.end_date,
		median: set.median,
		transaction_count: set.transactions.length,
	});
	expect(items).toEqual([
		{ ...SALARY[0], ...setFields(salarySet, 'credit'), is_fraud: false, fraud_types: '', entity_id: ENTITY_ID },
		{ ...SALARY[1], ...setFields(salarySet, 'credit'), is_fraud: false, fraud_types: '', entity_id: ENTITY_ID },
		{ ...emiSet.transactions[0], ...setFields(emiSet, 'debit'), is_fraud: true, fraud_types: 'author_fraud', entity_id: ENTITY_ID },
	]);
	expect(Object.keys(items[0]).slice(0, 6)).toEqual(READING_ORDER);
	expect(items.every((item) => Object.values(item).every((value) => !Array.isArray(value) && typeof value !== 'object'))).toBe(true);
});

test('Get Accounts, One Item per Account, Lists as Text: months and statements in one cell each', async () => {
	const items = await itemsOf('accounts', 'accounts', 'rowsWithText');

	expect(items).toEqual([
		{ entity_id: ENTITY_ID, ...HDFC, months: '2026-08, 2026-09', statements: 'stmt-hdfc-1, stmt-hdfc-2', is_fraud: true, fraud_types: 'inconsistent_transaction' },
		{ entity_id: ENTITY_ID, ...SBI, months: '2026-09', statements: 'stmt-sbi-1', is_fraud: true, fraud_types: 'author_fraud' },
	]);
});

test('the split outputs saved workflows use keep their meaning: an account’s lists stay lists', async () => {
	const items = await itemsOf('accounts', 'accounts', 'split');

	expect(items.map((item) => item.months)).toEqual([HDFC.months, SBI.months]);
});
