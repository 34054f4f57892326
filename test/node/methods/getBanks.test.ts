/**
 * The bank dropdowns (Statement → Upload's Bank Name or ID, Session → Create's Bank Name, the
 * health filter) load the account's catalogue, `GET /v1/banks/catalogue/`, through the credential,
 * and fall back to the built-in list of the docs' 346 identifiers when it cannot be read.
 */
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { loadOptions } from '../../harness/loadOptions';

const CATALOGUE = {
	count: 4,
	banks: [
		{ name: 'SBI', full_name: 'State Bank of India', npci_code: 'SBIN', logo_url: 'https://cdn.example/sbi.png', is_pdf_upload_available: true, is_net_banking_available: true, is_aa_available: false },
		{ name: 'BANDHAN', full_name: 'Bandhan Bank', npci_code: null, logo_url: 'https://cdn.example/bandhan.png', is_pdf_upload_available: true, is_net_banking_available: false, is_aa_available: true },
		{ name: 'PUNE MERCHANTS', full_name: 'Pune Merchants Co-Op Bank', npci_code: null, logo_url: '', is_pdf_upload_available: true, is_net_banking_available: false, is_aa_available: false },
		{ name: 'AXIS', full_name: 'Axis Bank', npci_code: 'UTIB', logo_url: '', is_pdf_upload_available: false, is_net_banking_available: false, is_aa_available: false },
	],
};

const upload = { resource: 'statement', operation: 'upload', bankMode: 'known' };

beforeEach(resetNetwork);

test('the catalogue: full name and identifier, sorted by name, each with the modes the bank offers', async () => {
	const api = mockApi();
	api.scope.get(apiPath('/v1/banks/catalogue/')).reply(200, CATALOGUE);

	const options = await loadOptions('getBanks', upload);

	expect(requestLines(api.requests)).toEqual(['GET /v1/banks/catalogue/']);
	expectAuthenticated(api.requests[0]);
	expect(options).toEqual([
		{ name: 'Axis Bank (axis)', value: 'axis', description: 'No journey mode offered' },
		{ name: 'Bandhan Bank (bandhan)', value: 'bandhan', description: 'PDF upload, Account Aggregator' },
		{ name: 'Pune Merchants Co-Op Bank (pune merchants)', value: 'pune merchants', description: 'PDF upload' },
		{ name: 'State Bank of India (sbi)', value: 'sbi', description: 'PDF upload, net banking' },
	]);
});

test('entries that are not banks are left out; a bank without a full name shows its identifier', async () => {
	mockApi()
		.scope.get(apiPath('/v1/banks/catalogue/'))
		.reply(200, { count: 4, banks: [null, { name: 42 }, { name: 'HDFC', full_name: '', is_pdf_upload_available: true }, { name: 'hdfc', full_name: 'HDFC Bank' }] });

	expect(await loadOptions('getBanks', upload)).toEqual([{ name: 'HDFC (hdfc)', value: 'hdfc', description: 'PDF upload' }]);
});

describe('falls back to the built-in list of 346 when the catalogue cannot be read', () => {
	test.each([
		['a 401 (no Server Hash yet)', 401, { detail: 'Authentication credentials were not provided.' }],
		['a 404 (an older account or a proxy without the route)', 404, { detail: 'Not found.' }],
		['a 500', 500, { detail: 'Server error' }],
		['an answer without banks', 200, { count: 0 }],
		['an empty catalogue', 200, { count: 0, banks: [] }],
	])('%s', async (_case, status, body) => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/banks/catalogue/')).reply(status, body);

		const options = await loadOptions('getBanks', upload);

		expect(api.requests).toHaveLength(1);
		expect(options).toHaveLength(346);
		expect(new Set(options.map((option) => option.value)).size).toBe(346);
		expect(options).toContainEqual({ name: 'HDFC Bank (hdfc)', value: 'hdfc', description: 'PDF upload, net banking' });
		expect(options).toContainEqual({ name: 'Bandhan Bank (bandhan)', value: 'bandhan', description: 'PDF upload' });
		expect(options).toContainEqual({ name: 'Pune Merchants Co-Op Bank (pune merchants)', value: 'pune merchants', description: 'PDF upload' });
		// every value saved by the old 24-bank dropdown is still offered
		for (const id of ['ausfbnk', 'axis', 'baroda', 'boi', 'canara', 'central', 'citi', 'dcbbnk', 'federal', 'hdfc', 'hsbc', 'icici', 'idbi', 'idfc', 'indusind', 'iob', 'kotak', 'pnbbnk', 'rbl', 'sbi', 'stanchar', 'ubi', 'uco', 'yesbnk']) {
			expect(options.map((option) => option.value)).toContain(id);
		}
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
	});

	test('a dropped connection', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/banks/catalogue/')).times(4).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

		expect(await loadOptions('getBanks', upload)).toHaveLength(346);
	});
});
