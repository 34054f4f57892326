/**
 * Fan-out by accident (issue 17.2): items asking for the same read within one run share it. Each
 * input item still gets its own output set, paired with it, and the panel says the items shared an
 * ID and how to run the node once.
 */
import { RESPONSES, SALARY, progress, withProgress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { SESSION_ID } from '../../fixtures/sessions';
import { apiPath, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { badInputItem, runNode } from '../../harness/runNode';

const salary = { resource: 'analysis', operation: 'salary', entityId: '={{ $json.entity_id }}', waitForCompletion: false, output: 'split' };
const salaryPath = (entityId: string) => `/v1/entity/${entityId}/salary/`;
const items = (entityIds: string[]) => entityIds.map((entity_id, index) => ({ json: { entity_id, row: index } }));

beforeEach(resetNetwork);

describe('items asking for the same read', () => {
	test('195 transaction items of one entity into Get Salary: one request, 195 output sets, each paired with its item', async () => {
		const api = mockApi();
		api.scope.get(apiPath(salaryPath(ENTITY_ID))).reply(200, RESPONSES.salary);

		const { items: output, error, run } = await runNode(salary, { startItems: items(new Array(195).fill(ENTITY_ID)) });

		expect(error).toBeUndefined();
		expect(requestLines(api.requests)).toEqual([`GET ${salaryPath(ENTITY_ID)}`]);
		expect(output).toHaveLength(195 * SALARY.length);
		for (let item = 0; item < 195; item++) {
			const set = output.slice(item * SALARY.length, (item + 1) * SALARY.length);
			expect(set.map((row) => [row.json.hash, row.pairedItem])).toEqual(SALARY.map((transaction) => [transaction.hash, { item }]));
		}
		// every item has its own json: changing one never changes another
		expect(output[0].json).not.toBe(output[SALARY.length].json);
		expect(run.hints('BankConnect')).toEqual([
			`195 input items share the same Entity ID (${ENTITY_ID}), so BankConnect was asked once per Entity ID and each item got the answer. To run this node once instead of once per item, turn on Execute Once in the node's Settings.`,
		]);
	});

	test('items of different entities are each read once, in item order; the notice names the shared one', async () => {
		const api = mockApi();
		api.scope.get(apiPath(salaryPath('ent-a'))).reply(200, { ...RESPONSES.salary, entity_id: 'ent-a' });
		api.scope.get(apiPath(salaryPath('ent-b'))).reply(200, { ...RESPONSES.salary, entity_id: 'ent-b' });

		const { items: output, run } = await runNode(salary, { startItems: items(['ent-a', 'ent-b', 'ent-a']) });

		expect(api.requests.map((request) => request.path).sort()).toEqual([apiPath(salaryPath('ent-a')), apiPath(salaryPath('ent-b'))]);
		expect(output.map((row) => [row.json.entity_id, row.pairedItem])).toEqual(
			[0, 1, 2].flatMap((item) => SALARY.map(() => [['ent-a', 'ent-b', 'ent-a'][item], { item }])),
		);
		expect(run.hints('BankConnect')).toEqual([
			"2 input items share the same Entity ID (ent-a), so BankConnect was asked once per Entity ID and each item got the answer. To run this node once instead of once per item, turn on Execute Once in the node's Settings.",
		]);
	});

	test('no notice when every item asks for its own entity', async () => {
		const api = mockApi();
		api.scope.get(apiPath(salaryPath('ent-a'))).reply(200, { ...RESPONSES.salary, entity_id: 'ent-a' });
		api.scope.get(apiPath(salaryPath('ent-b'))).reply(200, { ...RESPONSES.salary, entity_id: 'ent-b' });

		const { run } = await runNode(salary, { startItems: items(['ent-a', 'ent-b']) });

		expect(api.requests).toHaveLength(2);
		expect(run.hints('BankConnect')).toEqual([]);
	});

	test('no notice when items of one entity differ in another field and were each read', async () => {
		const api = mockApi();
		api.scope.get(apiPath(salaryPath('ent-a'))).query(true).times(2).reply(200, { ...RESPONSES.salary, entity_id: 'ent-a' });

		const { run } = await runNode(
			{ ...salary, accountId: '={{ $json.account_id }}' },
			{ startItems: [{ json: { entity_id: 'ent-a', account_id: 'acc-1' } }, { json: { entity_id: 'ent-a', account_id: 'acc-2' } }] },
		);

		expect(api.requests).toHaveLength(2);
		expect(run.hints('BankConnect')).toEqual([]);
	});

	test('with Continue On Fail a refused ID gives every item asking for it an error item naming that item; nothing is sent for them', async () => {
		const api = mockApi();
		api.scope.get(apiPath(salaryPath(ENTITY_ID))).reply(200, RESPONSES.salary);

		const { items: output } = await runNode(salary, { continueOnFail: true, startItems: items([' ', ENTITY_ID, ' ']) });

		expect(requestLines(api.requests)).toEqual([`GET ${salaryPath(ENTITY_ID)}`]);
		expect(output[0]).toEqual(badInputItem('Entity ID', 'must not be empty', 0));
		expect(output.slice(1, -1).map((row) => row.pairedItem)).toEqual(SALARY.map(() => ({ item: 1 })));
		expect(output.at(-1)).toEqual(badInputItem('Entity ID', 'must not be empty', 2));
	});

	test('a read BankConnect refuses is refused once: with Continue On Fail each item asking for it gets the error item', async () => {
		const api = mockApi();
		api.scope.get(apiPath(salaryPath('ent-gone'))).reply(404, { detail: 'Not found.' });

		const { items: output } = await runNode(salary, { continueOnFail: true, startItems: items(['ent-gone', 'ent-gone']) });

		expect(api.requests).toHaveLength(1);
		expect(output.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['entity ent-gone not found', { item: 0 }],
			['entity ent-gone not found', { item: 1 }],
		]);
	});

	test('waiting items of one entity share one wait', async () => {
		const api = mockApi();
		const path = salaryPath(ENTITY_ID);
		api.scope.get(apiPath(path)).reply(200, withProgress('salary', progress('processing')));
		api.scope.get(apiPath(path)).reply(200, RESPONSES.salary);

		const { items: output } = await runNode({ ...salary, waitForCompletion: true, maxWaitSeconds: 30 }, { startItems: items([ENTITY_ID, ENTITY_ID, ENTITY_ID]) });

		expect(requestLines(api.requests)).toEqual([`GET ${path}`, `GET ${path}`]);
		expect(output).toHaveLength(3 * SALARY.length);
	});

	test('session reads too: items of one session read its status once', async () => {
		const api = mockApi();
		const path = `/v1/session_data/${SESSION_ID}/session_status/`;
		api.scope.get(apiPath(path)).reply(200, { session_id: SESSION_ID, accounts: [] });

		const { items: output, run } = await runNode(
			{ resource: 'session', operation: 'getStatus', sessionId: '={{ $json.session_id }}' },
			{ startItems: [{ json: { session_id: SESSION_ID } }, { json: { session_id: SESSION_ID } }] },
		);

		expect(requestLines(api.requests)).toEqual([`GET ${path}`]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(run.hints('BankConnect')[0]).toMatch(/^2 input items share the same Session ID/);
	});

	test('writes are never shared: two identical entity creations create two entities', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).times(2).reply(201, { entity_id: 'new', link_id: 'loan-1', meta_data: null });

		await runNode(
			{ resource: 'entity', operation: 'create', linkId: 'loan-1', isSingleAccount: false, metaDataFormat: 'text', metaData: '' },
			{ startItems: [{ json: {} }, { json: {} }] },
		);

		expect(api.requests).toHaveLength(2);
	});
});
