import { readFailure } from '../../../nodes/BankConnect/transport/errors';
import { ERROR_CASES } from '../../fixtures/errors';
import { apiPath, mockApi, resetNetwork } from '../../harness/bankConnectApi';
import { expectApiError, runNodeFailing } from '../../harness/runNode';

beforeEach(resetNetwork);

// Entity → Create is a POST, so each answer is read once, never retried.
const create = { resource: 'entity', operation: 'create', linkId: 'x', isSingleAccount: false, metaDataFormat: 'text', metaData: '' };

describe('every error shape of the contract becomes a NodeApiError', () => {
	test.each(ERROR_CASES)('$name', async (errorCase) => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/entity/')).reply(errorCase.status, errorCase.body, { 'content-type': errorCase.contentType });

		const error = await runNodeFailing(create);

		expectApiError(error, { message: errorCase.message, httpCode: String(errorCase.status), description: errorCase.description });
		expect(api.requests).toHaveLength(1);
	});

	test('a 200 whose body is not JSON is an error naming the request', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/e-1/')).reply(200, '{"entity_id": "e-1", "link_', { 'content-type': 'application/json' });

		const error = await runNodeFailing({ resource: 'entity', operation: 'get', entityId: 'e-1' });

		expectApiError(error, { message: 'BankConnect answered GET /v1/entity/e-1/ with a body that is not JSON', httpCode: '200' });
	});

	test('an error with an empty body says so', async () => {
		mockApi().scope.post(apiPath('/v1/entity/')).reply(500, '');

		expectApiError(await runNodeFailing(create), { message: 'HTTP 500', httpCode: '500' });
	});

	test('a 404 with a BankConnect code keeps the code rather than "not found"', async () => {
		mockApi().scope.get(apiPath('/v1/entity/e-1/')).reply(404, { error: { code: 'ENTITY_DELETED', message: 'Entity was deleted' } });

		const error = await runNodeFailing({ resource: 'entity', operation: 'get', entityId: 'e-1' });

		expectApiError(error, { message: 'ENTITY_DELETED: Entity was deleted', httpCode: '404', description: ['code ENTITY_DELETED'] });
	});
});

describe('readFailure', () => {
	test('reads code, message and the ids of an upload error', () => {
		expect(
			readFailure(400, { session_id: 's-1', statement_id: 'st-1', error: { code: 'PASSWORD_INCORRECT', message: 'Password incorrect' } }, ''),
		).toEqual({ code: 'PASSWORD_INCORRECT', message: 'Password incorrect', entityId: null, statementId: 'st-1', sessionId: 's-1' });
	});

	test('joins several field errors', () => {
		expect(readFailure(400, { file: ['This field is required.'], bank_name: ['Invalid bank.', 'Try again.'] }, '').message).toBe(
			'file: This field is required.; bank_name: Invalid bank. Try again.',
		);
	});

	test('summarises an HTML body to its text, at most 200 characters', () => {
		const html = `<html><body><p>${'x'.repeat(500)}</p></body></html>`;
		expect(readFailure(502, undefined, html).message).toBe('x'.repeat(200));
	});

	test('falls back to the status when a JSON body says nothing', () => {
		expect(readFailure(503, {}, '{}').message).toBe('HTTP 503');
		expect(readFailure(503, undefined, '  ').message).toBe('HTTP 503 with an empty body');
	});
});
