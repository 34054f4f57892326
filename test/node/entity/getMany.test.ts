import { PAGINATION_CONCURRENCY } from '../../../nodes/BankConnect/transport/pagination';
import { entityPage, listedEntity } from '../../fixtures/entities';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import type { MockApi } from '../../harness/bankConnectApi';
import { expectApiError, expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';

const getMany = (parameters: Record<string, unknown>) => ({
	resource: 'entity',
	operation: 'getMany',
	returnAll: false,
	limit: 50,
	filters: {},
	...parameters,
});

/** Answers pages `pages` of a `total`-entity listing; each page after `delayMs(page)` ms, logging when it answered. */
function servePages(api: MockApi, total: number, pages: number[], delayMs: (page: number) => number = () => 0, answered: number[] = []) {
	for (const page of pages) {
		api.scope
			.get(apiPath('/v1/entity/'))
			.query({ page: String(page) })
			.reply((_uri, _body, callback) => {
				setTimeout(() => {
					answered.push(page);
					callback(null, [200, entityPage(page, total)]);
				}, delayMs(page));
			});
	}
	return answered;
}

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => listedEntity(from + index).entity_id);

beforeEach(resetNetwork);

describe('Entity → Get Many', () => {
	test('Return All reads page 1, then the other pages at the same time, and outputs every entity in order', async () => {
		const api = mockApi();
		// page 2 answers last: the output must still be in page order
		const answered = servePages(api, 35, [1, 2, 3, 4], (page) => ({ 1: 0, 2: 300, 3: 120, 4: 0 })[page] ?? 0);

		const items = await runNodeOk(getMany({ returnAll: true }));

		expect(requestLines(api.requests)).toEqual([
			'GET /v1/entity/?page=1',
			'GET /v1/entity/?page=2',
			'GET /v1/entity/?page=3',
			'GET /v1/entity/?page=4',
		]);
		expect(answered).toEqual([1, 4, 3, 2]);
		for (const request of api.requests) expectAuthenticated(request);
		expect(items.map((item) => item.json.entity_id)).toEqual(ids(1, 35));
		expect(items[0]).toEqual({ json: listedEntity(1), pairedItem: { item: 0 } });
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test(`Return All keeps at most ${PAGINATION_CONCURRENCY} pages in flight`, async () => {
		const api = mockApi();
		let inFlight = 0;
		let mostInFlight = 0;
		api.scope.get(apiPath('/v1/entity/')).query({ page: '1' }).reply(200, entityPage(1, 300));
		api.scope
			.get(apiPath('/v1/entity/'))
			.query(true)
			.times(29)
			.reply((uri, _body, callback) => {
				inFlight++;
				mostInFlight = Math.max(mostInFlight, inFlight);
				const page = Number(new URL(uri, 'https://x').searchParams.get('page'));
				setTimeout(() => {
					inFlight--;
					callback(null, [200, entityPage(page, 300)]);
				}, 20);
			});

		const items = await runNodeOk(getMany({ returnAll: true }));

		expect(items).toHaveLength(300);
		expect(items.map((item) => item.json.entity_id)).toEqual(ids(1, 300));
		expect(mostInFlight).toBe(PAGINATION_CONCURRENCY);
		expect(api.scope.isDone()).toBe(true);
	});

	test('Limit stops early: 15 of 35 reads pages 1 and 2 only', async () => {
		const api = mockApi();
		servePages(api, 35, [1, 2]);

		const items = await runNodeOk(getMany({ limit: 15 }));

		expect(requestLines(api.requests)).toEqual(['GET /v1/entity/?page=1', 'GET /v1/entity/?page=2']);
		expect(items.map((item) => item.json.entity_id)).toEqual(ids(1, 15));
	});

	test('Limit within page 1 reads page 1 only', async () => {
		const api = mockApi();
		servePages(api, 35, [1]);

		const items = await runNodeOk(getMany({ limit: 4 }));

		expect(requestLines(api.requests)).toEqual(['GET /v1/entity/?page=1']);
		expect(items.map((item) => item.json.entity_id)).toEqual(ids(1, 4));
	});

	test('a Limit above the count reads exactly the pages that exist', async () => {
		const api = mockApi();
		servePages(api, 23, [1, 2, 3]);

		const items = await runNodeOk(getMany({ limit: 500 }));

		expect(requestLines(api.requests)).toEqual(['GET /v1/entity/?page=1', 'GET /v1/entity/?page=2', 'GET /v1/entity/?page=3']);
		expect(items).toHaveLength(23);
	});

	test('filters by link_id on every page', async () => {
		const api = mockApi();
		for (const page of [1, 2]) {
			api.scope.get(apiPath('/v1/entity/')).query({ link_id: 'app-9', page: String(page) }).reply(200, entityPage(page, 12, 'app-9'));
		}

		const items = await runNodeOk(getMany({ returnAll: true, filters: { linkId: ' app-9 ' } }));

		expect(requestLines(api.requests)).toEqual(['GET /v1/entity/?link_id=app-9&page=1', 'GET /v1/entity/?link_id=app-9&page=2']);
		expect(items.map((item) => item.json.link_id)).toEqual(new Array(12).fill('app-9'));
	});

	test('an empty listing outputs no items', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/')).query({ page: '1' }).reply(200, { count: 0, next: null, previous: null, results: [] });

		expect(await runNodeOk(getMany({ returnAll: true }))).toEqual([]);
		expect(api.requests).toHaveLength(1);
	});

	test('a failing later page fails the node with its error', async () => {
		const api = mockApi();
		servePages(api, 25, [1, 2]);
		api.scope.get(apiPath('/v1/entity/')).query({ page: '3' }).reply(401, { detail: 'Invalid server hash.' });

		const error = await runNodeFailing(getMany({ returnAll: true }));

		expectApiError(error, { message: 'Invalid server hash.', httpCode: '401' });
	});

	test.each([0, -3, 2.5])('Limit %s is refused before any request', async (limit) => {
		const api = watchApi();

		expectBadInput(await runNodeFailing(getMany({ limit })), 'Limit', 'must be a whole number of at least 1');
		expect(api.requests).toEqual([]);
	});
});
