/**
 * A hostile or broken server answering a read with 200 but not what was asked: no records, records
 * of the wrong type, a body that is no JSON object. The read fails as BankConnect's answer
 * (NodeApiError, HTTP status, next step) naming what is missing, never as a JavaScript error and
 * never as zero items that pass for success; while a statement is still processing, an analysis's
 * missing records are not an error.
 */
import { progress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { SESSION_ID } from '../../fixtures/sessions';
import { apiPath, mockApi, resetNetwork } from '../../harness/bankConnectApi';
import { analysisRead, runNode } from '../../harness/runNode';

const analysed = { entity_id: ENTITY_ID, progress: progress('completed'), fraud: { fraudulent_statements: [], fraud_type: [] } };
const NEXT_STEP = 'HTTP status 200. Next step: run again later; if it keeps failing, send FinBox support the time and the IDs in this error.';

function answer(path: string, body: unknown) {
	mockApi().scope.get(apiPath(`/v1/entity/${ENTITY_ID}/${path}/`)).reply(200, body as Record<string, unknown>);
}

beforeEach(resetNetwork);

test.each([
	['transactions', 'transactions', analysed, 'no "transactions"'],
	['transactions', 'transactions', { ...analysed, transactions: null }, 'no "transactions"'],
	['transactions', 'transactions', { ...analysed, transactions: { count: 3 } }, '"transactions" that is not a list'],
	['salary', 'salary', analysed, 'no "transactions"'],
	['lenderTransactions', 'lender_transactions', analysed, 'no "transactions"'],
	['recurringTransactions', 'recurring_transactions', { ...analysed, transactions: { credit_transactions: 'none' } }, '"transactions.credit_transactions" that is not a list'],
	['recurringTransactions', 'recurring_transactions', analysed, 'no "transactions"'],
	['accounts', 'accounts', analysed, 'no "accounts"'],
	['identity', 'identity', { ...analysed, accounts: [] }, 'no "identity"'],
	['transactions', 'transactions', [], 'a body that is not a JSON object'],
	['transactions', 'transactions', { ...analysed, progress: 'completed', transactions: [] }, '"progress" that is not a list'],
])('%s: GET %s/ answered without what the read needs (case %#) is a NodeApiError naming it, no items', async (operation, path, body, problem) => {
	answer(path, body);

	const { items, error } = await runNode(analysisRead(operation));

	expect(items).toEqual([]);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe(`BankConnect answered GET /v1/entity/${ENTITY_ID}/${path}/ with ${problem}`);
	expect(error?.description).toBe(NEXT_STEP);
	expect(error?.httpCode).toBe('200');
});

test('with Continue On Fail the unreadable answer is an error item paired with its input', async () => {
	answer('transactions', analysed);

	const { items, error } = await runNode(analysisRead('transactions'), { continueOnFail: true });

	expect(error).toBeUndefined();
	expect(items).toEqual([
		{
			json: { error: `BankConnect answered GET /v1/entity/${ENTITY_ID}/transactions/ with no "transactions"`, description: NEXT_STEP, httpCode: '200' },
			pairedItem: { item: 0 },
		},
	]);
});

test('Wait for Analysis with Then: Get Transactions fails the same way on a completed entity without records', async () => {
	answer('transactions', analysed);

	const { error } = await runNode({ resource: 'analysis', operation: 'waitForAnalysis', entityId: ENTITY_ID, then: 'transactions', output: 'split' });

	expect(error?.message).toBe(`BankConnect answered GET /v1/entity/${ENTITY_ID}/transactions/ with no "transactions"`);
});

test('while a statement is still processing, records may be missing: the read says "not ready", as for any unfinished analysis', async () => {
	answer('transactions', { ...analysed, progress: progress('processing') });

	const { error } = await runNode(analysisRead('transactions'));

	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toMatch(new RegExp(`^The analysis of entity ${ENTITY_ID} is not ready: statements not completed: `));
});

test.each([
	['session getExcelReport (no report is no success)', { resource: 'session', operation: 'getExcelReport', sessionId: SESSION_ID }, `/v1/session_data/${SESSION_ID}/xlsx_report/`, { session_id: SESSION_ID }, 'no "reports"'],
	['session getIdentity', { resource: 'session', operation: 'getIdentity', sessionId: SESSION_ID }, `/v1/session_data/${SESSION_ID}/identity/`, {}, 'no "identity"'],
	['session getInsights', { resource: 'session', operation: 'getInsights', sessionId: SESSION_ID }, `/v1/session_data/${SESSION_ID}/insights/`, { accounts: 'none' }, '"accounts" that is not a list or an object'],
	['session getUploadStatus', { resource: 'session', operation: 'getUploadStatus', sessionId: SESSION_ID }, `/v1/session_data/${SESSION_ID}/session_upload_status/`, {}, 'no "accounts"'],
	['session getProgress', { resource: 'session', operation: 'getProgress', sessionId: SESSION_ID, waitForCompletion: false }, `/v1/session_data/${SESSION_ID}/progress/`, { progress: [] }, 'no "session_progress"'],
	['session getPdfs', { resource: 'session', operation: 'getPdfs', sessionId: SESSION_ID, download: false }, `/v1/session_data/${SESSION_ID}/get_pdfs/`, {}, 'no "statements"'],
	['entity get', { resource: 'entity', operation: 'get', entityId: ENTITY_ID }, `/v1/entity/${ENTITY_ID}/`, { link_id: 'l-1' }, 'no "entity_id"'],
	['entity getMany (a page)', { resource: 'entity', operation: 'getMany', returnAll: true }, '/v1/entity/', { count: 3, next: null, results: 'none' }, '"results" that is not a list'],
	['entity linkOverview', { resource: 'entity', operation: 'linkOverview', linkId: 'loan-1' }, '/v1/entity/link_overview/', {}, 'no "progress_data"'],
	['net banking health', { resource: 'netBankingHealth', operation: 'get', banks: [], report: 'current' }, '/v1/net_banking_health/', { banks: [] }, 'a body that is not a JSON list'],
])('%s: an answer without what the read needs fails naming it', async (_name, parameters, path, body, problem) => {
	mockApi().scope.get(apiPath(path)).query(true).reply(200, body);

	const { items, error } = await runNode(parameters);

	expect(items).toEqual([]);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe(`BankConnect answered GET ${path} with ${problem}`);
	expect(error?.description).toBe(NEXT_STEP);
});
