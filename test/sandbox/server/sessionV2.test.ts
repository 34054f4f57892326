/**
 * Session API V2 (`POST /v2/session/`, documented 2025-12): V1's fields plus `aa_journey_code`,
 * `consents` and `metadata`, validated as the docs' error tables give them; the redirect carries a
 * `token`. Uploads and reads of a V2 session stay on V1.
 */
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, UUID, waitFor, type TestSandbox } from './harness';

let t: TestSandbox;
let apiKey: string;

beforeAll(async () => {
	t = await startTestSandbox({ processingMs: 50, disabledModes: ['online'] });
	apiKey = t.sandbox.options.apiKey;
});
afterAll(() => t.close());

const v2 = async (body: Record<string, unknown>, options: { noHeader?: boolean; form?: boolean } = {}) => {
	const response = await fetch(`${t.sandbox.origin}/bank-connect/v2/session/`, {
		method: 'POST',
		headers: { ...(options.noHeader ? {} : { 'x-api-key': apiKey }), 'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json' },
		body: options.form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
};
const stored = async (sessionId: string) => (await t.admin('GET', `sessions/${sessionId}`)).body;

describe('create', () => {
	test('link_id alone: 200 with a redirect_url carrying a token; the default journey BCAA001 with its one consent over the session dates', async () => {
		const response = await v2({ link_id: 'UX-2827', api_key: apiKey });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ session_id: expect.stringMatching(UUID), redirect_url: expect.any(String) });
		const url = new URL(response.body.redirect_url);
		expect(url.searchParams.get('session_id')).toBe(response.body.session_id);
		expect(url.searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
		const session = await stored(response.body.session_id);
		expect(session).toMatchObject({ api_version: 2, link_id: 'UX-2827', aa_journey_code: 'BCAA001', redirect_token: url.searchParams.get('token') });
		expect(session.consents).toEqual({ CC0001: { from_date: session.from_date, to_date: session.to_date, consent_expiry: null } });
		expect(session.metadata).toEqual({ names: [], employer_names: [], companies_for_self_transfer: [] });
		const page = await (await fetch(response.body.redirect_url)).text();
		expect(page).toContain('Its token is valid.');
		expect(await (await fetch(response.body.redirect_url.replace(/token=[0-9a-f]+/, 'token=forged'))).text()).toContain('Its token is missing or wrong.');
	});

	test('every documented field, consents and metadata as JSON objects', async () => {
		const response = await v2({
			link_id: 'YP-7863',
			api_key: apiKey,
			redirect_url: 'https://lender.example/done',
			from_date: '01/06/2025',
			to_date: '09/12/2025',
			logo_url: 'https://lender.example/logo.png',
			bank_name: 'ICICI',
			mode: 'aa',
			mobile_number: '9876543210',
			session_expiry: 120,
			journey_mode: 'multi_banking',
			accept_anything: true,
			is_mobile_field_editable: false,
			aa_journey_code: 'BCAA003',
			consents: { CC0003: { from_date: '01/10/2025', to_date: '09/12/2025', consent_expiry: '10/12/2026' } },
			metadata: { names: ['AYUSH PATIL'], employer_names: ['ACME LTD'], companies_for_self_transfer: [] },
			aa_recurring_tenure_month_count: 24,
			aa_recurring_frequency_unit: 'day',
			aa_recurring_frequency_value: 3,
		});
		expect(response.status).toBe(200);
		expect(await stored(response.body.session_id)).toMatchObject({
			from_date: '2025-06-01',
			to_date: '2025-12-09',
			bank_name: 'icici',
			mode: 'aa',
			session_expiry: 120,
			aa_journey_code: 'BCAA003',
			// the given consent's window, and the journey's other consent over the session dates
			consents: {
				CC0003: { from_date: '2025-10-01', to_date: '2025-12-09', consent_expiry: '2026-12-10' },
				CC0004: { from_date: '2025-06-01', to_date: '2025-12-09', consent_expiry: null },
			},
			metadata: { names: ['AYUSH PATIL'], employer_names: ['ACME LTD'], companies_for_self_transfer: [] },
			aa_recurring: { tenureMonths: 24, frequencyUnit: 'day', frequencyValue: 3 },
		});
	});

	test('a form body works too, objects as JSON text; the docs\' `bank` names the bank', async () => {
		const response = await v2(
			{ link_id: 'TU-1234', api_key: apiKey, bank: 'HDFC', aa_journey_code: 'BCAA001', consents: JSON.stringify({ CC0001: { from_date: '01/01/2025', to_date: '09/12/2025' } }) },
			{ form: true },
		);
		expect(response.status).toBe(200);
		expect(await stored(response.body.session_id)).toMatchObject({ bank_name: 'hdfc', consents: { CC0001: { from_date: '2025-01-01', to_date: '2025-12-09' } } });
	});

	test('api_key in the body without the x-api-key header is accepted (the docs\' table lists only the field)', async () => {
		const response = await v2({ link_id: 'body-key', api_key: apiKey }, { noHeader: true });
		expect(response.status).toBe(200);
	});

	test('a V2 session takes V1 uploads and V1 reads', async () => {
		const { body } = await v2({ link_id: 'v2-flow', api_key: apiKey, from_date: '01/09/2025', to_date: '31/12/2025' });
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'kotak', months: 2, seed: 'v2-flow', end: '2025-12-31' });
		const upload = await t.api('POST', 'statement/upload_session/', { multipart: { file: pdf, session_id: body.session_id, upload_type: 'PDF' } });
		expect(upload.status).toBe(200);
		expect((await t.api('POST', `session_data/${body.session_id}/initiate_processing/`)).status).toBe(202);
		await waitFor(async () => ((await t.api('GET', `session_data/${body.session_id}/progress/`)).body.session_progress === 'completed' ? true : undefined));
		const insights = await t.api('GET', `session_data/${body.session_id}/insights/`);
		expect(insights.body).toMatchObject({ session_id: body.session_id, link_id: 'v2-flow', accounts: [{ account_id: upload.body.account_id }] });
	});
});

describe('validation, in the V2 error tables\' codes and words', () => {
	const long = (n: number) => 'x'.repeat(n);
	test.each<[string, Record<string, unknown>, number, string, string | RegExp]>([
		['no link_id', { link_id: undefined }, 400, 'INVALID_REQUEST', 'link_id, This field is required.'],
		['link_id over 500 characters', { link_id: long(501) }, 400, 'INVALID_REQUEST', 'link_id, Ensure this field has no more than 500 characters.'],
		['redirect_url over 200 characters', { redirect_url: `https://a.example/${long(190)}` }, 400, 'INVALID_REQUEST', 'redirect_url, Ensure this field has no more than 200 characters.'],
		['bank_name over 50 characters', { bank_name: long(51) }, 400, 'INVALID_REQUEST', 'bank_name, Ensure this field has no more than 50 characters.'],
		['an unknown bank', { bank_name: 'nobank' }, 400, 'INVALID_BANK_NAME', 'Invalid bank identifier.'],
		['a mode without a bank', { mode: 'pdf' }, 400, 'MISSING_BANK_NAME', /bank_name/],
		['a mode the bank lacks', { mode: 'aa', bank_name: 'sbi' }, 400, 'MODE_NOT_AVAILABLE', /not available/],
		['a mode not enabled', { mode: 'online', bank_name: 'hdfc' }, 403, 'MODE_NOT_ENABLED', /not enabled/],
		['an unknown mode', { mode: 'no' }, 400, 'INVALID_REQUEST', 'mode, "no" is not a valid choice.'],
		['an unknown journey_mode', { journey_mode: 'solo' }, 400, 'INVALID_REQUEST', 'journey_mode, "solo" is not a valid choice.'],
		['a bad date', { from_date: '2025-01-01', to_date: '09/12/2025' }, 400, 'INVALID_DATE_FORMAT', /DD\/MM\/YYYY/],
		['dates the wrong way round', { from_date: '09/12/2025', to_date: '01/01/2025' }, 400, 'INVALID_DATE_RANGE', /from_date/],
		['only one date', { from_date: '01/01/2025' }, 400, 'MISSING_DATE_FIELD', /required/],
		['a bad mobile number', { mobile_number: '12345' }, 400, 'INVALID_MOBILE_NUMBER', 'Invalid mobile number.'],
		['session_expiry under 5', { session_expiry: 4 }, 400, 'INVALID_SESSION_EXPIRY', 'Session expiry should be int, Min value is 5 and Max is 43200 in minutes'],
		['session_expiry over 43200', { session_expiry: 43201 }, 400, 'INVALID_SESSION_EXPIRY', /43200/],
		['a logo_url that is no URL', { logo_url: 'logo.png' }, 400, 'INVALID_URL', 'Enter a valid URL.'],
		['a non-boolean is_mobile_field_editable', { is_mobile_field_editable: 'maybe' }, 400, 'INVALID_REQUEST', 'is_mobile_field_editable, Must be a valid boolean.'],
		['an unknown aa_journey_code', { aa_journey_code: 'BCAA009' }, 400, 'INVALID_REQUEST', 'aa_journey_code, "BCAA009" is not a valid choice.'],
		['consents not an object', { consents: ['CC0001'] }, 400, 'INVALID_REQUEST', 'consents, Expected a dictionary of items.'],
		['a consent of another journey', { aa_journey_code: 'BCAA001', consents: { CC0002: {} } }, 400, 'INVALID_AA_PARAMETER', /CC0002 is not part of BCAA001/],
		['a consent date in the wrong format', { consents: { CC0001: { from_date: '2025-01-01' } } }, 400, 'INVALID_DATE_FORMAT', /DD\/MM\/YYYY/],
		['a consent window the wrong way round', { consents: { CC0001: { from_date: '09/12/2025', to_date: '01/01/2025' } } }, 400, 'INVALID_DATE_RANGE', /from_date/],
		['metadata not an object', { metadata: 'AYUSH' }, 400, 'INVALID_REQUEST', 'metadata, Expected a dictionary of items.'],
		['metadata names not a list of strings', { metadata: { names: 'AYUSH' } }, 400, 'INVALID_REQUEST', 'metadata.names, Expected a list of strings.'],
		['an unknown metadata list', { metadata: { nicknames: [] } }, 400, 'INVALID_REQUEST', /metadata, Unknown field "nicknames"/],
		['a tenure over 84 months', { aa_recurring_tenure_month_count: 85, aa_recurring_frequency_unit: 'day', aa_recurring_frequency_value: 1 }, 400, 'INVALID_AA_PARAMETER', 'Tenure must be between 1 and 84'],
		['a tenure that is no integer', { aa_recurring_tenure_month_count: 'two' }, 400, 'INVALID_REQUEST', 'aa_recurring_tenure_month_count, A valid integer is required.'],
		['a tenure without a frequency', { aa_recurring_tenure_month_count: 12 }, 400, 'MISSING_AA_PARAMETER', 'Frequency unit/value required'],
		['an unknown frequency unit', { aa_recurring_tenure_month_count: 12, aa_recurring_frequency_unit: '1', aa_recurring_frequency_value: 1 }, 400, 'INVALID_REQUEST', 'aa_recurring_frequency_unit, "1" is not a valid choice.'],
	])('%s', async (_name, fields, status, code, message) => {
		const response = await v2({ link_id: 'validation', api_key: apiKey, ...fields });
		expect(response.status).toBe(status);
		expect(response.body).toEqual({ error: { code, message: typeof message === 'string' ? message : expect.stringMatching(message) } });
	});

	test('no api_key in the body with the header → INVALID_REQUEST (required by the table)', async () => {
		const response = await fetch(`${t.sandbox.origin}/bank-connect/v2/session/`, {
			method: 'POST',
			headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ link_id: 'no-body-key' }),
		});
		expect(await response.json()).toEqual({ error: { code: 'INVALID_REQUEST', message: 'api_key, This field is required.' } });
	});

	test('no key at all, or a wrong one → 401 AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', async () => {
		const expected = { error: { code: 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', message: 'Authentication credentials were not provided' } };
		for (const [headers, key] of [[{}, undefined], [{ 'x-api-key': 'wrong' }, apiKey], [{}, 'wrong']] as const) {
			const response = await fetch(`${t.sandbox.origin}/bank-connect/v2/session/`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify({ link_id: 'auth', ...(key ? { api_key: key } : {}) }),
			});
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual(expected);
		}
	});

	test('GET → 405 METHOD_NOT_ALLOWED; text/plain → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
		const get = await fetch(`${t.sandbox.origin}/bank-connect/v2/session/`, { headers: { 'x-api-key': apiKey } });
		expect(get.status).toBe(405);
		expect(await get.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Method "GET" not allowed.' } });
		const text = await fetch(`${t.sandbox.origin}/bank-connect/v2/session/`, { method: 'POST', headers: { 'x-api-key': apiKey, 'content-type': 'text/plain' }, body: 'link_id=x' });
		expect(text.status).toBe(415);
		expect(await text.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported media type "text/plain" in request.' } });
	});

	test('V1 keeps its own words for the same mistakes', async () => {
		const response = await t.api('POST', 'session/', { form: { api_key: apiKey } });
		expect(response.body).toEqual({ error: { code: 'MISSING_LINK_ID', message: expect.any(String) } });
		const v1 = await t.api('POST', 'session/', { form: { link_id: 'v1', api_key: apiKey } });
		expect(new URL(v1.body.redirect_url).searchParams.has('token')).toBe(false);
	});

	test('faults reach V2 as v2/session/', async () => {
		await t.admin('POST', 'faults', { route: 'v2/session/', status: 503 });
		expect((await v2({ link_id: 'fault', api_key: apiKey })).status).toBe(503);
		expect((await v2({ link_id: 'fault', api_key: apiKey })).status).toBe(200);
	});
});
