/**
 * Session → Create with API Version V2: `POST /v2/session/` with a JSON body (the V1 fields plus
 * the AA journey, consents and metadata), checked against the docs' rules before sending. V1 stays
 * the default, so saved workflows keep creating V1 sessions (operations.test.ts).
 */
import { SESSION_ID, SESSION_LINK_ID } from '../../fixtures/sessions';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { expectApiError, expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';
import { SECRETS } from '../../harness/secrets';

const V2_REDIRECT = `https://bankconnectclient.finbox.in/?session_id=${SESSION_ID}&token=${'ab12'.repeat(16)}`;

const createV2 = (v2Options: Record<string, unknown> = {}, additionalFields: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}) => ({
	resource: 'session',
	operation: 'create',
	apiVersion: 'v2',
	linkId: SESSION_LINK_ID,
	redirectUrl: '',
	additionalFields: { fromDate: '01/05/2026', toDate: '31/10/2026', ...additionalFields },
	v2Options,
	...parameters,
});

function jsonBodyOf(request: { headers: Record<string, string>; body: string }): Record<string, unknown> {
	expect(request.headers['content-type']).toBe('application/json');
	return JSON.parse(request.body) as Record<string, unknown>;
}

beforeEach(resetNetwork);

test('every V1 field and the V2 ones as JSON, typed; api_key in the body and the header; the redirect URL with its token as given', async () => {
	const api = mockApi();
	api.scope.post(apiPath('/v2/session/')).reply(200, { session_id: SESSION_ID, redirect_url: V2_REDIRECT });

	const items = await runNodeOk(
		createV2(
			{
				aaJourneyCode: 'BCAA003',
				consents: { consent: [{ code: 'CC0004', fromDate: '2025-11-01T00:00:00', toDate: '31/10/2026', consentExpiry: '30/04/2027' }, { code: 'cc0003', fromDate: '', toDate: '', consentExpiry: '' }] },
				names: 'Asha Rao, A Rao ',
				employerNames: '={{ ["Acme Pvt Ltd"] }}',
				companiesForSelfTransfer: '',
			},
			{ bankName: 'ICICI', mode: 'aa', mobileNumber: '9876543210', sessionExpiry: 90, acceptAnything: true },
			{ redirectUrl: 'https://lender.example/done' },
		),
	);

	expect(requestLines(api.requests)).toEqual(['POST /v2/session/']);
	expectAuthenticated(api.requests[0]);
	expect(jsonBodyOf(api.requests[0])).toEqual({
		link_id: SESSION_LINK_ID,
		redirect_url: 'https://lender.example/done',
		from_date: '01/05/2026',
		to_date: '31/10/2026',
		bank_name: 'icici',
		mode: 'aa',
		mobile_number: '9876543210',
		session_expiry: 90,
		accept_anything: true,
		aa_journey_code: 'BCAA003',
		consents: { CC0004: { from_date: '01/11/2025', to_date: '31/10/2026', consent_expiry: '30/04/2027' }, CC0003: {} },
		metadata: { names: ['Asha Rao', 'A Rao'], employer_names: ['Acme Pvt Ltd'] },
		api_key: SECRETS.apiKey,
	});
	expect(items).toEqual([{ json: { session_id: SESSION_ID, redirect_url: V2_REDIRECT, link_id: SESSION_LINK_ID }, pairedItem: { item: 0 } }]);
});

test('without V2 options: only the V1 fields (BankConnect applies its one-time AA journey)', async () => {
	const api = mockApi();
	api.scope.post(apiPath('/v2/session/')).reply(200, { session_id: SESSION_ID, redirect_url: V2_REDIRECT });

	await runNodeOk(createV2());

	expect(jsonBodyOf(api.requests[0])).toEqual({ link_id: SESSION_LINK_ID, from_date: '01/05/2026', to_date: '31/10/2026', api_key: SECRETS.apiKey });
});

test('BankConnect’s V2 errors come back with their code and HTTP status', async () => {
	mockApi()
		.scope.post(apiPath('/v2/session/'))
		.reply(400, { error: { code: 'INVALID_AA_PARAMETER', message: 'Tenure must be between 1 and 84' } });

	expectApiError(await runNodeFailing(createV2()), { message: 'INVALID_AA_PARAMETER: Tenure must be between 1 and 84', httpCode: '400' });
});

describe('bad input is refused before any request', () => {
	const consent = (row: Record<string, unknown>) => ({ consents: { consent: [row] } });
	test.each([
		['a consent not of the default one-time journey', consent({ code: 'CC0002' }), {}, {}, 'Consent Code', 'must be one of BCAA001\'s consents: CC0001 (got "CC0002")'],
		['a consent not of the chosen journey', { aaJourneyCode: 'BCAA004', ...consent({ code: 'CC0001' }) }, {}, {}, 'Consent Code', 'must be one of BCAA004\'s consents: CC0005, CC0006, CC0007 (got "CC0001")'],
		['the same consent twice', { consents: { consent: [{ code: 'CC0001' }, { code: 'CC0001' }] } }, {}, {}, 'Consent Code', '"CC0001" is listed twice'],
		['a consent whose From Date is not before its To Date', consent({ code: 'CC0001', fromDate: '01/06/2026', toDate: '01/06/2026' }), {}, {}, 'Consent From Date', 'must be before Consent To Date for CC0001: 01/06/2026 is not before 01/06/2026'],
		['a consent date that is not a date', consent({ code: 'CC0001', consentExpiry: 'next year' }), {}, {}, 'Consent Expiry', 'must be a date, e.g. 2026-05-01 or 01/05/2026 (DD/MM/YYYY)'],
		['an AA Journey Code that does not exist', { aaJourneyCode: '={{ "BCAA009" }}' }, {}, {}, 'AA Journey Code', 'must be one of BCAA001, BCAA002, BCAA003, BCAA004 (got "BCAA009")'],
		['Names that are not text', { names: '={{ [1, 2] }}' }, {}, {}, 'Names', 'must be names separated by commas, or a list of names'],
		['a Link ID over V2’s 500 characters', {}, {}, { linkId: 'x'.repeat(501) }, 'Link ID', 'must be at most 500 characters for Session API V2 (it has 501)'],
		['a Redirect URL over V2’s 200 characters', {}, {}, { redirectUrl: `https://lender.example/${'p'.repeat(180)}` }, 'Redirect URL', 'must be at most 200 characters for Session API V2 (it has 203)'],
		['an API Version that does not exist', {}, {}, { apiVersion: '={{ "v3" }}' }, 'API Version', 'must be v1 or v2 (got "v3")'],
	])('%s', async (_case, v2Options, additionalFields, parameters, field, problem) => {
		const api = watchApi();
		expectBadInput(await runNodeFailing(createV2(v2Options, additionalFields, parameters)), field, problem);
		expect(api.requests).toEqual([]);
	});
});
