/**
 * The requests BankConnect's public clients send, as they send them: the vendor's Python SDK
 * (entity flow: form posts with only `x-api-key`, python-requests' multipart, exact error
 * messages it matches on) and session clients (api_key in a JSON or form body without the header,
 * bankless session uploads). The shapes are written here from the clients' documented behaviour;
 * none of their code is in this repository.
 */
import { randomBytes } from 'crypto';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, unknownBankPdf, UUID, type TestSandbox } from './harness';

let t: TestSandbox;
let apiKey: string;

beforeAll(async () => {
	t = await startTestSandbox({ processingMs: 0 });
	apiKey = t.sandbox.options.apiKey;
});
afterAll(() => t.close());

/** A multipart body as python-requests builds it for `data=` plus `files={'file': f}`: fields first, a 32-hex boundary. */
function requestsMultipart(fields: Record<string, string>, file: Buffer, fileName = 'statement.pdf'): { body: Buffer; contentType: string } {
	const boundary = randomBytes(16).toString('hex');
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** What the SDK sends: only the x-api-key header (it predates the server-hash). */
const sdk = (method: string, path: string, options: { form?: Record<string, string>; raw?: { body: Buffer; contentType: string }; query?: Record<string, string> } = {}) =>
	t.api(method, path, { ...options, noAuth: true, headers: { 'x-api-key': apiKey } });

describe('the Python SDK (entity flow)', () => {
	test('create_entity: a urlencoded link_id → 201 with entity_id', async () => {
		const response = await sdk('POST', 'entity/', { form: { link_id: 'sdk-link' } });
		expect(response.status).toBe(201);
		expect(response.body).toEqual({ entity_id: expect.stringMatching(UUID), link_id: 'sdk-link', meta_data: null });
	});

	test('get_link_id without the server-hash → 401, as the API answers clients that predate it', async () => {
		const { entity_id: entityId } = (await sdk('POST', 'entity/', { form: { link_id: 'sdk-old' } })).body;
		const response = await sdk('GET', `entity/${entityId}/`);
		expect(response.status).toBe(401);
		expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
	});

	test('upload_file with a bank, then every analysis read it polls, in the shapes it reads', async () => {
		const { entity_id: entityId } = (await sdk('POST', 'entity/', { form: { link_id: 'sdk-upload' } })).body;
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 3, seed: 'sdk-hdfc', end: '2025-12-31' });
		const uploaded = await sdk('POST', 'statement/upload/', { query: { identity: 'true' }, raw: requestsMultipart({ bank_name: 'hdfc', entity_id: entityId }, pdf) });
		expect(uploaded.status).toBe(200);
		expect(uploaded.body).toMatchObject({ entity_id: entityId, is_fraud: false, identity: { account_id: expect.any(String), name: expect.any(String) } });

		const read = async (field: string) => {
			const response = await sdk('GET', `entity/${entityId}/${field}/`);
			expect(response.status).toBe(200);
			expect(response.body.progress.map((p: { status: string }) => p.status)).toEqual(['completed']);
			expect(response.body.fraud.fraud_type).toEqual([]);
			expect(response.body.accounts).toHaveLength(1);
			return response.body;
		};
		expect((await read('transactions')).transactions.length).toBeGreaterThan(10);
		expect((await read('identity')).identity[0]).toMatchObject({ account_id: uploaded.body.identity.account_id });
		await read('accounts');
		const recurring = (await read('recurring_transactions')).transactions;
		expect(recurring).toEqual({ credit_transactions: expect.any(Array), debit_transactions: expect.any(Array) });
		expect((await read('lender_transactions')).transactions.length).toBeGreaterThan(0);

		// salary items carry month_year as the contract's example prints it: "12-2018", "1-2019"
		const salary = (await read('salary')).transactions as Array<{ date: string; month_year: string }>;
		expect(salary.map((s) => s.month_year)).toEqual(['10-2025', '11-2025', '12-2025']);
		for (const s of salary) expect(s.month_year).toBe(`${Number(s.date.slice(5, 7))}-${s.date.slice(0, 4)}`);
	});

	test('bankless upload_file detects the bank', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'icici', months: 1, seed: 'sdk-bankless' });
		const response = await sdk('POST', 'statement/bankless_upload/', { query: { identity: 'true' }, raw: requestsMultipart({}, pdf) });
		expect(response.status).toBe(200);
		expect(response.body.bank_name).toBe('icici');
	});

	test.each([
		['an unreadable PDF with a bank name (no bank can be found in it): PDF is not parsable', { bank_name: 'axis' }, 'unknown', 'PDF is not parsable'],
		['the same without a bank name: unable to detect the bank', {}, 'unknown', 'Unable to detect bank. Please provide BANK NAME.'],
		['a file that is not a PDF, with a bank name', { bank_name: 'axis' }, 'text', 'PDF is not parsable'],
		['a locked PDF without its password', { bank_name: 'sbi' }, 'locked', 'Password incorrect'],
		['a statement of another bank: the mismatch', { bank_name: 'axis' }, 'sbi', 'Not axis bank statement'],
	])('upload_file, %s', async (_case, fields: Record<string, string>, kind, message) => {
		const files: Record<string, () => Promise<Buffer>> = {
			unknown: unknownBankPdf,
			text: async () => Buffer.from('not a statement'),
			locked: () => sampleStatement(t.sandbox.origin, { bank: 'sbi', months: 1, seed: 'sdk-locked', password: 'pw' }),
			sbi: () => sampleStatement(t.sandbox.origin, { bank: 'sbi', months: 1, seed: 'sdk-sbi' }),
		};
		const path = fields.bank_name ? 'statement/upload/' : 'statement/bankless_upload/';
		const response = await sdk('POST', path, { query: { identity: 'true' }, raw: requestsMultipart(fields, await files[kind]()) });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ entity_id: expect.stringMatching(UUID), message });
	});

	test('an unknown bank_name → a bank_name field error (the SDK raises InvalidBankNameError on it)', async () => {
		const response = await sdk('POST', 'statement/upload/', { raw: requestsMultipart({ bank_name: 'not_a_bank' }, Buffer.from('%PDF-1.4')) });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ bank_name: ['"not_a_bank" is not a valid choice.'] });
	});
});

describe('session clients', () => {
	const createWith = (body: { json?: unknown; form?: Record<string, string> }, headers: Record<string, string> = {}) =>
		t.api('POST', 'session/', { ...body, noAuth: true, headers });

	test.each([
		['a JSON body', { json: { link_id: 'json-client', api_key: 'KEY' } }],
		['a form body', { form: { link_id: 'form-client', api_key: 'KEY' } }],
	])('create with api_key in %s and no x-api-key header → 200', async (_name, body) => {
		const withKey = JSON.parse(JSON.stringify(body).replace('KEY', apiKey));
		const response = await createWith(withKey);
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ session_id: expect.stringMatching(UUID), redirect_url: expect.stringContaining(response.body.session_id) });
	});

	test('create without any key, or with a wrong body key and no header → 401', async () => {
		expect((await createWith({ json: { link_id: 'no-key' } })).status).toBe(401);
		expect((await createWith({ form: { link_id: 'bad-key', api_key: 'wrong' } })).status).toBe(401);
		expect((await createWith({ form: { link_id: 'both', api_key: apiKey } }, { 'x-api-key': 'wrong' })).status).toBe(401);
		expect((await createWith({ form: { link_id: 'both', api_key: 'wrong' } }, { 'x-api-key': apiKey })).status).toBe(401);
	});

	async function session(): Promise<string> {
		const response = await createWith({ json: { link_id: 'uploads', api_key: apiKey, from_date: '01/06/2025', to_date: '31/12/2025' } });
		return response.body.session_id as string;
	}
	const upload = (sessionId: string, fields: Record<string, string>, file: Buffer) =>
		t.api('POST', 'statement/upload_session/', { raw: requestsMultipart({ session_id: sessionId, api_key: apiKey, ...fields }, file) });

	test('upload_session without upload_type is refused (the contract marks it required)', async () => {
		const sessionId = await session();
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'no-type', end: '2025-11-30' });
		const response = await upload(sessionId, { bank_name: 'hdfc' }, pdf);
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ session_id: sessionId, statement_id: '', error: { code: 'INVALID_REQUEST', message: 'upload_type, This field is required.' } });
		const wrong = await upload(sessionId, { bank_name: 'hdfc', upload_type: 'DOCX' }, pdf);
		expect(wrong.body.error).toEqual({ code: 'INVALID_REQUEST', message: 'upload_type, "DOCX" is not a valid choice.' });
		expect((await t.admin('GET', 'statements')).body.statements.filter((s: { session_id: string }) => s.session_id === sessionId)).toEqual([]);
	});

	test('upload_session without bank_name: the bank is detected', async () => {
		const sessionId = await session();
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'kotak', months: 2, seed: 'bankless-session', end: '2025-11-30' });
		const response = await upload(sessionId, { upload_type: 'PDF' }, pdf);
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ session_id: sessionId, bank_name: 'kotak', identity: { bank_name: 'kotak' } });
	});

	test('upload_session of a file whose bank cannot be found: BANK_NAME_UNDETECTED without a bank, STATEMENT_UNSUPPORTED_FORMAT with one', async () => {
		const sessionId = await session();
		const pdf = await unknownBankPdf();
		const bankless = await upload(sessionId, { upload_type: 'PDF' }, pdf);
		expect(bankless.body).toEqual({ session_id: sessionId, statement_id: '', error: { code: 'BANK_NAME_UNDETECTED', message: 'Unable to detect bank. Please provide BANK NAME.' } });
		const withBank = await upload(sessionId, { upload_type: 'PDF', bank_name: 'axis' }, pdf);
		expect(withBank.body).toEqual({ session_id: sessionId, statement_id: '', error: { code: 'STATEMENT_UNSUPPORTED_FORMAT', message: 'The statement format is not supported' } });
	});
});
