/**
 * An analysis read never passes for the analysis while a statement is still processing (issue 17.1):
 * version 2 of the node waits by default; with waiting off (and in version 1, whose default stays
 * off) the read fails naming the statements still processing and how to wait.
 */
import { RESPONSES, TRANSACTIONS, progress, withProgress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { runNode, runNodeFailing, runNodeOk } from '../../harness/runNode';

const path = `/v1/entity/${ENTITY_ID}/transactions/`;
const transactions = { resource: 'analysis', operation: 'transactions', entityId: ENTITY_ID, output: 'split' };
const stillProcessing = withProgress('transactions', [{ status: 'completed', message: null, statement_id: 'stmt-hdfc-1' }, ...progress('processing').slice(1)]);

beforeEach(resetNetwork);

describe('Analysis read while a statement is still processing', () => {
	test('version 1 (Wait for Completion off by default) fails naming the statements still processing and how to wait', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, stillProcessing);

		const error = await runNodeFailing(transactions);

		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(`The analysis of entity ${ENTITY_ID} is not ready: statements not completed: stmt-hdfc-2 (processing), stmt-sbi-1 (processing)`);
		expect(error.description).toBe('Turn on Wait for Completion (or put Analysis → Wait for Analysis before this node), or run the node again later.');
		expect(requestLines(api.requests)).toEqual([`GET ${path}`]);
	});

	test('an entity without statements is not an empty analysis', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, withProgress('transactions', []));

		const error = await runNodeFailing(transactions);

		expect(error.message).toBe(`The analysis of entity ${ENTITY_ID} is not ready: the entity has no statements yet; upload one first`);
	});

	test('with Continue On Fail the unfinished entity is an error item, the finished one is read', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/ent-busy/transactions/')).reply(200, { ...stillProcessing, entity_id: 'ent-busy' });
		api.scope.get(apiPath(path)).reply(200, RESPONSES.transactions);

		const { items } = await runNode(
			{ ...transactions, entityId: '={{ $json.entity_id }}' },
			{ continueOnFail: true, startItems: [{ json: { entity_id: 'ent-busy' } }, { json: { entity_id: ENTITY_ID } }] },
		);

		expect(items[0]).toEqual({
			json: {
				error: 'The analysis of entity ent-busy is not ready: statements not completed: stmt-hdfc-2 (processing), stmt-sbi-1 (processing)',
				description: 'Turn on Wait for Completion (or put Analysis → Wait for Analysis before this node), or run the node again later.',
			},
			pairedItem: { item: 0 },
		});
		expect(items.slice(1).map((item) => item.json.hash)).toEqual(TRANSACTIONS.map((transaction) => transaction.hash));
	});

	test('a failed statement does not let a read through while another statement is still processing', async () => {
		const api = mockApi();
		const failedAndProcessing = withProgress('transactions', [
			{ status: 'failed', message: 'Password incorrect', statement_id: 'stmt-hdfc-1' },
			{ status: 'processing', message: null, statement_id: 'stmt-hdfc-2' },
			{ status: 'completed', message: null, statement_id: 'stmt-sbi-1' },
		]);
		api.scope.get(apiPath(path)).reply(200, failedAndProcessing);

		const error = await runNodeFailing(transactions);

		expect(error.message).toBe(`The analysis of entity ${ENTITY_ID} is not ready: statements not completed: stmt-hdfc-1 (failed), stmt-hdfc-2 (processing)`);
	});

	test('a Whole Response is returned as it is: its progress says what is pending', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, stillProcessing);

		const items = await runNodeOk({ ...transactions, output: 'whole' });

		expect(items).toHaveLength(1);
		expect(items[0].json.progress).toEqual(stillProcessing.progress);
	});

	test('version 2 waits by default: a workflow that does not set Wait for Completion polls until complete', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, stillProcessing);
		api.scope.get(apiPath(path)).reply(200, RESPONSES.transactions);

		const items = await runNodeOk(transactions, { typeVersion: 2 });

		expect(requestLines(api.requests)).toEqual([`GET ${path}`, `GET ${path}`]);
		expect(items.map((item) => item.json.hash)).toEqual(TRANSACTIONS.map((transaction) => transaction.hash));
	});

	test('version 2 with Wait for Completion turned off fails like version 1', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, stillProcessing);

		const error = await runNodeFailing({ ...transactions, waitForCompletion: false }, { typeVersion: 2 });

		expect(error.message).toBe(`The analysis of entity ${ENTITY_ID} is not ready: statements not completed: stmt-hdfc-2 (processing), stmt-sbi-1 (processing)`);
		expect(api.requests).toHaveLength(1);
	});
});
