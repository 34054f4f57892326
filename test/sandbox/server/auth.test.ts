import { accessToken } from '../../../sandbox/auth';
import { startTestSandbox, type TestSandbox } from './harness';

const UNAUTHENTICATED = { detail: 'Authentication credentials were not provided.' };

describe('sandbox auth', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox();
	});
	afterAll(() => t.close());

	test.each([
		['GET', 'entity/'],
		['POST', 'entity/'],
		['GET', 'net_banking_health/'],
		['GET', 'banks/catalogue/'],
		['POST', 'statement/upload/'],
		['POST', 'statement/upload_session/'],
		['POST', 'session/'],
		['GET', 'entity/link_overview/?link_id=x'],
	])('%s %s without x-api-key → 401', async (method, path) => {
		const response = await t.api(method, path, { noAuth: true });
		expect(response.status).toBe(401);
		expect(response.body).toEqual(UNAUTHENTICATED);
	});

	test('a wrong API key → 401', async () => {
		const response = await t.api('GET', 'net_banking_health/', { headers: { 'x-api-key': 'wrong' } });
		expect(response.status).toBe(401);
		expect(response.body).toEqual(UNAUTHENTICATED);
	});

	test.each([
		['GET', 'entity/'],
		['GET', 'entity/00000000-0000-4000-8000-000000000000/'],
		['GET', 'entity/00000000-0000-4000-8000-000000000000/get_pdfs/'],
		['GET', 'session_data/s1/session_upload_status/'],
		['GET', 'session_data/s1/upload_status/'],
		['POST', 'session_data/s1/initiate_processing/'],
		['GET', 'session_data/s1/progress/'],
		['GET', 'session_data/s1/session_status/'],
		['GET', 'session_data/s1/insights/'],
		['GET', 'session_data/s1/subscribed_data/'],
		['GET', 'session_data/s1/identity/'],
		['GET', 'session_data/s1/transactions/'],
		['GET', 'session_data/s1/recurring_transactions/'],
		['GET', 'session_data/s1/predictors/'],
		['GET', 'session_data/s1/eod_balances/'],
		['GET', 'session_data/s1/monthly_analysis_updated/'],
		['GET', 'session_data/s1/xlsx_report/'],
		['GET', 'session_data/s1/get_pdfs/'],
		['GET', 'banks/catalogue/'],
		['DELETE', 'session_data/s1/delete/'],
		['POST', 'session_data/update_webhook/'],
	])('[hash] route %s %s without server-hash → 401', async (method, path) => {
		const response = await t.api(method, path, { noHash: true });
		expect(response.status).toBe(401);
		expect(response.body).toEqual(UNAUTHENTICATED);
		const wrong = await t.api(method, path, { headers: { 'server-hash': 'nope' } });
		expect(wrong.status).toBe(401);
	});

	test('routes without [hash] work with the API key alone', async () => {
		expect((await t.api('GET', 'net_banking_health/', { noHash: true })).status).toBe(200);
		expect((await t.api('POST', 'entity/', { noHash: true, form: {} })).status).toBe(201);
	});

	test('an unknown API path → 404 {"detail": "Not found."}', async () => {
		const response = await t.api('GET', 'no_such_thing/');
		expect(response.status).toBe(404);
		expect(response.body).toEqual({ detail: 'Not found.' });
	});
});

describe('sandbox request signing (--signing-secret)', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox({ signingSecret: 'sign-me' });
	});
	afterAll(() => t.close());

	test('ACCESS_TOKEN = hex HMAC-SHA256(secret, TIMESTAMP) is accepted', async () => {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const response = await t.api('GET', 'net_banking_health/', {
			headers: { TIMESTAMP: timestamp, ACCESS_TOKEN: accessToken('sign-me', timestamp) },
		});
		expect(response.status).toBe(200);
		expect(accessToken('sign-me', '1700000000')).toBe(
			require('crypto').createHmac('sha256', 'sign-me').update('1700000000').digest('hex'),
		);
	});

	test('missing or wrong signing headers → 401', async () => {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const attempts: Array<Record<string, string>> = [
			{},
			{ TIMESTAMP: timestamp },
			{ TIMESTAMP: timestamp, ACCESS_TOKEN: accessToken('other-secret', timestamp) },
			{ TIMESTAMP: String(Number(timestamp) + 1), ACCESS_TOKEN: accessToken('sign-me', timestamp) },
		];
		for (const headers of attempts) {
			const response = await t.api('GET', 'net_banking_health/', { headers });
			expect(response.status).toBe(401);
			expect(response.body).toEqual(UNAUTHENTICATED);
		}
	});
});
