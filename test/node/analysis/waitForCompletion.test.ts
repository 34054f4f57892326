import { RESPONSES, TRANSACTIONS, progress, withProgress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { badInputItem, expectBadInput, runNode, runNodeFailing, runNodeOk } from '../../harness/runNode';

const path = `/v1/entity/${ENTITY_ID}/transactions/`;

const waitingRead = (maxWaitSeconds: unknown, entityId = ENTITY_ID) => ({
	resource: 'analysis',
	operation: 'transactions',
	entityId,
	waitForCompletion: true,
	maxWaitSeconds,
	output: 'split',
});

beforeEach(resetNetwork);

describe('Analysis → Wait for Completion', () => {
	test('polls the same endpoint until every statement is completed, then outputs', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, withProgress('transactions', progress('processing')));
		api.scope.get(apiPath(path)).reply(200, {
			...withProgress('transactions', [{ status: 'completed', message: null, statement_id: 'stmt-hdfc-1' }, ...progress('processing').slice(1)]),
		});
		api.scope.get(apiPath(path)).reply(200, RESPONSES.transactions);

		const started = Date.now();
		const items = await runNodeOk(waitingRead(30));

		expect(requestLines(api.requests)).toEqual([`GET ${path}`, `GET ${path}`, `GET ${path}`]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // about 1 s between early polls
		expect(items.map((item) => item.json.hash)).toEqual(TRANSACTIONS.map((transaction) => transaction.hash));
	});

	test('a failed statement stops the wait with the statement and its message', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, withProgress('transactions', [
			{ status: 'completed', message: null, statement_id: 'stmt-hdfc-1' },
			{ status: 'failed', message: 'PDF is not parsable', statement_id: 'stmt-hdfc-2' },
			{ status: 'processing', message: null, statement_id: 'stmt-sbi-1' },
		]));

		const error = await runNodeFailing(waitingRead(30));

		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('BankConnect could not analyse the statements: statement stmt-hdfc-2 failed: PDF is not parsable');
		expect(api.requests).toHaveLength(1);
	});

	test('Max Wait elapsed: the error lists the statements still processing', async () => {
		const api = mockApi();
		api.scope
			.get(apiPath(path))
			.reply(200, withProgress('transactions', [{ status: 'completed', message: null, statement_id: 'stmt-hdfc-1' }, ...progress('processing').slice(1)]))
			.persist();

		const started = Date.now();
		const error = await runNodeFailing(waitingRead(1));

		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('Analysis not complete after 1 s; still processing: stmt-hdfc-2, stmt-sbi-1');
		expect(error.description).toBe('Raise Max Wait, or check again later.');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(api.requests.length).toBeGreaterThanOrEqual(2);
	});

	test('an entity with no statement yet is not complete: waiting ends saying the entity has no statements yet, with no empty success', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, { ...withProgress('transactions', []), accounts: [], transactions: [] }).persist();

		const error = await runNodeFailing(waitingRead(1));

		expect(error.message).toBe('Analysis not complete after 1 s; the entity has no statements yet; upload one first');
		expect(api.requests.length).toBeGreaterThanOrEqual(2);
	});

	test('an item still waiting when another item fails is named in the error, not dropped in silence', async () => {
		const failing = 'e5c3a1b2-0000-4000-8000-000000000002';
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, withProgress('transactions', progress('processing'))).persist();
		api.scope.get(apiPath(`/v1/entity/${failing}/transactions/`)).reply(200, withProgress('transactions', [
			{ status: 'failed', message: 'PDF is not parsable', statement_id: 'stmt-sbi-1' },
		]));

		const error = await runNodeFailing(waitingRead(30, '={{ $json.entity }}'), {
			startItems: [{ json: { entity: ENTITY_ID } }, { json: { entity: failing } }],
		});

		expect(error.message).toBe('BankConnect could not analyse the statements: statement stmt-sbi-1 failed: PDF is not parsable');
		expect(error.context?.itemIndex).toBe(1);
		expect(error.description?.split('\n\n').at(-1)).toBe('Stopped while waiting: item 0.');
	});

	test('without Wait for Completion an unfinished analysis is returned as it is', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, withProgress('transactions', progress('processing')));

		const items = await runNodeOk({ ...waitingRead(30), waitForCompletion: false, output: 'whole' });

		expect(items[0].json.progress).toEqual(progress('processing'));
		expect(api.requests).toHaveLength(1);
	});

	test.each([0, 3601, -5])('Max Wait %s is refused before any request', async (maxWaitSeconds) => {
		const api = watchApi();

		expectBadInput(await runNodeFailing(waitingRead(maxWaitSeconds)), 'Max Wait (Seconds)', 'must be between 1 and 3600');
		expect(api.requests).toEqual([]);
	});

	test('with continueOnFail a bad Max Wait and a blank id become error items; the good item still outputs', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, RESPONSES.transactions);

		const { items, error } = await runNode(waitingRead('={{ $json.wait }}', '={{ $json.entity }}'), {
			continueOnFail: true,
			startItems: [{ json: { entity: ENTITY_ID, wait: 9999 } }, { json: { entity: ' ', wait: 10 } }, { json: { entity: ENTITY_ID, wait: 10 } }],
		});

		expect(error).toBeUndefined();
		expect(items.slice(0, 2)).toEqual([
			badInputItem('Max Wait (Seconds)', 'must be between 1 and 3600', 0),
			badInputItem('Entity ID', 'must not be empty', 1),
		]);
		expect(items.slice(2).map((item) => [item.json.hash, item.pairedItem])).toEqual(
			TRANSACTIONS.map((transaction) => [transaction.hash, { item: 2 }]),
		);
		expect(api.requests).toHaveLength(1);
	});
});
