/**
 * The entity reads only FinBox's current docs show (monthly analysis, expense categories, top
 * credits and debits, predictors, score) and the Account ID filter of the transaction reads:
 * exact requests and items, through the engine against nock.
 */
import type { IDataObject } from 'n8n-workflow';

import { EXPENSE_CATEGORIES, HDFC, PREDICTORS, RESPONSES, SBI, SCORES, progress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { analysisRead, expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';

const paired = (json: IDataObject) => ({ json, pairedItem: { item: 0 } });
const entityPath = (field: string) => `/v1/entity/${ENTITY_ID}/${field}/`;

beforeEach(resetNetwork);

describe('Analysis → Get Monthly Analysis', () => {
	const ROWS = [
		{ entity_id: ENTITY_ID, account_id: HDFC.account_id, month: 'Aug-2026', opening_balance: 5771.52, closing_balance: 271.52, cnt_salary_credit: 1 },
		{ entity_id: ENTITY_ID, account_id: HDFC.account_id, month: 'Sep-2026', opening_balance: 271.52, closing_balance: 253.82, cnt_salary_credit: 1 },
		{ entity_id: ENTITY_ID, account_id: SBI.account_id, month: 'Sep-2026', opening_balance: 900, closing_balance: 860 },
	];

	test('the current path by default: one item per account and month, every field a column', async () => {
		const api = mockApi();
		api.scope.get(apiPath(entityPath('monthly_analysis_updated'))).reply(200, RESPONSES.monthly_analysis_updated);

		const items = await runNodeOk(analysisRead('monthlyAnalysis'));

		expect(requestLines(api.requests)).toEqual([`GET ${entityPath('monthly_analysis_updated')}`]);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual(ROWS.map(paired));
	});

	test('the path before July 2023 is read the same way; Whole Response passes the answer on', async () => {
		const api = mockApi();
		api.scope.get(apiPath(entityPath('monthly_analysis'))).times(2).reply(200, RESPONSES.monthly_analysis);

		expect(await runNodeOk(analysisRead('monthlyAnalysis', { path: 'legacy' }))).toEqual(ROWS.map(paired));
		expect(await runNodeOk(analysisRead('monthlyAnalysis', { path: 'legacy', output: 'whole' }))).toEqual([paired(RESPONSES.monthly_analysis as unknown as IDataObject)]);
		expect(requestLines(api.requests)).toEqual([`GET ${entityPath('monthly_analysis')}`, `GET ${entityPath('monthly_analysis')}`]);
	});

	test('tolerant reader: accounts keyed by id, months out of order and a field missing a month', async () => {
		mockApi()
			.scope.get(apiPath(entityPath('monthly_analysis_updated')))
			.reply(200, {
				entity_id: ENTITY_ID,
				progress: progress('completed'),
				monthly_analysis: { 'acc-x': { monthly_analysis: { opening_balance: { 'Jan-2027': 3, 'Nov-2026': 1, 'Dec-2026': 2 }, avg_bal: { 'Dec-2026': 20 } } } },
			});

		expect((await runNodeOk(analysisRead('monthlyAnalysis'))).map((item) => item.json)).toEqual([
			{ entity_id: ENTITY_ID, account_id: 'acc-x', month: 'Nov-2026', opening_balance: 1, avg_bal: null },
			{ entity_id: ENTITY_ID, account_id: 'acc-x', month: 'Dec-2026', opening_balance: 2, avg_bal: 20 },
			{ entity_id: ENTITY_ID, account_id: 'acc-x', month: 'Jan-2027', opening_balance: 3, avg_bal: null },
		]);
	});

	test('Wait for Completion polls until every statement is completed', async () => {
		const api = mockApi();
		api.scope.get(apiPath(entityPath('monthly_analysis_updated'))).reply(200, { ...RESPONSES.monthly_analysis_updated, progress: progress('processing'), monthly_analysis: {} });
		api.scope.get(apiPath(entityPath('monthly_analysis_updated'))).reply(200, RESPONSES.monthly_analysis_updated);

		const items = await runNodeOk(analysisRead('monthlyAnalysis', { waitForCompletion: true, maxWaitSeconds: 10 }));

		expect(api.requests).toHaveLength(2);
		expect(items).toEqual(ROWS.map(paired));
	});

	test('an unknown Path from an expression is refused before any request', async () => {
		const api = watchApi();
		expectBadInput(await runNodeFailing(analysisRead('monthlyAnalysis', { path: '={{ "old" }}' })), 'Path', 'must be current or legacy');
		expect(api.requests).toEqual([]);
	});
});

describe('Analysis → Get Expense Categories', () => {
	test('one item per category; Account ID is sent as ?account_id=', async () => {
		const api = mockApi();
		api.scope.get(apiPath(entityPath('get_expense_categories'))).query({ account_id: HDFC.account_id }).reply(200, RESPONSES.get_expense_categories);

		const items = await runNodeOk(analysisRead('expenseCategories', { accountId: ` ${HDFC.account_id} ` }));

		expect(requestLines(api.requests)).toEqual([`GET ${entityPath('get_expense_categories')}?account_id=${HDFC.account_id}`]);
		expect(items).toEqual(EXPENSE_CATEGORIES.map((category) => paired({ entity_id: ENTITY_ID, ...category })));
	});
});

describe('Analysis → Get Top Credits and Debits', () => {
	test('one item per note: direction, month, rank in BankConnect’s order, note and amount', async () => {
		mockApi().scope.get(apiPath(entityPath('top_credits_debits'))).reply(200, RESPONSES.top_credits_debits);

		expect((await runNodeOk(analysisRead('topCreditsDebits'))).map((item) => item.json)).toEqual([
			{ entity_id: ENTITY_ID, direction: 'credit', month: 'Aug-26', rank: 1, transaction_note: 'NEFT-ACME PVT LTD-SALARY', amount: 85000 },
			{ entity_id: ENTITY_ID, direction: 'credit', month: 'Aug-26', rank: 2, transaction_note: 'UPI/REFUND/1', amount: 400 },
			{ entity_id: ENTITY_ID, direction: 'credit', month: 'Sep-26', rank: 1, transaction_note: 'NEFT-ACME PVT LTD-SALARY', amount: 85000 },
			{ entity_id: ENTITY_ID, direction: 'debit', month: 'Sep-26', rank: 1, transaction_note: 'ACH/HDFC LOAN EMI', amount: 12000 },
		]);
	});
});

describe('Analysis → Get Predictors and Get Score', () => {
	test('predictors: one item per account, the predictors as columns', async () => {
		mockApi().scope.get(apiPath(entityPath('predictors'))).reply(200, RESPONSES.predictors);

		expect(await runNodeOk(analysisRead('predictors'))).toEqual(
			PREDICTORS.map((entry) => paired({ entity_id: ENTITY_ID, account_id: entry.account_id, ...entry.predictors })),
		);
	});

	test('score: one item per account', async () => {
		mockApi().scope.get(apiPath(entityPath('score'))).reply(200, RESPONSES.score);

		expect(await runNodeOk(analysisRead('score'))).toEqual(SCORES.map((entry) => paired({ entity_id: ENTITY_ID, ...entry })));
	});

	test.each([
		['predictors', 'predictors', 'The predictors'],
		['score', 'score', 'The score'],
	])('%s: empty while statements are processing fails "not ready" (whole or split), never an empty success', async (operation, field, what) => {
		const api = mockApi();
		const pending = [{ status: 'completed', message: null, statement_id: 'stmt-hdfc-1' }, ...progress('processing').slice(1)];
		api.scope.get(apiPath(entityPath(field))).times(2).reply(200, { entity_id: ENTITY_ID, progress: pending, [field]: [] });

		for (const output of ['split', 'whole']) {
			const error = await runNodeFailing(analysisRead(operation, { output }));
			expect(error.message).toBe(`${what} of entity ${ENTITY_ID} is not ready: statements not completed: stmt-hdfc-2 (processing), stmt-sbi-1 (processing)`);
			expect(error.description).toBe('Turn on Wait for Completion (or put Analysis → Wait for Analysis before this node), or run the node again later.');
		}
		expect(api.requests).toHaveLength(2);
	});
});

describe('Account ID on the transaction reads', () => {
	test.each([
		['transactions', 'transactions'],
		['salary', 'salary'],
		['recurringTransactions', 'recurring_transactions'],
		['lenderTransactions', 'lender_transactions'],
	])('%s sends ?account_id= when given, nothing when blank', async (operation, field) => {
		const api = mockApi();
		api.scope.get(apiPath(entityPath(field))).query({ account_id: SBI.account_id }).reply(200, RESPONSES[field as keyof typeof RESPONSES]);
		api.scope.get(apiPath(entityPath(field))).reply(200, RESPONSES[field as keyof typeof RESPONSES]);

		await runNodeOk(analysisRead(operation, { accountId: SBI.account_id, output: 'whole' }));
		await runNodeOk(analysisRead(operation, { accountId: '  ', output: 'whole' }));

		expect(requestLines(api.requests)).toEqual([`GET ${entityPath(field)}?account_id=${SBI.account_id}`, `GET ${entityPath(field)}`]);
	});

	test('an Account ID that is not text is refused before any request', async () => {
		const api = watchApi();
		expectBadInput(await runNodeFailing(analysisRead('transactions', { accountId: '={{ { id: 1 } }}' })), 'Account ID', 'must be text (got an object)');
		expect(api.requests).toEqual([]);
	});
});
