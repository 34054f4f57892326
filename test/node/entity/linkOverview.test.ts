import { LINK_ID, LINK_OVERVIEW } from '../../fixtures/entities';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';

const overview = (output: 'split' | 'whole', linkId = LINK_ID) => ({ resource: 'entity', operation: 'linkOverview', linkId, output });

beforeEach(resetNetwork);

describe('Entity → Link Overview', () => {
	test('GETs /v1/entity/link_overview/?link_id= and outputs one item per entity', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/link_overview/')).query({ link_id: 'loan application/42' }).reply(200, { ...LINK_OVERVIEW, link_id: 'loan application/42' });

		const items = await runNodeOk(overview('split', 'loan application/42'));

		expect(requestLines(api.requests)).toEqual(['GET /v1/entity/link_overview/?link_id=loan%20application%2F42']);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual([
			{ json: { link_id: 'loan application/42', ...LINK_OVERVIEW.progress_data[0] }, pairedItem: { item: 0 } },
			{ json: { link_id: 'loan application/42', entity_id: LINK_OVERVIEW.progress_data[1].entity_id, months: [], bank: null }, pairedItem: { item: 0 } },
		]);
	});

	test('Whole Response outputs the response as one item', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/link_overview/')).query({ link_id: LINK_ID }).reply(200, LINK_OVERVIEW);

		const items = await runNodeOk(overview('whole'));

		expect(items).toEqual([{ json: LINK_OVERVIEW, pairedItem: { item: 0 } }]);
	});

	test('a link ID with no entities outputs no items', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/link_overview/')).query({ link_id: 'nobody' }).reply(200, { link_id: 'nobody', progress_data: [] });

		expect(await runNodeOk(overview('split', 'nobody'))).toEqual([]);
	});

	test('a blank Link ID is refused before any request', async () => {
		const api = watchApi();

		expectBadInput(await runNodeFailing(overview('split', '   ')), 'Link ID', 'must not be empty');
		expect(api.requests).toEqual([]);
	});
});
