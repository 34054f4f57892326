import { READ_RETRY_POLICY } from '../../../nodes/BankConnect/transport/retry';
import { ENTITY, ENTITY_ID } from '../../fixtures/entities';
import { apiPath, connectionReset, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { expectApiError, runNodeFailing, runNodeOk } from '../../harness/runNode';
import type { NodeError } from '../../harness/runNode';

const get = { resource: 'entity', operation: 'get', entityId: ENTITY_ID };
const create = { resource: 'entity', operation: 'create', linkId: 'x', isSingleAccount: false, metaDataFormat: 'text', metaData: '' };
const entityPath = apiPath(`/v1/entity/${ENTITY_ID}/`);

/** n8n swaps the message of a known network code for its own wording and keeps the node's in `messages`. */
function expectConnectionReset(error: NodeError): void {
	expectApiError(error, {
		message: 'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
		description: ['The connection failed before BankConnect answered'],
	});
	expect(error.messages).toContain('Could not reach BankConnect (ECONNRESET)');
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; elapsedMs: number }> {
	const started = Date.now();
	const result = await run();
	return { result, elapsedMs: Date.now() - started };
}

beforeEach(resetNetwork);

describe('reads are retried', () => {
	test('429 with Retry-After in seconds waits that long, then succeeds', async () => {
		const api = mockApi();
		api.scope.get(entityPath).reply(429, { detail: 'Request was throttled.' }, { 'Retry-After': '1' });
		api.scope.get(entityPath).reply(200, ENTITY);

		const { result, elapsedMs } = await timed(async () => await runNodeOk(get));

		expect(result).toEqual([{ json: ENTITY, pairedItem: { item: 0 } }]);
		expect(requestLines(api.requests)).toEqual([`GET /v1/entity/${ENTITY_ID}/`, `GET /v1/entity/${ENTITY_ID}/`]);
		expect(elapsedMs).toBeGreaterThanOrEqual(950);
	});

	test('429 with Retry-After as an HTTP date waits until then', async () => {
		const api = mockApi();
		const retryAt = new Date(Date.now() + 2000).toUTCString(); // whole seconds: 1–2 s from now
		api.scope.get(entityPath).reply(429, { detail: 'Request was throttled.' }, { 'Retry-After': retryAt });
		api.scope.get(entityPath).reply(200, ENTITY);

		const { elapsedMs } = await timed(async () => await runNodeOk(get));

		expect(api.requests).toHaveLength(2);
		expect(elapsedMs).toBeGreaterThanOrEqual(900);
	});

	test.each([502, 503, 504])('%s then success', async (status) => {
		const api = mockApi();
		api.scope.get(entityPath).reply(status, 'upstream unavailable', { 'Retry-After': '0' });
		api.scope.get(entityPath).reply(200, ENTITY);

		expect(await runNodeOk(get)).toEqual([{ json: ENTITY, pairedItem: { item: 0 } }]);
		expect(api.requests).toHaveLength(2);
	});

	test('a connection reset then success (backoff without Retry-After)', async () => {
		const api = mockApi();
		api.scope.get(entityPath).replyWithError(connectionReset());
		api.scope.get(entityPath).reply(200, ENTITY);

		const { result, elapsedMs } = await timed(async () => await runNodeOk(get));

		expect(result[0].json).toEqual(ENTITY);
		expect(elapsedMs).toBeGreaterThanOrEqual(READ_RETRY_POLICY.baseDelayMs - 50);
	});

	test(`gives up after ${READ_RETRY_POLICY.maxAttempts} tries with the last error`, async () => {
		const api = mockApi();
		for (let attempt = 1; attempt <= READ_RETRY_POLICY.maxAttempts + 1; attempt++) {
			api.scope.get(entityPath).reply(503, { detail: `busy, attempt ${attempt}` }, { 'Retry-After': '0' });
		}

		const error = await runNodeFailing(get);

		expectApiError(error, { message: `busy, attempt ${READ_RETRY_POLICY.maxAttempts}`, httpCode: '503' });
		expect(api.requests).toHaveLength(READ_RETRY_POLICY.maxAttempts);
		expect(api.scope.pendingMocks()).toHaveLength(1);
	});

	test('repeated connection resets end in a network error without request details', async () => {
		const api = mockApi();
		api.scope.get(entityPath).times(READ_RETRY_POLICY.maxAttempts).replyWithError(connectionReset());

		const error = await runNodeFailing(get);

		expectConnectionReset(error);
		expect(api.scope.isDone()).toBe(true);
	});

	test.each([400, 401, 403, 404])('%s is not retried', async (status) => {
		const api = mockApi();
		api.scope.get(entityPath).reply(status, { detail: 'no' }, { 'Retry-After': '0' });
		api.scope.get(entityPath).reply(200, ENTITY);

		await runNodeFailing(get);

		expect(api.requests).toHaveLength(1);
	});
});

describe('a POST is never resent', () => {
	test('503 on Entity → Create fails at once', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(503, { detail: 'Service unavailable' }, { 'Retry-After': '0' });
		api.scope.post(apiPath('/v1/entity/')).reply(201, ENTITY);

		expectApiError(await runNodeFailing(create), { message: 'Service unavailable', httpCode: '503' });
		expect(requestLines(api.requests)).toEqual(['POST /v1/entity/']);
		expect(api.scope.pendingMocks()).toHaveLength(1);
	});

	test('429 on Entity → Create fails at once', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(429, { detail: 'Request was throttled.' }, { 'Retry-After': '0' });
		api.scope.post(apiPath('/v1/entity/')).reply(201, ENTITY);

		expectApiError(await runNodeFailing(create), { message: 'Request was throttled.', httpCode: '429' });
		expect(api.requests).toHaveLength(1);
	});

	test('a connection reset on Entity → Create fails at once', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).replyWithError(connectionReset());
		api.scope.post(apiPath('/v1/entity/')).reply(201, ENTITY);

		expectConnectionReset(await runNodeFailing(create));
		expect(api.scope.pendingMocks()).toHaveLength(1);
	});
});
