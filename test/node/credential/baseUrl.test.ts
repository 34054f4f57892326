import nock from 'nock';

import { ENTITY } from '../../fixtures/entities';
import { expectAuthenticated, resetNetwork } from '../../harness/bankConnectApi';
import type { RecordedRequest } from '../../harness/bankConnectApi';
import { runNodeFailing, runNodeOk } from '../../harness/runNode';

const get = { resource: 'entity', operation: 'get', entityId: 'e-1' };

beforeEach(resetNetwork);

describe('the base URL of the credential', () => {
	test('plain http:// to a non-loopback host is refused before anything is sent, saying why', async () => {
		const scope = nock('http://bankconnect.example.com').get(/.*/).reply(200, ENTITY);

		const error = await runNodeFailing(get, { credentials: { baseUrl: 'http://bankconnect.example.com/bank-connect' } });

		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(
			'The BankConnect base URL "http://bankconnect.example.com/bank-connect" is refused: the API only accepts HTTPS, and plain http:// is allowed only for a loopback host such as 127.0.0.1 or localhost',
		);
		expect(error.context?.itemIndex).toBe(0);
		expect(scope.isDone()).toBe(false);
	});

	test('plain http:// to loopback (a local sandbox) is used, with a trailing slash trimmed', async () => {
		const requests: RecordedRequest[] = [];
		nock('http://127.0.0.1:4010')
			.get('/bank-connect/v1/entity/e-1/')
			.reply(function () {
				requests.push({ method: 'GET', path: this.req.path, headers: this.req.headers as Record<string, string>, body: '' });
				return [200, ENTITY];
			});

		const items = await runNodeOk(get, { credentials: { baseUrl: 'http://127.0.0.1:4010/bank-connect/' } });

		expect(items).toEqual([{ json: ENTITY, pairedItem: { item: 0 } }]);
		expectAuthenticated(requests[0]);
	});

	test('a Base URL ending in /v1 (copied from an endpoint) is used without it', async () => {
		const requests: RecordedRequest[] = [];
		nock('https://proxy.example.com')
			.get('/bank-connect/v1/entity/e-1/')
			.reply(function () {
				requests.push({ method: 'GET', path: this.req.path, headers: this.req.headers as Record<string, string>, body: '' });
				return [200, ENTITY];
			});

		const items = await runNodeOk(get, { credentials: { baseUrl: 'https://proxy.example.com/bank-connect/v1/' } });

		expect(items).toEqual([{ json: ENTITY, pairedItem: { item: 0 } }]);
		expect(requests.map((request) => request.path)).toEqual(['/bank-connect/v1/entity/e-1/']);
	});
});

