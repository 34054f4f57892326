import { sessionCreateForm } from '../../../nodes/BankConnect/actions/session/sessionForm';
import type { SessionCreateOptions } from '../../../nodes/BankConnect/actions/session/sessionForm';
import { apiPath, mockApi, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { badInputItem, expectBadInput, runNode, runNodeFailing } from '../../harness/runNode';

const create = (linkId: unknown, additionalFields: Record<string, unknown> = {}, redirectUrl: unknown = '') => ({
	resource: 'session',
	operation: 'create',
	linkId,
	redirectUrl,
	additionalFields,
});

const URL_PROBLEM = (text: string) => `must be an http(s) URL, e.g. https://lender.example/done (got "${text}")`;
const DATE_PROBLEM = 'must be a date, e.g. 2026-05-01 or 01/05/2026 (DD/MM/YYYY)';
const MOBILE_PROBLEM = 'must be a 10-digit Indian mobile number starting with 6-9, e.g. 9876543210';
const EXPIRY_PROBLEM = 'must be a whole number of minutes from 5 to 43200 (30 days)';

/** [case, Link ID, Additional Fields, Redirect URL, field named, problem]; every value reaches the node through an expression where a type matters. */
const BAD_INPUTS: Array<[string, unknown, Record<string, unknown>, unknown, string, string]> = [
	['Link ID from an expression giving empty text', '={{ "" }}', {}, '', 'Link ID', 'must not be empty'],
	['whitespace Link ID', '   ', {}, '', 'Link ID', 'must not be empty'],
	['Link ID from an expression giving an object', '={{ { id: 1 } }}', {}, '', 'Link ID', 'must be text (got an object)'],
	['Link ID from an expression giving true', '={{ true }}', {}, '', 'Link ID', 'must be text (got true)'],
	['Redirect URL without a scheme', 'loan-1', {}, 'lender.example/done', 'Redirect URL', URL_PROBLEM('lender.example/done')],
	['Redirect URL with ftp', 'loan-1', {}, 'ftp://lender.example/done', 'Redirect URL', URL_PROBLEM('ftp://lender.example/done')],
	['Redirect URL with javascript:', 'loan-1', {}, 'javascript:alert(1)', 'Redirect URL', URL_PROBLEM('javascript:alert(1)')],
	['Redirect URL that is words', 'loan-1', {}, 'thank you page', 'Redirect URL', URL_PROBLEM('thank you page')],
	['Redirect URL as a number', 'loan-1', {}, '={{ 42 }}', 'Redirect URL', URL_PROBLEM('42')],
	['Logo URL without a scheme', 'loan-1', { logoUrl: 'www.lender.example/logo.png' }, '', 'Logo URL', URL_PROBLEM('www.lender.example/logo.png')],
	['Logo URL with mailto', 'loan-1', { logoUrl: 'mailto:ops@lender.example' }, '', 'Logo URL', URL_PROBLEM('mailto:ops@lender.example')],
	['Logo URL with a data URI', 'loan-1', { logoUrl: 'data:image/png;base64,AAAA' }, '', 'Logo URL', URL_PROBLEM('data:image/png;base64,AAAA')],
	['From Date day 32', 'loan-1', { fromDate: '32/01/2026' }, '', 'From Date', DATE_PROBLEM],
	['From Date 30 February', 'loan-1', { fromDate: '2026-02-30' }, '', 'From Date', DATE_PROBLEM],
	['From Date month 13', 'loan-1', { fromDate: '01/13/2026' }, '', 'From Date', DATE_PROBLEM],
	['From Date with dashes DD-MM-YYYY', 'loan-1', { fromDate: '31-12-2025' }, '', 'From Date', DATE_PROBLEM],
	['From Date as words', 'loan-1', { fromDate: 'last May' }, '', 'From Date', DATE_PROBLEM],
	['From Date as a number', 'loan-1', { fromDate: '={{ 20260501 }}' }, '', 'From Date', DATE_PROBLEM],
	['From Date as an object', 'loan-1', { fromDate: '={{ { day: 1 } }}' }, '', 'From Date', DATE_PROBLEM],
	['To Date 29 February of a common year', 'loan-1', { toDate: '29/02/2026' }, '', 'To Date', DATE_PROBLEM],
	['To Date with a two-digit year', 'loan-1', { toDate: '01/06/26' }, '', 'To Date', DATE_PROBLEM],
	['To Date as words', 'loan-1', { toDate: 'today' }, '', 'To Date', DATE_PROBLEM],
	['From Date after To Date', 'loan-1', { fromDate: '01/06/2026', toDate: '01/05/2026' }, '', 'From Date', 'must be before To Date: 01/06/2026 is not before 01/05/2026'],
	['From Date equal to To Date', 'loan-1', { fromDate: '2026-05-01', toDate: '01/05/2026' }, '', 'From Date', 'must be before To Date: 01/05/2026 is not before 01/05/2026'],
	['From Date after today with To Date left out', 'loan-1', { fromDate: '01/01/2999' }, '', 'From Date', 'is not before today'],
	['Bank Name that cannot be an identifier', 'loan-1', { bankName: 'money-bank' }, '', 'Bank Name', '"money-bank" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)'],
	['Bank Name that is a display name', 'loan-1', { bankName: 'HDFC Bank' }, '', 'Bank Name', '"hdfc bank" is a bank\'s name, not its identifier: use hdfc'],
	['Bank Name as a number', 'loan-1', { bankName: '={{ 7 }}' }, '', 'Bank Name', '"7" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)'],
	['Mode pdf without Bank Name', 'loan-1', { mode: 'pdf' }, '', 'Bank Name', 'is required when Mode is set (Mode is "pdf")'],
	['Mode aa without Bank Name', 'loan-1', { mode: 'aa' }, '', 'Bank Name', 'is required when Mode is set (Mode is "aa")'],
	['Mode online with a blank Bank Name', 'loan-1', { mode: 'online', bankName: '  ' }, '', 'Bank Name', 'is required when Mode is set (Mode is "online")'],
	['Mode that does not exist', 'loan-1', { mode: 'netbanking', bankName: 'sbi' }, '', 'Mode', 'must be one of pdf, aa, online (got "netbanking")'],
	['Mode as a number', 'loan-1', { mode: '={{ 1 }}', bankName: 'sbi' }, '', 'Mode', 'must be one of pdf, aa, online (got "1")'],
	['Mobile Number too short', 'loan-1', { mobileNumber: '98765' }, '', 'Mobile Number', MOBILE_PROBLEM],
	['Mobile Number too long', 'loan-1', { mobileNumber: '987654321012' }, '', 'Mobile Number', MOBILE_PROBLEM],
	['Mobile Number starting with 5', 'loan-1', { mobileNumber: '5876543210' }, '', 'Mobile Number', MOBILE_PROBLEM],
	['Mobile Number starting with 0 after the prefix', 'loan-1', { mobileNumber: '+91 0876543210' }, '', 'Mobile Number', MOBILE_PROBLEM],
	['Mobile Number with letters', 'loan-1', { mobileNumber: '98765abcde' }, '', 'Mobile Number', MOBILE_PROBLEM],
	['Mobile Number of another country', 'loan-1', { mobileNumber: '+92 9876543210' }, '', 'Mobile Number', MOBILE_PROBLEM],
	['Session Expiry below 5', 'loan-1', { sessionExpiry: 4 }, '', 'Session Expiry (Minutes)', EXPIRY_PROBLEM],
	['Session Expiry above 30 days', 'loan-1', { sessionExpiry: 43201 }, '', 'Session Expiry (Minutes)', EXPIRY_PROBLEM],
	['Session Expiry zero', 'loan-1', { sessionExpiry: 0 }, '', 'Session Expiry (Minutes)', EXPIRY_PROBLEM],
	['Session Expiry negative', 'loan-1', { sessionExpiry: -5 }, '', 'Session Expiry (Minutes)', EXPIRY_PROBLEM],
	['Session Expiry fractional', 'loan-1', { sessionExpiry: 10.5 }, '', 'Session Expiry (Minutes)', EXPIRY_PROBLEM],
	['Session Expiry as words', 'loan-1', { sessionExpiry: '={{ "an hour" }}' }, '', 'Session Expiry (Minutes)', EXPIRY_PROBLEM],
	['Session Expiry "abc"', 'loan-1', { sessionExpiry: '={{ "abc" }}' }, '', 'Session Expiry (Minutes)', EXPIRY_PROBLEM],
	['Logo URL with ftp', 'loan-1', { logoUrl: 'ftp://cdn.lender.example/logo.png' }, '', 'Logo URL', URL_PROBLEM('ftp://cdn.lender.example/logo.png')],
	['Mobile Number starting with 0 without a prefix', 'loan-1', { mobileNumber: '0876543210' }, '', 'Mobile Number', MOBILE_PROBLEM],
	['Journey Mode that does not exist', 'loan-1', { journeyMode: 'single_pdf' }, '', 'Journey Mode', 'must be one of multi_pdf, multi_banking (got "single_pdf")'],
	['Accept Anything "yes"', 'loan-1', { acceptAnything: '={{ "yes" }}' }, '', 'Accept Anything', 'must be true or false'],
	['Accept Anything 1', 'loan-1', { acceptAnything: '={{ 1 }}' }, '', 'Accept Anything', 'must be true or false'],
	['Mobile Field Editable "no"', 'loan-1', { isMobileFieldEditable: '={{ "no" }}' }, '', 'Mobile Field Editable', 'must be true or false'],
];

beforeEach(resetNetwork);

describe('Session → Create refuses bad input before any request', () => {
	test(`${BAD_INPUTS.length} cases`, () => {
		expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(45);
	});

	test.each(BAD_INPUTS)('%s', async (_name, linkId, additionalFields, redirectUrl, field, problem) => {
		const api = watchApi();

		const error = await runNodeFailing(create(linkId, additionalFields, redirectUrl));

		if (problem === 'is not before today') {
			expect(error.message).toMatch(/^From Date must be before To Date: 01\/01\/2999 is not before today \(\d{2}\/\d{2}\/\d{4}\) \(item 0\)$/);
			expect(error.name).toBe('NodeOperationError');
		} else {
			expectBadInput(error, field, problem);
		}
		expect(api.requests).toEqual([]);
	});

	test('a bad third item stops the node naming item 2 before any session is created', async () => {
		const api = watchApi();

		const error = await runNodeFailing(create('={{ $json.linkId }}', { toDate: '={{ $json.to }}' }), {
			startItems: [
				{ json: { linkId: 'loan-1', to: '01/05/2026' } },
				{ json: { linkId: 'loan-2', to: '2026-05-01' } },
				{ json: { linkId: 'loan-3', to: '2026-02-30' } },
			],
		});

		expectBadInput(error, 'To Date', DATE_PROBLEM, 2);
		// every item is checked before the first is sent: no session of items 0 and 1 is left unreported
		await new Promise((settled) => setTimeout(settled, 300)); // a request already under way would land by now
		expect(api.requests).toEqual([]);
	});

	test('with continueOnFail only the bad item becomes an error item, the other is created', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/session/')).reply(200, { session_id: 's-1', redirect_url: 'https://journey.example/s-1' });

		const { items, error } = await runNode(create('={{ $json.linkId }}', { mobileNumber: '={{ $json.mobile }}' }), {
			continueOnFail: true,
			startItems: [{ json: { linkId: 'loan-1', mobile: '9876543210' } }, { json: { linkId: 'loan-2', mobile: '12345' } }],
		});

		expect(error).toBeUndefined();
		expect(items[1]).toEqual(badInputItem('Mobile Number', MOBILE_PROBLEM, 1));
		expect(items[0]).toEqual({
			json: { session_id: 's-1', redirect_url: 'https://journey.example/s-1', link_id: 'loan-1' },
			pairedItem: { item: 0 },
		});
		expect(api.requests.map((request) => new URLSearchParams(request.body).get('link_id'))).toEqual(['loan-1']);
	});
});

describe('sessionCreateForm: good input becomes the exact form', () => {
	const node = { id: 'n', name: 'BankConnect', type: 'n8n-nodes-bankconnect.bankConnect', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const form = (options: SessionCreateOptions, today = '2026-11-22', redirectUrl: unknown = '') =>
		sessionCreateForm(node, 0, { linkId: 'loan-1', redirectUrl, options, today });
	const defined = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

	test.each([
		['no fields: six months up to today', {}, '2026-11-22', { from_date: '22/05/2026', to_date: '22/11/2026' }],
		['To Date only: six months before it', { toDate: '2026-08-31T00:00:00' }, '2026-11-22', { from_date: '28/02/2026', to_date: '31/08/2026' }],
		['month-end clamped in a leap year', { toDate: '31/08/2028' }, '2026-11-22', { from_date: '29/02/2028', to_date: '31/08/2028' }],
		['From Date only: up to today', { fromDate: '01/01/2026' }, '2026-11-22', { from_date: '01/01/2026', to_date: '22/11/2026' }],
		['a Date object', { fromDate: new Date(Date.UTC(2026, 0, 15)), toDate: '2026-03-01' }, '2026-11-22', { from_date: '15/01/2026', to_date: '01/03/2026' }],
		['+91 mobile number', { mobileNumber: '+91 98765-43210' }, '2026-11-22', { from_date: '22/05/2026', to_date: '22/11/2026', mobile_number: '9876543210' }],
		['91 mobile number without the plus', { mobileNumber: '919876543210' }, '2026-11-22', { from_date: '22/05/2026', to_date: '22/11/2026', mobile_number: '9876543210' }],
		['To Date in the past, From defaulted six months before it', { toDate: '15/03/2025' }, '2026-11-22', { from_date: '15/09/2024', to_date: '15/03/2025' }],
		['From Date the day before To Date', { fromDate: '21/11/2026' }, '2026-11-22', { from_date: '21/11/2026', to_date: '22/11/2026' }],
		['Session Expiry at both limits is kept', { sessionExpiry: 5, journeyMode: 'MULTI_BANKING' }, '2026-11-22', { from_date: '22/05/2026', to_date: '22/11/2026', session_expiry: 5, journey_mode: 'multi_banking' }],
		['Session Expiry 43200', { sessionExpiry: 43200, bankName: 'hdfc', mode: 'aa' }, '2026-11-22', { from_date: '22/05/2026', to_date: '22/11/2026', session_expiry: 43200, bank_name: 'hdfc', mode: 'aa' }],
		['a Luxon-like DateTime', { fromDate: { toISODate: () => '2026-02-01' }, toDate: '2026-03-01 10:00:00' }, '2026-11-22', { from_date: '01/02/2026', to_date: '01/03/2026' }],
		[
			'bank, mode, mobile and the rest normalised',
			{ bankName: ' SBI ', mode: 'PDF', mobileNumber: '0 98765 43210', sessionExpiry: '30', journeyMode: 'multi_pdf', acceptAnything: 'true', isMobileFieldEditable: false },
			'2026-11-22',
			{
				from_date: '22/05/2026',
				to_date: '22/11/2026',
				bank_name: 'sbi',
				mode: 'pdf',
				mobile_number: '9876543210',
				session_expiry: 30,
				journey_mode: 'multi_pdf',
				accept_anything: true,
				is_mobile_field_editable: false,
			},
		],
	])('%s', (_name, options, today, expected) => {
		expect(defined(form(options as SessionCreateOptions, today))).toEqual({ link_id: 'loan-1', ...expected });
	});

	test('with nothing optional given, every optional field is undefined (left out of the form)', () => {
		expect(form({})).toStrictEqual({
			link_id: 'loan-1',
			redirect_url: undefined,
			from_date: '22/05/2026',
			to_date: '22/11/2026',
			logo_url: undefined,
			bank_name: undefined,
			mode: undefined,
			mobile_number: undefined,
			session_expiry: undefined,
			journey_mode: undefined,
			accept_anything: undefined,
			is_mobile_field_editable: undefined,
		});
	});

	test('Redirect URL and Logo URL are kept as given', () => {
		expect(defined(form({ logoUrl: 'http://cdn.lender.example/l.png' }, '2026-11-22', ' https://lender.example/done?x=1 '))).toMatchObject({
			redirect_url: 'https://lender.example/done?x=1',
			logo_url: 'http://cdn.lender.example/l.png',
		});
	});
});
