import { createHmac } from 'crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';

import {
	BankConnectApi,
	CLASSIC_BASE_URL,
	PRODUCTION_BASE_URL,
	assertSecureBaseUrl,
	authenticateRequest,
	baseUrlOf,
} from '../../../credentials/BankConnectApi.credentials';
import { SECRETS } from '../../harness/secrets';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const NOW_SECONDS = String(NOW / 1000);

function credentials(overrides: Record<string, string> = {}) {
	return {
		apiKey: SECRETS.apiKey,
		serverHashSecret: SECRETS.serverHash,
		environment: 'custom',
		baseUrl: 'https://proxy.example.com/bank-connect/',
		signingSecret: '',
		...overrides,
	};
}

const relative = (): IHttpRequestOptions => ({ url: '/v1/entity/', method: 'GET', headers: { Accept: 'application/json' } });

describe('authenticate', () => {
	test('adds x-api-key and server-hash and the base URL (trailing slash dropped) to an API path', async () => {
		const options = await authenticateRequest(credentials(), relative());
		expect(options.baseURL).toBe('https://proxy.example.com/bank-connect');
		expect(options.url).toBe('/v1/entity/');
		expect(options.headers).toEqual({
			Accept: 'application/json',
			'x-api-key': SECRETS.apiKey,
			'server-hash': SECRETS.serverHash,
		});
		expect(options.sendCredentialsOnCrossOriginRedirect).toBe(false);
		expect(options.disableFollowRedirect).toBe(true);
	});

	test('POST /v1/session/ also carries api_key in its form body; the caller\'s form is left as it was', async () => {
		const form = new URLSearchParams({ link_id: 'loan-1' });
		const options = await authenticateRequest(credentials(), { url: '/v1/session/', method: 'POST', body: form });
		expect((options.body as URLSearchParams).toString()).toBe(`link_id=loan-1&api_key=${SECRETS.apiKey}`);
		expect(form.toString()).toBe('link_id=loan-1');
	});

	test('POST /v2/session/ (Session API V2) carries api_key in its JSON body; other JSON bodies do not', async () => {
		const body = JSON.stringify({ link_id: 'loan-1', consents: { CC0001: { from_date: '01/01/2026' } } });
		const v2 = await authenticateRequest(credentials(), { url: '/v2/session/', method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
		expect(JSON.parse(v2.body as string)).toEqual({ link_id: 'loan-1', consents: { CC0001: { from_date: '01/01/2026' } }, api_key: SECRETS.apiKey });
		const webhook = await authenticateRequest(credentials(), { url: '/v1/entity/update_webhook/', method: 'POST', body: '{"webhook_url":"https://x.example"}' });
		expect(webhook.body).toBe('{"webhook_url":"https://x.example"}');
		const notJson = await authenticateRequest(credentials(), { url: '/v2/session/', method: 'POST', body: 'not json' });
		expect(notJson.body).toBe('not json');
	});

	test('no other request gets api_key in its body', async () => {
		const form = new URLSearchParams({ link_id: 'loan-1' });
		const entity = await authenticateRequest(credentials(), { url: '/v1/entity/', method: 'POST', body: form });
		expect(entity.body).toBe(form);
		const read = await authenticateRequest(credentials(), { url: '/v1/session/', method: 'GET' });
		expect(read.body).toBeUndefined();
	});

	test('with a signing secret adds TIMESTAMP (Unix seconds) and ACCESS_TOKEN = hex HMAC-SHA256(secret, TIMESTAMP)', async () => {
		const options = await authenticateRequest(credentials({ signingSecret: SECRETS.signingSecret }), relative(), undefined, () => NOW + 999);
		const expected = createHmac('sha256', SECRETS.signingSecret).update(NOW_SECONDS).digest('hex');
		expect(options.headers).toMatchObject({ TIMESTAMP: NOW_SECONDS, ACCESS_TOKEN: expected });
		expect(expected).toMatch(/^[0-9a-f]{64}$/);
	});

	test('computes the token fresh for every request and through a pluggable signer', async () => {
		const calls: string[] = [];
		const sign = (secret: string, timestamp: string) => {
			calls.push(`${secret}@${timestamp}`);
			return `token-${timestamp}`;
		};
		const first = await authenticateRequest(credentials({ signingSecret: 's' }), relative(), sign, () => NOW);
		const second = await authenticateRequest(credentials({ signingSecret: 's' }), relative(), sign, () => NOW + 5000);
		expect(first.headers?.ACCESS_TOKEN).toBe(`token-${NOW_SECONDS}`);
		expect(second.headers?.ACCESS_TOKEN).toBe(`token-${Number(NOW_SECONDS) + 5}`);
		expect(calls).toEqual([`s@${NOW_SECONDS}`, `s@${Number(NOW_SECONDS) + 5}`]);
	});

	test('an absolute URL under the base URL is authenticated', async () => {
		const options = await authenticateRequest(credentials(), {
			url: 'https://proxy.example.com/bank-connect/v1/entity/?page=2',
			method: 'GET',
		});
		expect(options.headers).toMatchObject({ 'x-api-key': SECRETS.apiKey, 'server-hash': SECRETS.serverHash });
	});

	test.each([
		['a report link on another host', 'https://files.finbox-cdn.example/reports/a.xlsx?sig=1'],
		['a host that merely starts like the base URL', 'https://proxy.example.com/bank-connect-evil/x.pdf'],
		['another scheme and same host', 'http://proxy.example.com/bank-connect/v1/x.pdf'],
		['a protocol-relative link, which axios sends to its host', '//files.finbox-cdn.example/reports/a.xlsx'],
		['a protocol-relative link naming the API host', '//proxy.example.com/bank-connect/v1/entity/'],
	])('adds no credentials to %s', async (_name, url) => {
		const options = await authenticateRequest(credentials({ signingSecret: SECRETS.signingSecret }), { url, method: 'GET', headers: { Accept: '*/*' } });
		expect(options.headers).toEqual({ Accept: '*/*' });
		expect(options.baseURL).toBeUndefined();
		expect(options.sendCredentialsOnCrossOriginRedirect).toBe(false);
		expect(JSON.stringify(options)).not.toContain(SECRETS.apiKey);
	});

	test.each([
		['production', PRODUCTION_BASE_URL, PRODUCTION_BASE_URL],
		['classic portal', CLASSIC_BASE_URL, CLASSIC_BASE_URL],
	])('the %s environment is used as the base URL', async (_name, environment, expected) => {
		const options = await authenticateRequest(credentials({ environment, baseUrl: 'https://ignored.example' }), relative());
		expect(options.baseURL).toBe(expected);
		expect(baseUrlOf(credentials({ environment }))).toBe(expected);
	});

	test('refuses a plain http:// base URL on a non-loopback host, saying why', async () => {
		await expect(
			authenticateRequest(credentials({ baseUrl: 'http://proxy.example.com/bank-connect' }), relative()),
		).rejects.toThrow(
			'The BankConnect base URL "http://proxy.example.com/bank-connect" is refused: the API only accepts HTTPS, and plain http:// is allowed only for a loopback host such as 127.0.0.1 or localhost',
		);
	});

	test.each(['http://10.0.0.5:4010/bank-connect', 'http://127.attacker.example/bank-connect', 'http://localhost.example.com/x', 'ftp://127.0.0.1/x'])(
		'refuses %s',
		(url) => {
			expect(() => assertSecureBaseUrl(url)).toThrow('is refused: the API only accepts HTTPS');
		},
	);

	test.each(['http://127.0.0.1:4010/bank-connect', 'http://localhost:4010/bank-connect', 'http://[::1]:4010/bank-connect', 'http://127.5.6.7/bank-connect', 'https://apis.bankconnect.finbox.in/bank-connect'])(
		'allows %s',
		(url) => {
			expect(() => assertSecureBaseUrl(url)).not.toThrow();
		},
	);

	test('a loopback http:// sandbox URL is authenticated normally', async () => {
		const options = await authenticateRequest(credentials({ baseUrl: 'http://127.0.0.1:4010/bank-connect' }), relative());
		expect(options.baseURL).toBe('http://127.0.0.1:4010/bank-connect');
		expect(options.headers).toMatchObject({ 'x-api-key': SECRETS.apiKey });
	});

	test('an unparsable base URL is refused without repeating it', async () => {
		const refusal = authenticateRequest(credentials({ baseUrl: 'user hunter2@not a url' }), relative());
		await expect(refusal).rejects.toThrow(
			new Error('The BankConnect base URL is not a valid URL; it should look like https://apis.bankconnect.finbox.in/bank-connect'),
		);
	});

	test.each([
		['http://ops:hunter2@proxy.example.com/bank-connect?token=t1#x', '"http://proxy.example.com/bank-connect"'],
		['ftp://ops:hunter2@127.0.0.1/x', '"ftp://127.0.0.1/x"'],
		['mailto:ops:hunter2@proxy.example.com', '"mailto:"'],
	])('a refused base URL %s is shown without user name, password, query or fragment', (url, shown) => {
		expect(() => assertSecureBaseUrl(url)).toThrow(`The BankConnect base URL ${shown} is refused`);
		expect(() => assertSecureBaseUrl(url)).not.toThrow(/hunter2|t1/);
	});

	test.each([
		['https://proxy.example.com/bank-connect/v1', 'https://proxy.example.com/bank-connect'],
		['https://proxy.example.com/bank-connect/v1/', 'https://proxy.example.com/bank-connect'],
		['https://proxy.example.com/bank-connect/V1//', 'https://proxy.example.com/bank-connect'],
		[' https://proxy.example.com/bank-connect/ ', 'https://proxy.example.com/bank-connect'],
		['https://proxy.example.com/bank-connect/v10', 'https://proxy.example.com/bank-connect/v10'],
		['https://proxy.example.com/apiv1', 'https://proxy.example.com/apiv1'],
	])('the Base URL %s is used as %s (a trailing /v1 is dropped: the node adds /v1/ itself)', async (baseUrl, expected) => {
		expect(baseUrlOf(credentials({ baseUrl }))).toBe(expected);
		expect((await authenticateRequest(credentials({ baseUrl }), relative())).baseURL).toBe(expected);
	});

	test("the credential class's authenticate is this function", async () => {
		const options = await new BankConnectApi().authenticate(credentials(), relative());
		expect(options.headers).toMatchObject({ 'x-api-key': SECRETS.apiKey, 'server-hash': SECRETS.serverHash });
	});
});
