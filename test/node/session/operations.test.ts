import {
	HDFC_ACCOUNT,
	INSIGHTS,
	PROGRESS_COMPLETED,
	PROGRESS_PROCESSING,
	REDIRECT_URL,
	SBI_ACCOUNT,
	SESSION_ID,
	SESSION_LINK_ID,
	SESSION_PDFS,
	SESSION_STATUS,
	UPLOAD_STATUS,
} from '../../fixtures/sessions';
import { todayIn } from '../../../nodes/BankConnect/actions/session/sessionDates';
import { apiPath, expectAuthenticated, expectNoCredentials, formOf, mockApi, mockFiles, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { binaryDataService } from '../../harness/engine';
import { runNodeOk } from '../../harness/runNode';
import { SECRETS } from '../../harness/secrets';

const session = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'session',
	operation,
	sessionId: SESSION_ID,
	...parameters,
});

const dataPath = (endpoint: string) => apiPath(`/v1/session_data/${SESSION_ID}/${endpoint}/`);
const paired = (json: Record<string, unknown>) => ({ json, pairedItem: { item: 0 } });

beforeEach(resetNetwork);

describe('Session → Create', () => {
	test('POSTs every field as a form, dates as DD/MM/YYYY, the API key in the body too; outputs session_id, redirect_url, link_id', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/session/')).reply(200, { session_id: SESSION_ID, redirect_url: REDIRECT_URL });

		const items = await runNodeOk({
			resource: 'session',
			operation: 'create',
			linkId: ` ${SESSION_LINK_ID} `,
			redirectUrl: 'https://lender.example/done',
			additionalFields: {
				fromDate: '2026-05-01T00:00:00',
				toDate: '31/10/2026',
				logoUrl: 'https://lender.example/logo.png',
				bankName: 'HDFC',
				mode: 'aa',
				mobileNumber: '+91 98765-43210',
				sessionExpiry: 120,
				journeyMode: 'multi_banking',
				acceptAnything: true,
				isMobileFieldEditable: false,
			},
		});

		expect(requestLines(api.requests)).toEqual(['POST /v1/session/']);
		expectAuthenticated(api.requests[0]);
		expect(formOf(api.requests[0])).toEqual({
			link_id: SESSION_LINK_ID,
			redirect_url: 'https://lender.example/done',
			from_date: '01/05/2026',
			to_date: '31/10/2026',
			logo_url: 'https://lender.example/logo.png',
			bank_name: 'hdfc',
			mode: 'aa',
			mobile_number: '9876543210',
			session_expiry: '120',
			journey_mode: 'multi_banking',
			accept_anything: 'true',
			is_mobile_field_editable: 'false',
			api_key: SECRETS.apiKey,
		});
		expect(new URLSearchParams(api.requests[0].body).getAll('api_key')).toHaveLength(1);
		expect(items).toEqual([paired({ session_id: SESSION_ID, redirect_url: REDIRECT_URL, link_id: SESSION_LINK_ID })]);
	});

	test('without dates sends the last six months up to today (the workflow time zone)', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/session/')).reply(200, { session_id: SESSION_ID, redirect_url: REDIRECT_URL });

		await runNodeOk({ resource: 'session', operation: 'create', linkId: SESSION_LINK_ID, redirectUrl: '', additionalFields: {} });

		const today = todayIn('America/New_York'); // n8n's default when the workflow sets none
		const [year, month, day] = today.split('-').map(Number);
		const from = new Date(Date.UTC(year, month - 7, 1));
		const lastDay = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0)).getUTCDate();
		from.setUTCDate(Math.min(day, lastDay));
		const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
		expect(formOf(api.requests[0])).toEqual({
			link_id: SESSION_LINK_ID,
			from_date: ddmmyyyy(from.toISOString().slice(0, 10)),
			to_date: ddmmyyyy(today),
			api_key: SECRETS.apiKey,
		});
	});
});

describe('Session reads', () => {
	test('Get Upload Status: GETs session_upload_status/ and outputs the whole response', async () => {
		const api = mockApi();
		api.scope.get(dataPath('session_upload_status')).reply(200, UPLOAD_STATUS);

		const items = await runNodeOk(session('getUploadStatus', { output: 'whole' }));

		expect(requestLines(api.requests)).toEqual([`GET /v1/session_data/${SESSION_ID}/session_upload_status/`]);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual([paired(UPLOAD_STATUS)]);
	});

	test('Get Upload Status: one item per statement with the session and account it belongs to', async () => {
		const api = mockApi();
		api.scope.get(dataPath('session_upload_status')).reply(200, UPLOAD_STATUS);

		const items = await runNodeOk(session('getUploadStatus', { output: 'statements' }));

		const [hdfc, sbi] = UPLOAD_STATUS.accounts;
		const owner = (account: typeof hdfc) => ({
			session_id: SESSION_ID,
			account_id: account.account_id,
			account_number: account.account_number,
			bank_name: account.bank_name,
		});
		expect(items).toEqual([
			paired({ ...owner(hdfc), ...hdfc.statements[0] }),
			paired({ ...owner(sbi), ...sbi.statements[0] }),
			paired({ ...owner(sbi), ...sbi.statements[1] }),
		]);
	});

	test('Get Progress: one read without waiting', async () => {
		const api = mockApi();
		api.scope.get(dataPath('progress')).reply(200, PROGRESS_PROCESSING);

		const items = await runNodeOk(session('getProgress', { waitForCompletion: false }));

		expect(requestLines(api.requests)).toEqual([`GET /v1/session_data/${SESSION_ID}/progress/`]);
		expect(items).toEqual([paired(PROGRESS_PROCESSING)]);
	});

	test('Get Progress with Wait for Completion polls until session_progress is completed', async () => {
		const api = mockApi();
		api.scope.get(dataPath('progress')).reply(200, PROGRESS_PROCESSING);
		api.scope.get(dataPath('progress')).reply(200, PROGRESS_COMPLETED);

		const items = await runNodeOk(session('getProgress', { waitForCompletion: true, maxWaitSeconds: 30 }));

		expect(requestLines(api.requests)).toEqual([
			`GET /v1/session_data/${SESSION_ID}/progress/`,
			`GET /v1/session_data/${SESSION_ID}/progress/`,
		]);
		expect(items).toEqual([paired(PROGRESS_COMPLETED)]);
	});

	test('Get Status: GETs session_status/', async () => {
		const api = mockApi();
		api.scope.get(dataPath('session_status')).reply(200, SESSION_STATUS);

		const items = await runNodeOk(session('getStatus'));

		expect(requestLines(api.requests)).toEqual([`GET /v1/session_data/${SESSION_ID}/session_status/`]);
		expect(items).toEqual([paired(SESSION_STATUS)]);
	});
});

describe('Session → Get Insights', () => {
	const hdfc = INSIGHTS.accounts[HDFC_ACCOUNT];
	const sbi = INSIGHTS.accounts[SBI_ACCOUNT];

	test.each([
		['whole', [INSIGHTS]],
		[
			'accounts',
			[
				{ session_id: SESSION_ID, account_id: HDFC_ACCOUNT, ...hdfc },
				{ session_id: SESSION_ID, account_id: SBI_ACCOUNT, ...sbi },
			],
		],
		[
			'transactions',
			[...hdfc.transactions, ...sbi.transactions].map((transaction) => ({ session_id: SESSION_ID, ...transaction })),
		],
		[
			'monthlyBalances',
			[
				{ session_id: SESSION_ID, account_id: HDFC_ACCOUNT, month: 'May-2026', opening_balance: 5000, closing_balance: 7000 },
				{ session_id: SESSION_ID, account_id: HDFC_ACCOUNT, month: 'Jun-2026', opening_balance: 7000, closing_balance: 6650 },
				{ session_id: SESSION_ID, account_id: SBI_ACCOUNT, month: 'May-2026', opening_balance: 900, closing_balance: 860 },
			],
		],
	])('output %s', async (output, expected) => {
		const api = mockApi();
		api.scope.get(dataPath('insights')).reply(200, INSIGHTS);

		const items = await runNodeOk(session('getInsights', { output }));

		expect(requestLines(api.requests)).toEqual([`GET /v1/session_data/${SESSION_ID}/insights/`]);
		expect(items).toEqual(expected.map(paired));
	});

	test('a month with only a closing balance gets opening_balance null', async () => {
		const api = mockApi();
		api.scope.get(dataPath('insights')).reply(200, {
			session_id: SESSION_ID,
			accounts: { [SBI_ACCOUNT]: { monthly_analysis: { closing_balance: { 'Jul-2026': 12 } } } },
		});

		const items = await runNodeOk(session('getInsights', { output: 'monthlyBalances' }));

		expect(items).toEqual([
			paired({ session_id: SESSION_ID, account_id: SBI_ACCOUNT, month: 'Jul-2026', opening_balance: null, closing_balance: 12 }),
		]);
	});
});

describe('Session → Initiate Processing', () => {
	test('POSTs initiate_processing/ and outputs the 202 acknowledgement', async () => {
		const api = mockApi();
		api.scope.post(dataPath('initiate_processing')).reply(202, { session_id: SESSION_ID, message: 'success' });

		const items = await runNodeOk(session('initiateProcessing', { processAndWait: false }));

		expect(requestLines(api.requests)).toEqual([`POST /v1/session_data/${SESSION_ID}/initiate_processing/`]);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual([paired({ session_id: SESSION_ID, message: 'success' })]);
	});

	test('Process and Wait: initiate, poll progress until completed, then the insights split per transaction', async () => {
		const api = mockApi();
		api.scope.post(dataPath('initiate_processing')).reply(202, { session_id: SESSION_ID, message: 'success' });
		api.scope.get(dataPath('progress')).reply(200, PROGRESS_PROCESSING);
		api.scope.get(dataPath('progress')).reply(200, PROGRESS_COMPLETED);
		api.scope.get(dataPath('insights')).reply(200, INSIGHTS);

		const items = await runNodeOk(session('initiateProcessing', { processAndWait: true, maxWaitSeconds: 30, output: 'transactions' }));

		expect(requestLines(api.requests)).toEqual([
			`POST /v1/session_data/${SESSION_ID}/initiate_processing/`,
			`GET /v1/session_data/${SESSION_ID}/progress/`,
			`GET /v1/session_data/${SESSION_ID}/progress/`,
			`GET /v1/session_data/${SESSION_ID}/insights/`,
		]);
		expect(items.map((item) => [item.json.account_id, item.json.hash])).toEqual([
			[HDFC_ACCOUNT, 'h1'],
			[HDFC_ACCOUNT, 'h2'],
			[SBI_ACCOUNT, 's1'],
		]);
	});

	test('Accept Already Requested turns the 409 into an "already requested" item', async () => {
		const api = mockApi();
		api.scope
			.post(dataPath('initiate_processing'))
			.reply(409, { error: { code: 'DUPLICATE_PROCESSING_REQUEST', message: 'Processing was already requested for this session' } });

		const items = await runNodeOk(session('initiateProcessing', { processAndWait: false, options: { alreadyRequestedIsSuccess: true } }));

		expect(items).toEqual([paired({ session_id: SESSION_ID, message: 'already requested' })]);
	});

	test('with Process and Wait, an already requested session is waited for and its insights returned', async () => {
		const api = mockApi();
		api.scope.post(dataPath('initiate_processing')).reply(409, { error: { code: 'DUPLICATE_PROCESSING_REQUEST', message: 'again' } });
		api.scope.get(dataPath('progress')).reply(200, PROGRESS_COMPLETED);
		api.scope.get(dataPath('insights')).reply(200, INSIGHTS);

		const items = await runNodeOk(
			session('initiateProcessing', { processAndWait: true, maxWaitSeconds: 10, output: 'whole', options: { alreadyRequestedIsSuccess: true } }),
		);

		expect(requestLines(api.requests)).toHaveLength(3);
		expect(items).toEqual([paired(INSIGHTS)]);
	});
});

describe('Session → Get PDFs and Delete', () => {
	test('Get PDFs lists the statements with session_id', async () => {
		const api = mockApi();
		api.scope.get(dataPath('get_pdfs')).reply(200, SESSION_PDFS);

		const items = await runNodeOk(session('getPdfs', { download: false }));

		expect(requestLines(api.requests)).toEqual([`GET /v1/session_data/${SESSION_ID}/get_pdfs/`]);
		expect(items).toEqual(SESSION_PDFS.statements.map(({ pdf_password: _password, ...statement }) => paired({ session_id: SESSION_ID, ...statement })));
	});

	test('Get PDFs leaves pdf_password out unless Include PDF Password is on', async () => {
		const api = mockApi();
		api.scope.get(dataPath('get_pdfs')).times(2).reply(200, SESSION_PDFS);

		const hidden = await runNodeOk(session('getPdfs', { download: false }), { extraSecrets: { pdfPassword: 'secret' } });
		const shown = await runNodeOk(session('getPdfs', { download: false, includePdfPassword: true }));

		expect(hidden.map((item) => 'pdf_password' in item.json)).toEqual([false, false]);
		expect(shown.map((item) => item.json.pdf_password)).toEqual([null, 'secret']);
	});

	test('Get PDFs with Download writes each PDF into the binary field, without credentials on the file host', async () => {
		const api = mockApi();
		api.scope.get(dataPath('get_pdfs')).reply(200, SESSION_PDFS);
		const files = mockFiles();
		const pdf = Buffer.from('%PDF-1.4 session statement');
		files.scope.get('/pdfs/st-hdfc-1.pdf').query({ sig: 'a1' }).reply(200, pdf, { 'content-type': 'application/pdf' });

		const items = await runNodeOk(session('getPdfs', { download: true, binaryPropertyName: 'statement' }));

		expect(requestLines(files.requests)).toEqual(['GET /pdfs/st-hdfc-1.pdf?sig=a1']);
		expectNoCredentials(files.requests[0]);
		const [first, second] = SESSION_PDFS.statements.map(({ pdf_password: _password, ...statement }) => statement);
		expect(items.map((item) => item.json)).toEqual([
			{ session_id: SESSION_ID, ...first, pdf_downloaded: true },
			{ session_id: SESSION_ID, ...second, pdf_downloaded: false, pdf_note: 'BankConnect deletes statement files 30 days after upload' },
		]);
		const binary = items[0].binary?.statement;
		expect(binary).toMatchObject({ fileName: 'st-hdfc-1.pdf', mimeType: 'application/pdf', bytes: pdf.length });
		expect(binary?.id).toMatch(/^filesystem-v2:/);
		const service = await binaryDataService();
		expect(await service.getAsBuffer(binary!)).toEqual(pdf);
		expect(items[1].binary).toBeUndefined();
	});

	test('Delete sends DELETE delete/ and outputs {session_id, deleted: true}', async () => {
		const api = mockApi();
		api.scope.delete(dataPath('delete')).reply(200, { message: 'success' });

		const items = await runNodeOk(session('delete'));

		expect(requestLines(api.requests)).toEqual([`DELETE /v1/session_data/${SESSION_ID}/delete/`]);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual([paired({ session_id: SESSION_ID, deleted: true })]);
	});
});
