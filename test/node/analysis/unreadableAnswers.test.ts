/**
 * A hostile or broken server answering an analysis read with 200 but not the analysis: no records,
 * records of the wrong type, a body that is no JSON object. The read fails as BankConnect's answer
 * (NodeApiError, HTTP status, next step) naming what is missing, never as a JavaScript error and
 * never as zero items; while a statement is still processing, missing records are not an error.
 */
import { progress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, mockApi, resetNetwork } from '../../harness/bankConnectApi';
import { runNode } from '../../harness/runNode';

const analysed = { entity_id: ENTITY_ID, progress: progress('completed'), fraud: { fraudulent_statements: [], fraud_type: [] } };
const NEXT_STEP = 'HTTP status 200. Next step: run again later; if it keeps failing, send FinBox support the time and the IDs in this error.';

const read = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'analysis',
	operation,
	entityId: ENTITY_ID,
	waitForCompletion: false,
	output: 'split',
	...parameters,
});

function answer(path: string, body: unknown) {
	mockApi().scope.get(apiPath(`/v1/entity/${ENTITY_ID}/${path}/`)).reply(200, body as Record<string, unknown>);
}

beforeEach(resetNetwork);

test.each([
	['transactions', 'transactions', analysed, 'no "transactions" list'],
	['transactions', 'transactions', { ...analysed, transactions: null }, 'no "transactions" list'],
	['transactions', 'transactions', { ...analysed, transactions: { count: 3 } }, '"transactions" that is not a list'],
	['salary', 'salary', analysed, 'no "transactions" list'],
	['lenderTransactions', 'lender_transactions', analysed, 'no "transactions" list'],
	['recurringTransactions', 'recurring_transactions', { ...analysed, transactions: { credit_transactions: [] } }, 'no "transactions.debit_transactions" list'],
	['accounts', 'accounts', analysed, 'no "accounts" list'],
	['identity', 'identity', { ...analysed, accounts: [] }, 'no "identity" list'],
	['transactions', 'transactions', [], 'a body that is not a JSON object'],
	['transactions', 'transactions', { ...analysed, progress: 'completed', transactions: [] }, '"progress" that is not a list'],
])('%s: GET %s/ answered with %j is a NodeApiError naming what is missing, no items', async (operation, path, body, problem) => {
	answer(path, body);

	const { items, error } = await runNode(read(operation));

	expect(items).toEqual([]);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe(`BankConnect answered GET /v1/entity/${ENTITY_ID}/${path}/ with ${problem}`);
	expect(error?.description).toBe(NEXT_STEP);
	expect(error?.httpCode).toBe('200');
});

test('with Continue On Fail the unreadable answer is an error item paired with its input', async () => {
	answer('transactions', analysed);

	const { items, error } = await runNode(read('transactions'), { continueOnFail: true });

	expect(error).toBeUndefined();
	expect(items).toEqual([
		{
			json: { error: `BankConnect answered GET /v1/entity/${ENTITY_ID}/transactions/ with no "transactions" list`, description: NEXT_STEP, httpCode: '200' },
			pairedItem: { item: 0 },
		},
	]);
});

test('Wait for Analysis with Then: Get Transactions fails the same way on a completed entity without records', async () => {
	answer('transactions', analysed);

	const { error } = await runNode({ resource: 'analysis', operation: 'waitForAnalysis', entityId: ENTITY_ID, then: 'transactions', output: 'split' });

	expect(error?.message).toBe(`BankConnect answered GET /v1/entity/${ENTITY_ID}/transactions/ with no "transactions" list`);
});

test('while a statement is still processing, records may be missing: the read says "not ready", as for any unfinished analysis', async () => {
	answer('transactions', { ...analysed, progress: progress('processing') });

	const { error } = await runNode(read('transactions'));

	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toMatch(new RegExp(`^The analysis of entity ${ENTITY_ID} is not ready: statements not completed: `));
});
