import { Expression } from 'n8n-workflow';

import {
	BankConnectApi,
	CLASSIC_BASE_URL,
	CUSTOM_ENVIRONMENT,
	PRODUCTION_BASE_URL,
} from '../../../credentials/BankConnectApi.credentials';

const credential = new BankConnectApi();

/** Resolves the test request's baseURL expression the way n8n does for a credential test. */
function resolveBaseUrl(credentials: Record<string, string>): unknown {
	const expression = credential.test.request.baseURL as string;
	expect(expression.startsWith('=')).toBe(true);
	return Expression.resolveWithoutWorkflow(expression.slice(1), { $credentials: credentials });
}

describe('credential test', () => {
	test('reads the entity list, which needs both the API key and the Server Hash', () => {
		expect(credential.test.request).toMatchObject({ url: '/v1/entity/', method: 'GET' });
		expect(credential.properties.filter((property) => property.required).map((property) => property.name)).toEqual([
			'apiKey',
			'serverHashSecret',
		]);
	});

	test('reports 401 as "API key or Server Hash rejected", 404 and redirects as a Base URL to correct', () => {
		expect(credential.test.rules).toEqual([
			{ type: 'responseCode', properties: { value: 401, message: 'API key or Server Hash rejected' } },
			{
				type: 'responseCode',
				properties: { value: 404, message: 'Base URL not found: it should end in /bank-connect, like https://apis.bankconnect.finbox.in/bank-connect' },
			},
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode',
				properties: {
					value,
					message:
						'The Base URL answers with a redirect, which is not followed (the API key is only sent to the Base URL): use the API address FinBox gave you',
				},
			})),
		]);
	});

	test.each([
		[PRODUCTION_BASE_URL, '', PRODUCTION_BASE_URL],
		[CLASSIC_BASE_URL, '', CLASSIC_BASE_URL],
		[CUSTOM_ENVIRONMENT, 'http://127.0.0.1:4010/bank-connect', 'http://127.0.0.1:4010/bank-connect'],
	])('environment %s resolves the test base URL to %s%s', (environment, baseUrl, expected) => {
		expect(resolveBaseUrl({ environment, baseUrl })).toBe(expected);
	});

	test('secrets are password fields; the signing secret says the vendor shares the real function', () => {
		const byName = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		for (const name of ['apiKey', 'serverHashSecret', 'signingSecret']) {
			expect(byName[name].typeOptions).toEqual({ password: true });
		}
		expect(byName.signingSecret.description).toContain('FinBox shares the real token function on request');
		expect(byName.signingSecret.description).toContain('HMAC-SHA256');
		expect(byName.baseUrl.displayOptions).toEqual({ show: { environment: [CUSTOM_ENVIRONMENT] } });
	});
});
