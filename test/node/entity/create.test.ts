import { ENTITY, LINK_ID } from '../../fixtures/entities';
import { apiPath, expectAuthenticated, formOf, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { badInputItem, expectApiError, expectBadInput, runNode, runNodeFailing, runNodeOk } from '../../harness/runNode';
import { SECRETS } from '../../harness/secrets';

const create = (parameters: Record<string, unknown>) => ({
	resource: 'entity',
	operation: 'create',
	linkId: LINK_ID,
	isSingleAccount: false,
	metaDataFormat: 'text',
	metaData: '',
	...parameters,
});

beforeEach(resetNetwork);

describe('Entity → Create', () => {
	test('POSTs form fields with text meta data and outputs the entity', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(201, ENTITY);

		const items = await runNodeOk(create({ isSingleAccount: true, metaData: '  branch Pune  ' }));

		expect(requestLines(api.requests)).toEqual(['POST /v1/entity/']);
		expectAuthenticated(api.requests[0]);
		expect(api.requests[0].body).toBe('link_id=loan-application-42&is_single_account=true&meta_data=branch+Pune');
		expect(items).toEqual([{ json: ENTITY, pairedItem: { item: 0 } }]);
	});

	test('stringifies a JSON object meta data and sends is_single_account=false', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(201, ENTITY);

		await runNodeOk(create({ metaDataFormat: 'json', metaDataJson: '{ "branch": "Pune", "loan": { "amount": 250000 } }' }));

		expect(formOf(api.requests[0])).toEqual({
			link_id: LINK_ID,
			is_single_account: 'false',
			meta_data: '{"branch":"Pune","loan":{"amount":250000}}',
		});
	});

	test('leaves out an empty link ID and meta data', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(201, { entity_id: 'e-1', link_id: null, meta_data: null });

		const items = await runNodeOk(create({ linkId: '   ', metaDataFormat: 'json', metaDataJson: '' }));

		expect(formOf(api.requests[0])).toEqual({ is_single_account: 'false' });
		expect(items[0].json).toEqual({ entity_id: 'e-1', link_id: null, meta_data: null });
	});

	test('signs the request when the credential has a signing secret', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(201, ENTITY);

		await runNodeOk(create({}), { credentials: { signingSecret: SECRETS.signingSecret } });

		expectAuthenticated(api.requests[0], true);
	});

	test('one entity per input item, each paired with its item, in input order', async () => {
		const api = mockApi();
		api.scope
			.post(apiPath('/v1/entity/'))
			.times(3)
			.reply(201, (_uri, body) => {
				const linkId = new URLSearchParams(body as string).get('link_id');
				return { entity_id: `entity-of-${linkId}`, link_id: linkId, meta_data: null };
			});

		const items = await runNodeOk(create({ linkId: '={{ $json.application }}' }), {
			startItems: [{ json: { application: 'app-1' } }, { json: { application: 'app-2' } }, { json: { application: 'app-3' } }],
		});

		expect(items.map((item) => [item.json.entity_id, item.pairedItem])).toEqual([
			['entity-of-app-1', { item: 0 }],
			['entity-of-app-2', { item: 1 }],
			['entity-of-app-3', { item: 2 }],
		]);
		expect(api.requests.map((request) => formOf(request).link_id).sort()).toEqual(['app-1', 'app-2', 'app-3']);
	});

	test('a 400 with field errors becomes a NodeApiError with the field and status', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(400, { meta_data: ['Not a valid string.'] });

		const error = await runNodeFailing(create({}));

		expectApiError(error, { message: 'meta_data: Not a valid string.', httpCode: '400', description: ['HTTP status 400'] });
	});

	describe('bad meta data is refused before any request', () => {
		test.each([
			['not JSON', '{branch: Pune', 'is not valid JSON'],
			['a JSON array', '["a", "b"]', 'must be a JSON object'],
			['a JSON number', '42', 'must be a JSON object'],
		])('%s', async (_name, metaDataJson, problem) => {
			const api = watchApi();

			const error = await runNodeFailing(create({ metaDataFormat: 'json', metaDataJson }));

			expectBadInput(error, 'Meta Data', problem);
			expect(api.requests).toEqual([]);
		});

		test('with continueOnFail only the bad item becomes an error item', async () => {
			const api = mockApi();
			api.scope.post(apiPath('/v1/entity/')).times(2).reply(201, ENTITY);

			const { items, error } = await runNode(create({ metaDataFormat: 'json', metaDataJson: '={{ $json.meta }}' }), {
				continueOnFail: true,
				startItems: [{ json: { meta: '{"a":1}' } }, { json: { meta: 'oops{' } }, { json: { meta: '{"b":2}' } }],
			});

			expect(error).toBeUndefined();
			expect(items).toEqual([
				{ json: ENTITY, pairedItem: { item: 0 } },
				badInputItem('Meta Data', 'is not valid JSON', 1),
				{ json: ENTITY, pairedItem: { item: 2 } },
			]);
			expect(api.requests.map((request) => formOf(request).meta_data).sort()).toEqual(['{"a":1}', '{"b":2}']);
		});
	});
});
