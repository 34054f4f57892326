import { ENTITY, ENTITY_ID } from '../../fixtures/entities';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { badInputItem, expectApiError, expectBadInput, runNode, runNodeFailing, runNodeOk } from '../../harness/runNode';

const get = (entityId: string) => ({ resource: 'entity', operation: 'get', entityId });

beforeEach(resetNetwork);

describe('Entity → Get', () => {
	test('GETs /v1/entity/<id>/ with the key and hash and outputs the entity', async () => {
		const api = mockApi();
		api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/`)).reply(200, ENTITY);

		const items = await runNodeOk(get(`  ${ENTITY_ID} `));

		expect(requestLines(api.requests)).toEqual([`GET /v1/entity/${ENTITY_ID}/`]);
		expectAuthenticated(api.requests[0]);
		expect(api.requests[0].headers.accept).toBe('application/json');
		expect(items).toEqual([{ json: ENTITY, pairedItem: { item: 0 } }]);
	});

	test('an id that is not a plain path segment is refused, not sent (see test/node/validation/ids.test.ts)', async () => {
		const api = watchApi();

		const error = await runNodeFailing(get('a/b?c'));

		expectBadInput(error, 'Entity ID', 'may hold only letters, digits, "-", "_", "." and "~", as a BankConnect ID does (got "a/b?c")');
		expect(api.requests).toEqual([]);
	});

	test.each([
		['a UUID', '4c5a1b9e-7d2f-4e8a-9b1c-2d3e4f5a6b7c', '4c5a1b9e-7d2f-4e8a-9b1c-2d3e4f5a6b7c'],
		['every character an ID may hold', 'ent_1.2~x-Y', 'ent_1.2~x-Y'],
		['a number from an expression', '={{ 12345 }}', '12345'],
	])('%s is sent as the path segment', async (_name, entityId, segment) => {
		const api = mockApi();
		api.scope.get(apiPath(`/v1/entity/${segment}/`)).reply(200, ENTITY);

		await runNodeOk(get(entityId));

		expect(requestLines(api.requests)).toEqual([`GET /v1/entity/${segment}/`]);
	});

	test('a 404 says "entity <id> not found"', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/missing-1/')).reply(404, { detail: 'Not found.' });

		const error = await runNodeFailing(get('missing-1'));

		expectApiError(error, { message: 'entity missing-1 not found', httpCode: '404', description: ['HTTP status 404'] });
		expect(error.context?.itemIndex).toBe(0);
	});

	// an empty required field stops n8n before the node runs; an expression can still yield one
	test.each([['empty', '={{ "" }}'], ['whitespace', ' \t ']])('an %s Entity ID is refused before any request', async (_name, entityId) => {
		const api = watchApi();

		const error = await runNodeFailing(get(entityId));

		expectBadInput(error, 'Entity ID', 'must not be empty');
		expect(api.requests).toEqual([]);
	});

	test('with continueOnFail a blank id and a 404 become error items; the good item still outputs', async () => {
		const api = mockApi();
		api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/`)).reply(200, ENTITY);
		api.scope.get(apiPath('/v1/entity/gone/')).reply(404, { detail: 'Not found.' });

		const { items, error } = await runNode(get('={{ $json.id }}'), {
			continueOnFail: true,
			startItems: [{ json: { id: 'gone' } }, { json: { id: ' ' } }, { json: { id: ENTITY_ID } }],
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { error: 'entity gone not found', description: 'HTTP status 404. Next step: check the ID: copy it from the output of the node that created it.', httpCode: '404' }, pairedItem: { item: 0 } },
			badInputItem('Entity ID', 'must not be empty', 1),
			{ json: ENTITY, pairedItem: { item: 2 } },
		]);
		expect(api.requests).toHaveLength(2);
	});
});
