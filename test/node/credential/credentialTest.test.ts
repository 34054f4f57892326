/**
 * The credential's Test, run as n8n's editor runs it (test/harness/credentialTest.ts), against a
 * local API host: a Base URL ending in /v1 works, a Base URL the API is not under says what it
 * should look like, and a redirect is reported, not followed.
 */
import { bankConnectCredentials } from '../../harness/engine';
import { testCredential } from '../../harness/credentialTest';
import { redirect, sendJson, startLocalServer } from '../../harness/hostileServer';
import type { LocalServer } from '../../harness/hostileServer';
import { SECRETS } from '../../harness/secrets';

let api: LocalServer;
let elsewhere: LocalServer;

beforeAll(async () => {
	elsewhere = await startLocalServer((_request, response) => sendJson(response, 200, { count: 0, next: null, previous: null, results: [] }));
	api = await startLocalServer((request, response) => {
		if (request.path.startsWith('/moved/')) return redirect(response, 302, `${elsewhere.origin}/bank-connect/v1/entity/`);
		if (request.path !== '/bank-connect/v1/entity/') return sendJson(response, 404, { detail: 'Not found.' });
		if (request.headers['x-api-key'] !== SECRETS.apiKey || request.headers['server-hash'] !== SECRETS.serverHash) {
			return sendJson(response, 401, { detail: 'Authentication credentials were not provided.' });
		}
		return sendJson(response, 200, { count: 0, next: null, previous: null, results: [] });
	});
});

afterAll(async () => {
	await api.close();
	await elsewhere.close();
});

beforeEach(() => {
	api.received.length = 0;
	elsewhere.received.length = 0;
});

const credential = (baseUrl: string, overrides: Record<string, string> = {}) =>
	bankConnectCredentials(baseUrl, { apiKey: SECRETS.apiKey, serverHashSecret: SECRETS.serverHash, ...overrides }).bankConnectApi;

describe('the credential Test', () => {
	test.each(['/bank-connect', '/bank-connect/', '/bank-connect/v1', '/bank-connect/v1/'])('passes with the Base URL <origin>%s', async (path) => {
		expect(await testCredential(credential(`${api.origin}${path}`))).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(api.received.map((request) => request.path)).toEqual(['/bank-connect/v1/entity/']);
	});

	test('a Base URL without /bank-connect says what the URL should look like', async () => {
		expect(await testCredential(credential(api.origin))).toEqual({
			status: 'Error',
			message: 'Base URL not found: it should end in /bank-connect, like https://apis.bankconnect.finbox.in/bank-connect',
		});
		expect(api.received.map((request) => request.path)).toEqual(['/v1/entity/']);
	});

	test('a wrong key still reads "API key or Server Hash rejected"', async () => {
		expect(await testCredential(credential(`${api.origin}/bank-connect`, { apiKey: 'wrong-key-1234' }))).toEqual({
			status: 'Error',
			message: 'API key or Server Hash rejected',
		});
	});

	test('a Base URL that redirects elsewhere is reported, and the other host receives nothing', async () => {
		expect(await testCredential(credential(`${api.origin}/moved`))).toEqual({
			status: 'Error',
			message: 'The Base URL answers with a redirect, which is not followed (the API key is only sent to the Base URL): use the API address FinBox gave you',
		});
		expect(api.received).toHaveLength(1);
		expect(elsewhere.received).toEqual([]);
	});
});
