/**
 * Session → Get Insights (and Initiate Processing's Process and Wait) read both shapes of
 * `insights/`: today's (since 2024) accounts as a list of `{account_id, data}` beside `link_id` and
 * aggregates, and the older object keyed by account_id (operations.test.ts). Every output mode
 * gives the same rows from the same facts; Whole Response passes the answer through as it came.
 */
import { HDFC_ACCOUNT, INSIGHTS, PROGRESS_COMPLETED, SBI_ACCOUNT, SESSION_ID } from '../../fixtures/sessions';
import { apiPath, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { runNodeOk } from '../../harness/runNode';

const dataPath = (endpoint: string) => apiPath(`/v1/session_data/${SESSION_ID}/${endpoint}/`);
const paired = (json: Record<string, unknown>) => ({ json, pairedItem: { item: 0 } });

const hdfc = INSIGHTS.accounts[HDFC_ACCOUNT];
const sbi = INSIGHTS.accounts[SBI_ACCOUNT];

/** A transaction as today's insights print it: channel and description under metadata, no account_id. */
const docsTransaction = {
	transaction_type: 'credit',
	transaction_note: 'NEFT-ACME LTD-SALARY',
	chq_num: '',
	amount: 85000,
	balance: 91650,
	date: '2026-06-30 00:00:00',
	hash: 'h3',
	category: 'Salary',
	metadata: { unclean_merchant: 'ACME LTD', transaction_channel: 'salary', description: '' },
};

/** The same two accounts in today's shape. */
const CURRENT_INSIGHTS = {
	session_id: SESSION_ID,
	link_id: 'loan-application-7',
	session_date_range: { from_date: '2026-05-01', to_date: '2026-06-30' },
	accounts: [
		{ account_id: HDFC_ACCOUNT, data: { ...hdfc, account_details: { bank: 'hdfc', months: ['2026-05', '2026-06'] }, score: 640, xlsx_report_url: 'https://reports.example/hdfc.xlsx' } },
		{ account_id: SBI_ACCOUNT, data: { ...sbi, account_details: { bank: 'sbi', months: ['2026-05'] }, score: 512, xlsx_report_url: 'https://reports.example/sbi.xlsx' } },
	],
	aggregate_monthly_analysis: { opening_balance: { 'May-2026': 5900, 'Jun-2026': 7000 } },
	aggregate_xlsx_report_url: 'https://reports.example/session.xlsx',
};

beforeEach(resetNetwork);

describe('Session → Get Insights on today\'s insights/ (accounts as a list)', () => {
	test.each([
		['whole', [CURRENT_INSIGHTS]],
		[
			'accounts',
			[
				{ session_id: SESSION_ID, account_id: HDFC_ACCOUNT, ...CURRENT_INSIGHTS.accounts[0].data },
				{ session_id: SESSION_ID, account_id: SBI_ACCOUNT, ...CURRENT_INSIGHTS.accounts[1].data },
			],
		],
		['transactions', [...hdfc.transactions, ...sbi.transactions].map((transaction) => ({ session_id: SESSION_ID, ...transaction }))],
		[
			'monthlyBalances',
			[
				{ session_id: SESSION_ID, account_id: HDFC_ACCOUNT, month: 'May-2026', opening_balance: 5000, closing_balance: 7000 },
				{ session_id: SESSION_ID, account_id: HDFC_ACCOUNT, month: 'Jun-2026', opening_balance: 7000, closing_balance: 6650 },
				{ session_id: SESSION_ID, account_id: SBI_ACCOUNT, month: 'May-2026', opening_balance: 900, closing_balance: 860 },
			],
		],
	])('output %s', async (output, expected) => {
		const api = mockApi();
		api.scope.get(dataPath('insights')).reply(200, CURRENT_INSIGHTS);

		const items = await runNodeOk({ resource: 'session', operation: 'getInsights', sessionId: SESSION_ID, output });

		expect(requestLines(api.requests)).toEqual([`GET /v1/session_data/${SESSION_ID}/insights/`]);
		expect(items).toEqual(expected.map(paired));
	});

	test('both shapes give the same rows in every split mode', async () => {
		for (const output of ['accounts', 'transactions', 'monthlyBalances']) {
			const api = mockApi();
			api.scope.get(dataPath('insights')).reply(200, INSIGHTS);
			api.scope.get(dataPath('insights')).reply(200, CURRENT_INSIGHTS);
			const old = await runNodeOk({ resource: 'session', operation: 'getInsights', sessionId: SESSION_ID, output });
			const current = await runNodeOk({ resource: 'session', operation: 'getInsights', sessionId: SESSION_ID, output });
			const facts = (items: typeof old) => items.map(({ json }) => (output === 'accounts' ? { account_id: json.account_id, transactions: json.transactions, monthly_analysis: json.monthly_analysis } : json));
			expect([output, facts(current)]).toEqual([output, facts(old)]);
		}
	});

	test('a transaction in the docs\' form becomes a row with session_id and account_id, its metadata kept', async () => {
		const api = mockApi();
		api.scope.get(dataPath('insights')).reply(200, { ...CURRENT_INSIGHTS, accounts: [{ account_id: HDFC_ACCOUNT, data: { transactions: [docsTransaction] } }] });

		const items = await runNodeOk({ resource: 'session', operation: 'getInsights', sessionId: SESSION_ID, output: 'transactions' });

		expect(items).toEqual([paired({ session_id: SESSION_ID, ...docsTransaction, account_id: HDFC_ACCOUNT })]);
	});

	test('an account without data, or without balances, gives no rows rather than failing', async () => {
		const api = mockApi();
		api.scope.get(dataPath('insights')).times(2).reply(200, { session_id: SESSION_ID, accounts: [{ account_id: SBI_ACCOUNT }, { account_id: HDFC_ACCOUNT, data: {} }] });

		expect(await runNodeOk({ resource: 'session', operation: 'getInsights', sessionId: SESSION_ID, output: 'transactions' })).toEqual([]);
		expect(await runNodeOk({ resource: 'session', operation: 'getInsights', sessionId: SESSION_ID, output: 'monthlyBalances' })).toEqual([]);
	});

	test('Process and Wait splits today\'s shape too', async () => {
		const api = mockApi();
		api.scope.post(dataPath('initiate_processing')).reply(202, { session_id: SESSION_ID, message: 'success' });
		api.scope.get(dataPath('progress')).reply(200, PROGRESS_COMPLETED);
		api.scope.get(dataPath('insights')).reply(200, CURRENT_INSIGHTS);

		const items = await runNodeOk({ resource: 'session', operation: 'initiateProcessing', sessionId: SESSION_ID, processAndWait: true, maxWaitSeconds: 10, output: 'transactions' });

		expect(items.map((item) => [item.json.account_id, item.json.hash])).toEqual([
			[HDFC_ACCOUNT, 'h1'],
			[HDFC_ACCOUNT, 'h2'],
			[SBI_ACCOUNT, 's1'],
		]);
	});
});
