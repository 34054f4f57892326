/**
 * The session reads beside insights/ (identity/, xlsx_report/ and the reads whose bodies FinBox does
 * not publish), Wait for Completion on them, and insights_available on Get Status: exact requests
 * and items through the engine against nock.
 */
import { HDFC_ACCOUNT, PROGRESS_COMPLETED, PROGRESS_PROCESSING, SBI_ACCOUNT, SESSION_ID, SESSION_STATUS } from '../../fixtures/sessions';
import { apiPath, expectAuthenticated, expectNoCredentials, mockApi, mockFiles, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { binaryDataService } from '../../harness/engine';
import { expectApiError, expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';

const session = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'session',
	operation,
	sessionId: SESSION_ID,
	waitForCompletion: false,
	...parameters,
});

const dataPath = (endpoint: string) => `/v1/session_data/${SESSION_ID}/${endpoint}/`;
const paired = (json: Record<string, unknown>) => ({ json, pairedItem: { item: 0 } });

const IDENTITY = {
	session_id: SESSION_ID,
	accounts: SESSION_STATUS.accounts,
	identity: [
		{ account_id: HDFC_ACCOUNT, name: 'ASHA RAO', address: '12 MG Road, Pune', account_number: 'XXXXXXXX1234', bank_name: 'hdfc', ifsc: 'HDFC0000123', micr: null, account_category: 'individual' },
		{ account_id: SBI_ACCOUNT, name: 'ASHA RAO', address: null, account_number: 'XXXXXXXX9876', bank_name: 'sbi', ifsc: 'SBIN0001234', micr: null, account_category: 'individual' },
	],
};

beforeEach(resetNetwork);

describe('Session → Get Identity', () => {
	test('one item per account holder with session_id; Whole Response as sent', async () => {
		const api = mockApi();
		api.scope.get(apiPath(dataPath('identity'))).times(2).reply(200, IDENTITY);

		expect(await runNodeOk(session('getIdentity', { output: 'split' }))).toEqual(IDENTITY.identity.map((identity) => paired({ session_id: SESSION_ID, ...identity })));
		expect(await runNodeOk(session('getIdentity', { output: 'whole' }))).toEqual([paired(IDENTITY)]);
		expect(requestLines(api.requests)).toEqual([`GET ${dataPath('identity')}`, `GET ${dataPath('identity')}`]);
		for (const request of api.requests) expectAuthenticated(request);
	});

	test('Wait for Completion polls progress/ until the session is processed, then reads', async () => {
		const api = mockApi();
		api.scope.get(apiPath(dataPath('progress'))).reply(200, PROGRESS_PROCESSING);
		api.scope.get(apiPath(dataPath('progress'))).reply(200, PROGRESS_COMPLETED);
		api.scope.get(apiPath(dataPath('identity'))).reply(200, IDENTITY);

		const items = await runNodeOk(session('getIdentity', { output: 'split', waitForCompletion: true, maxWaitSeconds: 10 }));

		expect(requestLines(api.requests)).toEqual([`GET ${dataPath('progress')}`, `GET ${dataPath('progress')}`, `GET ${dataPath('identity')}`]);
		expect(items).toHaveLength(2);
	});

	test('read too early without waiting: BankConnect’s PROCESSING_NOT_COMPLETED with the next step', async () => {
		mockApi()
			.scope.get(apiPath(dataPath('identity')))
			.reply(400, { error: { code: 'PROCESSING_NOT_COMPLETED', message: 'Processing is not completed yet' } });

		const error = await runNodeFailing(session('getIdentity', { output: 'split' }));

		expectApiError(error, {
			message: 'PROCESSING_NOT_COMPLETED: Processing is not completed yet',
			httpCode: '400',
			description: ['Next step: wait for processing'],
		});
	});

	test('an empty Session ID is refused before any request', async () => {
		const api = watchApi();
		expectBadInput(await runNodeFailing(session('getIdentity', { sessionId: ' ', output: 'split' })), 'Session ID', 'must not be empty');
		expect(api.requests).toEqual([]);
	});
});

describe('session reads whose bodies FinBox does not publish: one item, whole', () => {
	test.each([
		['getTransactions', 'transactions', { session_id: SESSION_ID, transactions: [{ hash: 'h1', amount: 100, account_id: HDFC_ACCOUNT }] }],
		['getRecurringTransactions', 'recurring_transactions', { session_id: SESSION_ID, recurring_transactions: { credit_transactions: [], debit_transactions: [] } }],
		['getPredictors', 'predictors', { session_id: SESSION_ID, predictors: [{ account_id: HDFC_ACCOUNT, predictors: { income_0: 85000 } }] }],
		['getEodBalances', 'eod_balances', { session_id: SESSION_ID, eod_balances: [{ account_id: HDFC_ACCOUNT, eod_balances: { Months_order: ['Jun-26'], 'Jun-26': [100, null] } }] }],
		['getMonthlyAnalysis', 'monthly_analysis_updated', { session_id: SESSION_ID, monthly_analysis: { account_id: [] }, aggregate_monthly_analysis: {} }],
	])('%s reads %s/', async (operation, endpoint, body) => {
		const api = mockApi();
		api.scope.get(apiPath(dataPath(endpoint))).reply(200, body);

		const items = await runNodeOk(session(operation));

		expect(requestLines(api.requests)).toEqual([`GET ${dataPath(endpoint)}`]);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual([paired(body)]);
	});
});

describe('Session → Get Excel Report', () => {
	test('downloads each account’s detailed workbook from its link, without credentials', async () => {
		const api = mockApi();
		api.scope.get(apiPath(dataPath('xlsx_report'))).reply(200, {
			session_id: SESSION_ID,
			reports: [
				{ link: 'https://files.bankconnect-cdn.test/s/hdfc.xlsx?expires=3600', account_id: HDFC_ACCOUNT },
				{ link: 'https://files.bankconnect-cdn.test/s/sbi.xlsx?expires=3600', account_id: SBI_ACCOUNT },
			],
		});
		const files = mockFiles();
		files.scope.get('/s/hdfc.xlsx').query(true).reply(200, Buffer.from('PK hdfc'));
		files.scope.get('/s/sbi.xlsx').query(true).reply(200, Buffer.from('PK sbi'));

		const items = await runNodeOk(session('getExcelReport', { binaryPropertyName: 'workbook' }));

		expect(requestLines(api.requests)).toEqual([`GET ${dataPath('xlsx_report')}`]);
		expect(requestLines(files.requests)).toEqual(['GET /s/hdfc.xlsx?expires=3600', 'GET /s/sbi.xlsx?expires=3600']);
		for (const request of files.requests) expectNoCredentials(request);
		expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ session_id: SESSION_ID, account_id: HDFC_ACCOUNT, bank: null, account_number: null, file_name: `bank_${HDFC_ACCOUNT}.xlsx` }, { item: 0 }],
			[{ session_id: SESSION_ID, account_id: SBI_ACCOUNT, bank: null, account_number: null, file_name: `bank_${SBI_ACCOUNT}.xlsx` }, { item: 0 }],
		]);
		const service = await binaryDataService();
		expect((await service.getAsBuffer(items[1].binary!.workbook)).toString()).toBe('PK sbi');
	});
});

test('Session → Get Status passes insights_available on', async () => {
	mockApi().scope.get(apiPath(dataPath('session_status'))).reply(200, { ...SESSION_STATUS, insights_available: true });

	expect(await runNodeOk(session('getStatus'))).toEqual([paired({ ...SESSION_STATUS, insights_available: true })]);
});
