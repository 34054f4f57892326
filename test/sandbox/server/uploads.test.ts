import { createHash } from 'crypto';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, unknownBankPdf, UUID, type TestSandbox } from './harness';

const WRONG_CONTENT_TYPE = {
	file: ['This field must be present as a form field. Send request with content type x-www-form-urlencoded or form-data'],
};

describe('sandbox entity-flow uploads', () => {
	let t: TestSandbox;
	let hdfc: Buffer;
	let files: Server;
	let filesOrigin: string;
	const served = new Map<string, Buffer>();

	beforeAll(async () => {
		t = await startTestSandbox();
		hdfc = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 2, seed: 'uploads' });
		files = createServer((req, res) => {
			const body = served.get(req.url ?? '');
			res.statusCode = body ? 200 : 404;
			res.end(body ?? 'missing');
		});
		await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
		filesOrigin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
		served.set('/hdfc.pdf', hdfc);
	});
	afterAll(async () => {
		await t.close();
		await new Promise((resolve) => files.close(resolve));
	});

	test('file part with bank_name, ?identity=true → 200 with identity and date range', async () => {
		const response = await t.api('POST', 'statement/upload/', { query: { identity: 'true' }, multipart: { file: hdfc, bank_name: 'hdfc' } });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			bank_name: 'hdfc',
			statement_id: expect.stringMatching(UUID),
			entity_id: expect.stringMatching(UUID),
			date_range: { from_date: expect.stringMatching(/^\d{4}-\d{2}-01$/), to_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
			is_fraud: false,
			identity: { account_id: expect.stringMatching(UUID), account_number: expect.stringMatching(/^\d{9,18}$/), address: expect.any(String), name: expect.any(String) },
			fraud_type: null,
		});
		const entity = await t.api('GET', `entity/${response.body.entity_id}/`);
		expect(entity.body).toEqual({ entity_id: response.body.entity_id, link_id: null, meta_data: null });
	});

	test('without ?identity=true only entity_id, statement_id, bank_name come back', async () => {
		const response = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'HDFC' } });
		expect(response.status).toBe(200);
		expect(Object.keys(response.body).sort()).toEqual(['bank_name', 'entity_id', 'statement_id']);
	});

	test('file_url from a loopback host, bank known and bankless', async () => {
		for (const path of ['statement/upload/', 'statement/bankless_upload/']) {
			const response = await t.api('POST', path, { form: { file_url: `${filesOrigin}/hdfc.pdf`, bank_name: 'hdfc' } });
			expect(response.status).toBe(200);
			expect(response.body.bank_name).toBe('hdfc');
		}
	});

	test('file_url that cannot be fetched or is not loopback → 400 file_url error', async () => {
		for (const url of [`${filesOrigin}/absent.pdf`, 'https://example.com/statement.pdf', 'not a url', 'ftp://127.0.0.1/x.pdf']) {
			const response = await t.api('POST', 'statement/upload/', { form: { file_url: url, bank_name: 'hdfc' } });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ file_url: ['This file url is invalid'] });
		}
	});

	test('base64 in a urlencoded form and in a multipart form, bank known and bankless', async () => {
		const file = hdfc.toString('base64');
		const known = await t.api('POST', 'statement/upload_base64/', { form: { file, bank_name: 'hdfc' } });
		expect(known.status).toBe(200);
		const bankless = await t.api('POST', 'statement/bankless_upload_base64/', { multipart: { file }, query: { identity: 'true' } });
		expect(bankless.status).toBe(200);
		expect(bankless.body.bank_name).toBe('hdfc');
		expect(bankless.body.identity.account_id).toMatch(UUID);
	});

	test('bad base64 → {"file": ["Invalid Base 64 string"]}', async () => {
		for (const path of ['statement/upload_base64/', 'statement/bankless_upload_base64/']) {
			const response = await t.api('POST', path, { form: { file: 'not*base64!', bank_name: 'hdfc' } });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ file: ['Invalid Base 64 string'] });
		}
	});

	test('missing fields → {"<field>": ["This field is required."]}', async () => {
		const noFile = await t.api('POST', 'statement/bankless_upload/', { form: { pdf_password: 'x' } });
		expect(noFile.status).toBe(400);
		expect(noFile.body).toEqual({ file: ['This field is required.'] });
		const noBank = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc } });
		expect(noBank.body).toEqual({ bank_name: ['This field is required.'] });
		const nothing = await t.api('POST', 'statement/upload_base64/', { form: {} });
		expect(nothing.body).toEqual({ file: ['This field is required.'], bank_name: ['This field is required.'] });
	});

	test('any other content type → the contract 400', async () => {
		for (const path of ['statement/upload/', 'statement/upload_base64/', 'statement/bankless_upload/', 'statement/bankless_upload_base64/']) {
			const json = await t.api('POST', path, { json: { file: hdfc.toString('base64'), bank_name: 'hdfc' } });
			expect(json.status).toBe(400);
			expect(json.body).toEqual(WRONG_CONTENT_TYPE);
			const pdf = await t.api('POST', path, { raw: { body: hdfc, contentType: 'application/pdf' } });
			expect(pdf.body).toEqual(WRONG_CONTENT_TYPE);
			const broken = await t.api('POST', path, { raw: { body: '{"file": ', contentType: 'application/json' } });
			expect(broken.body).toEqual(WRONG_CONTENT_TYPE);
		}
	});

	test('an unknown bank_name or entity_id → 400 field error', async () => {
		const bank = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'nobank' } });
		expect(bank.status).toBe(400);
		expect(bank.body).toEqual({ bank_name: ['"nobank" is not a valid choice.'] });
		const entity = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'hdfc', entity_id: 'nope' } });
		expect(entity.status).toBe(400);
		expect(entity.body).toEqual({ entity_id: ['No entity with this entity_id.'] });
	});

	test('password: right → 200, wrong or missing → "Password incorrect", entity still created', async () => {
		const locked = await sampleStatement(t.sandbox.origin, { bank: 'sbi', months: 1, seed: 'pw', password: 'secret1' });
		const right = await t.api('POST', 'statement/upload/', { multipart: { file: locked, bank_name: 'sbi', pdf_password: 'secret1' } });
		expect(right.status).toBe(200);
		for (const password of ['wrong', undefined]) {
			const fields: Record<string, string | Buffer> = { file: locked, bank_name: 'sbi' };
			if (password) fields.pdf_password = password;
			const response = await t.api('POST', 'statement/upload/', { multipart: fields });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ entity_id: expect.stringMatching(UUID), message: 'Password incorrect' });
			expect((await t.api('GET', `entity/${response.body.entity_id}/`)).status).toBe(200);
		}
	});

	test('image-only, corrupt and non-PDF files → "PDF is not parsable"', async () => {
		const image = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 1, seed: 'img', variant: 'image' });
		const corrupt = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 1, seed: 'bad', variant: 'corrupt' });
		for (const file of [image, corrupt, Buffer.from('just some text')]) {
			const response = await t.api('POST', 'statement/bankless_upload/', { multipart: { file } });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ entity_id: expect.stringMatching(UUID), message: 'PDF is not parsable' });
		}
	});

	test('bankless upload of a statement of no known bank → "Unable to detect bank. Please provide BANK NAME."', async () => {
		const response = await t.api('POST', 'statement/bankless_upload/', { multipart: { file: await unknownBankPdf() } });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ entity_id: expect.stringMatching(UUID), message: 'Unable to detect bank. Please provide BANK NAME.' });
	});

	test('a statement of another bank → "Not <bank> bank statement" on the given entity', async () => {
		const entity = (await t.api('POST', 'entity/')).body.entity_id;
		const response = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'icici', entity_id: entity } });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ entity_id: entity, message: 'Not icici bank statement' });
	});

	test('the same file twice to one entity → duplicate 400; to another entity it is fine', async () => {
		const first = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'hdfc' } });
		const again = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'hdfc', entity_id: first.body.entity_id } });
		expect(again.status).toBe(400);
		expect(again.body).toEqual({ entity_id: first.body.entity_id, message: 'A duplicate statement has been detected' });
		const elsewhere = await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'hdfc' } });
		expect(elsewhere.status).toBe(200);
	});

	test('the same file sent twice at once to one entity is stored once', async () => {
		const entity = (await t.api('POST', 'entity/')).body.entity_id;
		const send = () => t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'hdfc', entity_id: entity } });
		const responses = await Promise.all([send(), send(), send()]);
		expect(responses.map((r) => r.status).sort()).toEqual([200, 400, 400]);
		expect((await t.api('GET', `entity/${entity}/accounts/`)).body.accounts[0].statements).toHaveLength(1);
	});

	test('a single-account entity takes the same account again but refuses another one', async () => {
		const entity = (await t.api('POST', 'entity/', { form: { is_single_account: 'true' } })).body.entity_id;
		const spec = { bank: 'kotak', months: 1, account: '123456789012' };
		const march = await sampleStatement(t.sandbox.origin, { ...spec, seed: 'one' });
		const sameAccount = await sampleStatement(t.sandbox.origin, { ...spec, seed: 'two' });
		const otherAccount = await sampleStatement(t.sandbox.origin, { ...spec, seed: 'three', account: '999988887777' });
		expect((await t.api('POST', 'statement/upload/', { multipart: { file: march, bank_name: 'kotak', entity_id: entity } })).status).toBe(200);
		expect((await t.api('POST', 'statement/upload/', { multipart: { file: sameAccount, bank_name: 'kotak', entity_id: entity } })).status).toBe(200);
		const refused = await t.api('POST', 'statement/upload/', { multipart: { file: otherAccount, bank_name: 'kotak', entity_id: entity } });
		expect(refused.status).toBe(400);
		expect(refused.body).toEqual({ entity_id: entity, message: 'This entity accepts statements of a single account only' });
		const accounts = await t.api('GET', `entity/${entity}/accounts/`);
		expect(accounts.body.accounts).toHaveLength(1);
		expect(accounts.body.accounts[0].statements).toHaveLength(2);
	});

	test('odd PDF metadata is reported as fraud at upload', async () => {
		const edited = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 1, seed: 'meta', odd_metadata: true });
		const response = await t.api('POST', 'statement/upload/', { query: { identity: 'true' }, multipart: { file: edited, bank_name: 'axis' } });
		expect(response.status).toBe(200);
		expect(response.body.is_fraud).toBe(true);
		expect(response.body.fraud_type).toBe('author_fraud');
	});

	test('the request log records each upload with the file sha256', async () => {
		await t.admin('DELETE', 'requests');
		await t.api('POST', 'statement/upload/', { multipart: { file: hdfc, bank_name: 'hdfc' } });
		const { requests } = (await t.admin('GET', 'requests')).body;
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/bank-connect/v1/statement/upload/',
				status: 200,
				sha256: createHash('sha256').update(hdfc).digest('hex'),
			}),
		]);
	});
});
