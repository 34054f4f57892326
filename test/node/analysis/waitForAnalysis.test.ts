/**
 * Analysis → Wait for Analysis (issue 18): each entity is checked once per pass and routed to
 * Completed, Still Processing or Failed, so a loop through n8n's Wait node sends each entity on the
 * moment it is done, and a failed one never holds back or throws away the others.
 */
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { RESPONSES, TRANSACTIONS, withProgress } from '../../fixtures/analysis';
import { apiPath, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { engineParts } from '../../harness/engine';
import { runNode } from '../../harness/runNode';

const waitFor = (parameters: Record<string, unknown> = {}) => ({ resource: 'analysis', operation: 'waitForAnalysis', ...parameters });
const accountsPath = (entityId: string) => `/v1/entity/${entityId}/accounts/`;
const envelope = (entityId: string, statuses: Array<'completed' | 'processing' | 'failed'>) => ({
	...RESPONSES.accounts,
	entity_id: entityId,
	progress: statuses.map((status, index) => ({ status, message: status === 'failed' ? 'PDF is not parsable' : null, statement_id: `${entityId}-st-${index}` })),
});
const uploaded = (entityId: string) => ({ json: { entity_id: entityId, statement_id: `${entityId}-st-0`, applicant: `applicant of ${entityId}` } });

beforeEach(resetNetwork);

describe('Analysis → Wait for Analysis', () => {
	test('one pass routes each entity: completed, still processing and failed, none holding back the others', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-done'))).reply(200, envelope('ent-done', ['completed']));
		api.scope.get(apiPath(accountsPath('ent-busy'))).reply(200, envelope('ent-busy', ['completed', 'processing']));
		api.scope.get(apiPath(accountsPath('ent-bad'))).reply(200, envelope('ent-bad', ['failed', 'completed']));

		const { run, error } = await runNode(waitFor(), { startItems: [uploaded('ent-done'), uploaded('ent-busy'), uploaded('ent-bad')] });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		const [completed, stillProcessing, failed] = [0, 1, 2].map((output) => run.outputAt('BankConnect', output));
		expect(completed).toEqual([
			{
				json: {
					...uploaded('ent-done').json,
					analysis_status: {
						entity_id: 'ent-done',
						status: 'completed',
						statements: envelope('ent-done', ['completed']).progress,
						waiting_since: expect.any(String),
						checks: 1,
						message: null,
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(stillProcessing.map((item) => [item.json.applicant, item.json.analysis_status, item.pairedItem])).toEqual([
			['applicant of ent-busy', expect.objectContaining({ entity_id: 'ent-busy', status: 'processing', checks: 1 }), { item: 1 }],
		]);
		expect(failed.map((item) => [item.json.applicant, item.json.analysis_status, item.pairedItem])).toEqual([
			[
				'applicant of ent-bad',
				expect.objectContaining({ status: 'failed', message: 'BankConnect could not analyse the statements: statement ent-bad-st-0 failed: PDF is not parsable' }),
				{ item: 2 },
			],
		]);
	});

	test('Then: Get Transactions sends a completed entity on as its transactions, read by the check itself', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/ent-done/transactions/')).reply(200, { ...RESPONSES.transactions, entity_id: 'ent-done' });

		const { run } = await runNode(waitFor({ then: 'transactions', output: 'split' }), { startItems: [uploaded('ent-done')] });

		expect(requestLines(api.requests)).toEqual(['GET /v1/entity/ent-done/transactions/']);
		expect(run.outputAt('BankConnect', 0).map((item) => [item.json.entity_id, item.json.hash, item.pairedItem])).toEqual(
			TRANSACTIONS.map((transaction) => ['ent-done', transaction.hash, { item: 0 }]),
		);
	});

	test('the next pass keeps counting from the first check; past Max Wait the entity goes to Failed, timed out', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-busy'))).times(2).reply(200, envelope('ent-busy', ['processing']));
		const first = await runNode(waitFor({ maxWaitSeconds: 60 }), { startItems: [uploaded('ent-busy')] });
		const [again] = first.run.outputAt('BankConnect', 1);

		const second = await runNode(waitFor({ maxWaitSeconds: 60 }), { startItems: [{ json: again.json }] });
		const check = second.run.outputAt('BankConnect', 1)[0].json.analysis_status as Record<string, unknown>;
		expect(check).toMatchObject({ checks: 2, waiting_since: (again.json.analysis_status as Record<string, unknown>).waiting_since });

		const longAgo = { ...check, waiting_since: new Date(Date.now() - 61_000).toISOString() };
		api.scope.get(apiPath(accountsPath('ent-busy'))).reply(200, envelope('ent-busy', ['processing']));
		const third = await runNode(waitFor({ maxWaitSeconds: 60 }), { startItems: [{ json: { ...again.json, analysis_status: longAgo } }] });
		expect(third.run.outputAt('BankConnect', 1)).toEqual([]);
		expect(third.run.outputAt('BankConnect', 2)[0].json.analysis_status).toMatchObject({
			status: 'timed_out',
			checks: 3,
			message: 'Analysis not complete after 60 s; still processing: ent-busy-st-0',
		});
	});

	test('an item whose earlier wait ended (timed out, or completed before a new statement) starts a new wait instead of timing out at once', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-busy'))).reply(200, envelope('ent-busy', ['completed', 'processing']));
		const longAgo = new Date(Date.now() - 3_600_000).toISOString();
		const ended = (status: string) => ({
			json: { ...uploaded('ent-busy').json, analysis_status: { entity_id: 'ent-busy', status, statements: [], waiting_since: longAgo, checks: 9, message: null } },
		});

		const { run } = await runNode(waitFor({ maxWaitSeconds: 60 }), { startItems: [ended('timed_out'), ended('completed')] });

		expect(run.outputAt('BankConnect', 2)).toEqual([]);
		expect(run.outputAt('BankConnect', 1).map((item) => [item.json.analysis_status, item.pairedItem])).toEqual([
			[expect.objectContaining({ status: 'processing', checks: 1 }), { item: 0 }],
			[expect.objectContaining({ status: 'processing', checks: 1 }), { item: 1 }],
		]);
		const since = run.outputAt('BankConnect', 1).map((item) => (item.json.analysis_status as { waiting_since: string }).waiting_since);
		expect(since.every((time) => time !== longAgo)).toBe(true);
	});

	test('items of one entity share its check', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-done'))).reply(200, envelope('ent-done', ['completed']));

		const { run } = await runNode(waitFor(), { startItems: [uploaded('ent-done'), uploaded('ent-done')] });

		expect(api.requests).toHaveLength(1);
		expect(run.outputAt('BankConnect', 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('more items of one entity than items working at once share its check without waiting on each other for ever', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-done'))).reply(200, envelope('ent-done', ['completed', 'completed', 'completed', 'completed', 'completed', 'completed']));
		const statements = Array.from({ length: 7 }, () => uploaded('ent-done'));

		const { run, error } = await runNode(waitFor(), { startItems: statements });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(run.outputAt('BankConnect', 0).map((item) => item.pairedItem)).toEqual(statements.map((_, item) => ({ item })));
	}, 20_000);

	test('an entity with no statements yet is still processing, not completed', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-new'))).reply(200, withProgress('accounts', []));

		const { run } = await runNode(waitFor(), { startItems: [uploaded('ent-new')] });

		expect(run.outputAt('BankConnect', 0)).toEqual([]);
		expect(run.outputAt('BankConnect', 1)).toHaveLength(1);
	});

	test('an entity still without statements after Max Wait goes to Failed saying so, in the words every wait uses', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-new'))).reply(200, withProgress('accounts', []));
		const checkedLongAgo = { entity_id: 'ent-new', status: 'processing', statements: [], waiting_since: new Date(Date.now() - 61_000).toISOString(), checks: 4, message: null };

		const { run } = await runNode(waitFor({ maxWaitSeconds: 60 }), { startItems: [{ json: { ...uploaded('ent-new').json, analysis_status: checkedLongAgo } }] });

		expect(run.outputAt('BankConnect', 2).map((item) => item.json.analysis_status)).toEqual([
			{ ...checkedLongAgo, status: 'timed_out', checks: 5, message: 'Analysis not complete after 60 s; the entity has no statements yet; upload one first' },
		]);
	});

	test('with Continue On Fail a refused Entity ID goes to Failed as an error item; the others are routed', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-done'))).reply(200, envelope('ent-done', ['completed']));

		const { run } = await runNode(waitFor(), { continueOnFail: true, startItems: [{ json: { entity_id: '' } }, uploaded('ent-done')] });

		expect(run.outputAt('BankConnect', 0).map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(run.outputAt('BankConnect', 2)).toEqual([
			{
				json: {
					error: 'Entity ID must not be empty (item 0)',
					description: 'Fix the "Entity ID" field of item 0; nothing was sent to BankConnect for this item.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a read BankConnect refuses still stops the node (Continue On Fail off), as every read does', async () => {
		const api = mockApi();
		api.scope.get(apiPath(accountsPath('ent-gone'))).reply(404, { detail: 'Not found.' });

		const { error } = await runNode(waitFor(), { startItems: [uploaded('ent-gone')] });

		expect(error?.message).toBe('entity ent-gone not found');
		expect(api.requests).toHaveLength(1);
	});
});

describe('the node outputs n8n shows', () => {
	async function outputsOf(parameters: Record<string, unknown>, typeVersion = 2) {
		const { nodeTypes } = await engineParts({});
		const node = {
			id: 'bc',
			name: 'BankConnect',
			type: 'n8n-nodes-bankconnect.bankConnect',
			typeVersion,
			position: [0, 0] as [number, number],
			parameters: parameters as INodeParameters,
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const description = nodeTypes.getByNameAndVersion(node.type, typeVersion).description as INodeTypeDescription;
		return NodeHelpers.getNodeOutputs(workflow, workflow.getNode('BankConnect')!, description);
	}

	test('Wait for Analysis has Completed, Still Processing and Failed, in both versions', async () => {
		const routed = [
			{ type: 'main', displayName: 'Completed' },
			{ type: 'main', displayName: 'Still Processing' },
			{ type: 'main', displayName: 'Failed' },
		];
		expect(await outputsOf(waitFor())).toEqual(routed);
		expect(await outputsOf(waitFor(), 1)).toEqual(routed);
	});

	test('every other operation keeps its single output', async () => {
		expect(await outputsOf({ resource: 'analysis', operation: 'transactions' })).toEqual(['main']);
		expect(await outputsOf({ resource: 'statement', operation: 'upload' })).toEqual(['main']);
		expect(await outputsOf({})).toEqual(['main']);
	});
});
