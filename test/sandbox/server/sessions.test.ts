import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, unknownBankPdf, UUID, waitFor, type TestSandbox } from './harness';

const RANGE = { from_date: '01/01/2026', to_date: '30/06/2026' };

describe('sandbox sessions', () => {
	let t: TestSandbox;
	let statement: Buffer;
	beforeAll(async () => {
		t = await startTestSandbox({ processingMs: 200, disabledModes: ['online'] });
		statement = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 3, seed: 'session', end: '2026-06-30' });
	});
	afterAll(() => t.close());

	async function createSession(extra: Record<string, string> = {}): Promise<string> {
		const response = await t.api('POST', 'session/', { form: { link_id: 'user-1', api_key: 'sandbox_api_key', ...RANGE, ...extra } });
		expect(response.status).toBe(200);
		return response.body.session_id;
	}

	async function uploadPdf(sessionId: string, file: Buffer, extra: Record<string, string> = {}) {
		return t.api('POST', 'statement/upload_session/', { multipart: { file, bank_name: 'hdfc', session_id: sessionId, upload_type: 'PDF', ...extra } });
	}

	describe('create', () => {
		test('form body → 200 {session_id, redirect_url} with a working redirect page', async () => {
			const response = await t.api('POST', 'session/', { form: { link_id: 'u', api_key: 'sandbox_api_key', redirect_url: 'https://example.com/done' } });
			expect(response.status).toBe(200);
			expect(response.body).toEqual({
				session_id: expect.stringMatching(UUID),
				redirect_url: `${t.sandbox.origin}/__sandbox/session/?session_id=${response.body.session_id}`,
			});
			expect((await fetch(response.body.redirect_url)).status).toBe(200);
		});

		test('JSON body with every field is accepted', async () => {
			const response = await t.api('POST', 'session/', {
				json: {
					link_id: 'u', api_key: 'sandbox_api_key', from_date: '01/01/2026', to_date: '31/03/2026', logo_url: 'https://example.com/logo.png',
					bank_name: 'sbi', mode: 'pdf', mobile_number: '+919876543210', session_expiry: 30, journey_mode: 'multi_pdf',
					accept_anything: true, is_mobile_field_editable: false,
				},
			});
			expect(response.status).toBe(200);
			const status = await t.api('GET', `session_data/${response.body.session_id}/session_upload_status/`);
			expect(status.body.session_date_range).toEqual({ from_date: '2026-01-01', to_date: '2026-03-31' });
		});

		test.each([
			[{ from_date: '2026-01-01', to_date: '30/06/2026' }, 400, 'INVALID_DATE_FORMAT'],
			[{ from_date: '31/02/2026', to_date: '30/06/2026' }, 400, 'INVALID_DATE_FORMAT'],
			[{ from_date: '30/06/2026', to_date: '01/01/2026' }, 400, 'INVALID_DATE_RANGE'],
			[{ from_date: '01/01/2026', to_date: '01/01/2026' }, 400, 'INVALID_DATE_RANGE'],
			[{ from_date: '01/01/2026' }, 400, 'MISSING_DATE_FIELD'],
			[{ bank_name: 'nobank' }, 400, 'INVALID_BANK_NAME'],
			[{ mode: 'pdf' }, 400, 'MISSING_BANK_NAME'],
			[{ mode: 'aa', bank_name: 'citi' }, 400, 'MODE_NOT_AVAILABLE'],
			[{ mode: 'online', bank_name: 'sbi' }, 403, 'MODE_NOT_ENABLED'],
			[{ mode: 'carrier-pigeon', bank_name: 'sbi' }, 400, 'INVALID_MODE'],
			[{ session_expiry: '4' }, 400, 'INVALID_SESSION_EXPIRY'],
			[{ session_expiry: '43201' }, 400, 'INVALID_SESSION_EXPIRY'],
			[{ mobile_number: '12345' }, 400, 'INVALID_MOBILE_NUMBER'],
			[{ journey_mode: 'solo' }, 400, 'INVALID_JOURNEY_MODE'],
			[{ link_id: '' }, 400, 'MISSING_LINK_ID'],
			[{ api_key: '' }, 400, 'MISSING_API_KEY'],
		])('%j → %i %s', async (fields, status, code) => {
			const form: Record<string, string> = { link_id: 'u', api_key: 'sandbox_api_key', ...fields };
			const response = await t.api('POST', 'session/', { form });
			expect(response.status).toBe(status);
			expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
		});

		test('a broken JSON body → 400 with a detail', async () => {
			const response = await t.api('POST', 'session/', { raw: { body: '{"link_id": ', contentType: 'application/json' } });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ detail: expect.any(String) });
		});

		test('an api_key field that differs from the header → 401', async () => {
			const response = await t.api('POST', 'session/', { form: { link_id: 'u', api_key: 'other' } });
			expect(response.status).toBe(401);
		});
	});

	describe('upload', () => {
		test('PDF part → 200 with the full statement shape', async () => {
			const sessionId = await createSession();
			const response = await uploadPdf(sessionId, statement);
			expect(response.status).toBe(200);
			expect(response.body).toEqual({
				bank_name: 'hdfc',
				statement_id: expect.stringMatching(UUID),
				page_count: expect.any(Number),
				identity: {
					account_number: expect.any(String), name: expect.any(String), address: expect.any(String), ifsc: expect.stringMatching(/^HDFC0/),
					micr: expect.any(String), account_category: expect.anything(), credit_limit: 0, od_limit: 0, account_id: expect.stringMatching(UUID), bank_name: 'hdfc',
				},
				date_range: { from_date: '2026-04-01', to_date: '2026-06-30' },
				opening_date: '2026-04-01',
				opening_bal: expect.any(Number),
				closing_bal: expect.any(Number),
				is_fraud: false,
				fraud_type: null,
				metadata_analysis: { name_matches: [] },
				country_code: 'IN',
				currency_code: 'INR',
				extracted_date_range: { from_date: '2026-04-01', to_date: '2026-06-30' },
				account_id: response.body.identity.account_id,
				masked_account_number: expect.stringMatching(/^X+\d{4}$/),
				months: ['2026-04', '2026-05', '2026-06'],
				missing_months: ['2026-01', '2026-02', '2026-03'],
				status: 1,
				session_id: sessionId,
			});
		});

		test('BASE64 and file_url uploads', async () => {
			const sessionId = await createSession();
			const base64 = await t.api('POST', 'statement/upload_session/', {
				form: { file: statement.toString('base64'), bank_name: 'hdfc', session_id: sessionId, upload_type: 'BASE64' },
			});
			expect(base64.status).toBe(200);
			const other = await createSession();
			const pdfUrl = `${t.sandbox.origin}/__sandbox/sample-statement?bank=hdfc&months=3&seed=session&end=2026-06-30`;
			const byUrl = await t.api('POST', 'statement/upload_session/', { form: { file_url: pdfUrl, bank_name: 'hdfc', session_id: other, upload_type: 'PDF' } });
			expect(byUrl.status).toBe(200);
			expect(byUrl.body.statement_id).toMatch(UUID);
		});

		test.each([
			['an unknown session', { session_id: 'nope' }, 404, 'SESSION_NOT_FOUND', ''],
			['no file', { file: undefined }, 400, 'MISSING_FILE_OBJECT', 'session'],
			['bad base64', { file: '%%%', upload_type: 'BASE64' }, 400, 'INVALID_BASE_64', 'session'],
			['a non-loopback file_url', { file: undefined, file_url: 'https://example.com/a.pdf' }, 400, 'INVALID_FILE_URL', 'session'],
			['a string where a PDF part is expected', { file: 'hello', upload_type: 'PDF' }, 400, 'INVALID_FILE_OBJECT', 'session'],
			['no upload_type', { upload_type: undefined }, 400, 'INVALID_REQUEST', 'session'],
			['a bad upload_type', { upload_type: 'DOCX' }, 400, 'INVALID_REQUEST', 'session'],
			['a bad account_category', { account_category: 'PIGGY_BANK' }, 400, 'INVALID_ACCOUNT_CATEGORY', 'session'],
			['an unknown bank_name', { bank_name: 'nobank' }, 400, 'INVALID_BANK_NAME', 'session'],
		])('%s → %i %s', async (_name, override, status, code, sessionIdIn) => {
			const sessionId = await createSession();
			const fields: Record<string, string | Buffer> = { file: statement, bank_name: 'hdfc', session_id: sessionId, upload_type: 'PDF' };
			for (const [k, v] of Object.entries(override)) {
				if (v === undefined) delete fields[k];
				else fields[k] = v;
			}
			const response = await t.api('POST', 'statement/upload_session/', { multipart: fields });
			expect(response.status).toBe(status);
			expect(response.body).toEqual({ session_id: sessionIdIn === 'session' ? sessionId : '', statement_id: '', error: { code, message: expect.any(String) } });
		});

		test('a JSON body → INVALID_FILE_OBJECT with the content-type message', async () => {
			const response = await t.api('POST', 'statement/upload_session/', { json: { session_id: 'x' } });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({
				session_id: '',
				statement_id: '',
				error: { code: 'INVALID_FILE_OBJECT', message: 'This field must be present as a form field. Send request with content type x-www-form-urlencoded or form-data' },
			});
		});

		test('statement failures carry the vendor codes and messages', async () => {
			const sessionId = await createSession();
			const locked = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'lock', password: 'pw', end: '2026-06-30' });
			const image = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'img', variant: 'image', end: '2026-06-30' });
			const corrupt = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'cor', variant: 'corrupt', end: '2026-06-30' });
			const old = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 2, seed: 'old', end: '2025-03-31' });
			const cases: Array<[Buffer, Record<string, string>, string, string]> = [
				[locked, { pdf_password: 'wrong' }, 'PASSWORD_INCORRECT', 'The provided password is incorrect'],
				[locked, {}, 'PASSWORD_INCORRECT', 'The provided password is incorrect'],
				[image, {}, 'PDF_IS_IMAGE', 'Scanned images are not supported'],
				[corrupt, {}, 'STATEMENT_UNSUPPORTED_FORMAT', 'The statement format is not supported'],
				[statement, { bank_name: 'axis' }, 'BANK_NAME_MISMATCH', 'Not axis bank statement'],
				[old, {}, 'OUT_OF_DATE_RANGE', 'No transactions in expected date range'],
			];
			for (const [file, extra, code, message] of cases) {
				const response = await uploadPdf(sessionId, file, extra);
				expect(response.status).toBe(400);
				expect(response.body).toEqual({ session_id: sessionId, statement_id: '', error: { code, message } });
			}
			const right = await uploadPdf(sessionId, locked, { pdf_password: 'pw' });
			expect(right.status).toBe(200);
			const duplicate = await uploadPdf(sessionId, locked, { pdf_password: 'pw' });
			expect(duplicate.body).toEqual({
				session_id: sessionId,
				statement_id: right.body.statement_id,
				error: { code: 'STATEMENT_DUPLICATE', message: 'A duplicate statement has been detected' },
			});
		});

		test('the same file sent twice at once is stored once', async () => {
			const sessionId = await createSession();
			const responses = await Promise.all([uploadPdf(sessionId, statement), uploadPdf(sessionId, statement)]);
			expect(responses.map((r) => r.status).sort()).toEqual([200, 400]);
			expect(responses.find((r) => r.status === 400)!.body.error.code).toBe('STATEMENT_DUPLICATE');
		});

		test('without bank_name a statement of no known bank → BANK_NAME_UNDETECTED', async () => {
			const sessionId = await createSession();
			const response = await t.api('POST', 'statement/upload_session/', { multipart: { file: await unknownBankPdf(), session_id: sessionId, upload_type: 'PDF' } });
			expect(response.status).toBe(400);
			expect(response.body.error).toEqual({ code: 'BANK_NAME_UNDETECTED', message: 'Unable to detect bank. Please provide BANK NAME.' });
		});

		test('accept_anything lets an out-of-range statement in', async () => {
			const sessionId = await createSession({ accept_anything: 'true' });
			const old = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'old2', end: '2025-03-31' });
			expect((await uploadPdf(sessionId, old)).status).toBe(200);
		});
	});

	test('the whole flow: upload status, initiate (202, then 409), progress, status, insights, PDFs, delete (410)', async () => {
		const sessionId = await createSession();
		const empty = await t.api('GET', `session_data/${sessionId}/session_upload_status/`);
		expect(empty.body).toEqual({
			session_id: sessionId,
			session_date_range: { from_date: '2026-01-01', to_date: '2026-06-30' },
			upload_status: 'NO_UPLOADS',
			session_expiry_timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			accounts: [],
			error: {},
		});
		const early = await t.api('GET', `session_data/${sessionId}/progress/`);
		expect(early.status).toBe(400);
		expect(early.body.error.code).toBe('PROCESSING_NOT_REQUESTED');
		expect((await t.api('GET', `session_data/${sessionId}/session_status/`)).body.error.code).toBe('PROCESSING_NOT_REQUESTED');

		const uploaded = (await uploadPdf(sessionId, statement)).body;
		for (const path of ['session_upload_status', 'upload_status']) {
			const status = await t.api('GET', `session_data/${sessionId}/${path}/`);
			expect(status.body.upload_status).toBe('IN_PROGRESS');
			expect(status.body.accounts).toEqual([
				expect.objectContaining({
					account_id: uploaded.account_id,
					bank_name: 'hdfc',
					account_status: 'PARTIAL',
					months: ['2026-04', '2026-05', '2026-06'],
					missing_data: [{ from_date: '2026-01-01', to_date: '2026-03-31' }],
					statements: [expect.objectContaining({ statement_id: uploaded.statement_id, source: 'pdf', statement_date_range: { from_date: '2026-04-01', to_date: '2026-06-30' } })],
				}),
			]);
		}

		const initiated = await t.api('POST', `session_data/${sessionId}/initiate_processing/`);
		expect(initiated.status).toBe(202);
		expect(initiated.body).toEqual({ session_id: sessionId, message: 'success' });
		const again = await t.api('POST', `session_data/${sessionId}/initiate_processing/`);
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe('DUPLICATE_PROCESSING_REQUEST');
		const closed = await uploadPdf(sessionId, statement);
		expect(closed.status).toBe(400);

		const busy = await t.api('GET', `session_data/${sessionId}/progress/`);
		expect(busy.body).toEqual({
			session_id: sessionId,
			session_progress: 'processing',
			progress: [{ identity_status: 'completed', transaction_status: 'processing', processing_status: 'processing', fraud_status: 'processing', statement_id: uploaded.statement_id, message: null, source: 'pdf' }],
		});
		const notYet = await t.api('GET', `session_data/${sessionId}/insights/`);
		expect(notYet.status).toBe(400);
		expect(notYet.body.error.code).toBe('PROCESSING_NOT_COMPLETED');

		await waitFor(async () => ((await t.api('GET', `session_data/${sessionId}/progress/`)).body.session_progress === 'completed' ? true : undefined));
		const status = await t.api('GET', `session_data/${sessionId}/session_status/`);
		expect(status.body).toEqual({
			session_id: sessionId,
			insights_available: true,
			accounts: [expect.objectContaining({ account_id: uploaded.account_id, bank_name: 'hdfc', account_status: 'completed', error_code: null, error_message: null })],
		});
		// the pre-2024 name answers the pre-2024 shape: accounts keyed by account_id
		const legacy = await t.api('GET', `session_data/${sessionId}/subscribed_data/`);
		expect(legacy.status).toBe(200);
		expect(Object.keys(legacy.body.accounts)).toEqual([uploaded.account_id]);
		const old = legacy.body.accounts[uploaded.account_id];
		expect(old.account_details[0]).toEqual(expect.objectContaining({ account_id: uploaded.account_id, bank_name: 'hdfc', months: ['2026-04', '2026-05', '2026-06'] }));
		expect(old.transactions.length).toBeGreaterThan(30);
		expect(old.salary_transactions).toHaveLength(3);
		expect(Object.keys(old.monthly_analysis.opening_balance)).toEqual(['Apr-2026', 'May-2026', 'Jun-2026']);
		expect(Object.keys(old.monthly_analysis.closing_balance)).toEqual(['Apr-2026', 'May-2026', 'Jun-2026']);
		expect(old.top_credits_debits).toEqual(expect.objectContaining({ top_5_credit: expect.any(Array), top_5_debit: expect.any(Array) }));
		expect(old).toEqual(expect.objectContaining({ fraud: { fraudulent_statements: [], fraud_type: [] }, predictors: expect.any(Object), eod_balances: expect.any(Object) }));
		// insights/ answers today's shape with the same facts (every part of it: sessionReads.test.ts)
		const insights = await t.api('GET', `session_data/${sessionId}/insights/`);
		expect(insights.status).toBe(200);
		expect(insights.body.accounts.map((a: { account_id: string }) => a.account_id)).toEqual([uploaded.account_id]);
		const { data } = insights.body.accounts[0];
		expect(data.account_details).toEqual(expect.objectContaining({ bank: 'hdfc', months: ['2026-04', '2026-05', '2026-06'] }));
		expect(data.transactions).toHaveLength(old.transactions.length);
		expect(data.salary_transactions).toHaveLength(3);
		expect(data.monthly_analysis.opening_balance).toEqual(old.monthly_analysis.opening_balance);
		expect(data.monthly_analysis.closing_balance).toEqual(old.monthly_analysis.closing_balance);
		expect(data.top_credits_debits.map((entry: { type: string }) => entry.type)).toEqual(['top_5_debit', 'top_5_credit']);
		expect(data).toEqual(expect.objectContaining({ fraud: [], predictors: expect.any(Object), eod_balances: expect.any(Object) }));
		const pdfs = await t.api('GET', `session_data/${sessionId}/get_pdfs/`);
		expect(pdfs.body.statements).toEqual([expect.objectContaining({ statement_id: uploaded.statement_id, bank_name: 'hdfc', pdf_password: null })]);
		expect((await fetch(pdfs.body.statements[0].pdf_url)).status).toBe(200);

		const deleted = await t.api('DELETE', `session_data/${sessionId}/delete/`);
		expect(deleted.status).toBe(200);
		for (const path of ['session_upload_status', 'progress', 'insights', 'get_pdfs', 'delete']) {
			const gone = await t.api(path === 'delete' ? 'DELETE' : 'GET', `session_data/${sessionId}/${path}/`);
			expect(gone.status).toBe(410);
			expect(gone.body).toEqual({ error: { code: 'SESSION_DELETED', message: expect.any(String) } });
		}
		const unknown = await t.api('GET', 'session_data/unknown/progress/');
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.code).toBe('SESSION_NOT_FOUND');
	});

	test('expiry: after session_expiry minutes of sandbox time the session is EXPIRED and takes no uploads', async () => {
		const sessionId = await createSession({ session_expiry: '5' });
		await t.admin('POST', 'clock', { advanceMs: 5 * 60_000 + 1000 });
		const status = await t.api('GET', `session_data/${sessionId}/session_upload_status/`);
		expect(status.body.upload_status).toBe('EXPIRED');
		const upload = await uploadPdf(sessionId, statement);
		expect(upload.status).toBe(400);
		expect(upload.body.error.code).toBe('SESSION_EXPIRED');
	});
});
