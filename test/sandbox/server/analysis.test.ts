import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { composeStatement } from '../../../sandbox/statements/compose';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, UUID, waitFor, type TestSandbox } from './harness';

const HOUR = 60 * 60 * 1000;

describe('sandbox analysis reads', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox({ processingMs: 300 });
	});
	afterAll(() => t.close());

	async function upload(file: Buffer, bank: string, entityId?: string): Promise<{ entity_id: string; statement_id: string }> {
		const fields: Record<string, string | Buffer> = { file, bank_name: bank };
		if (entityId) fields.entity_id = entityId;
		const response = await t.api('POST', 'statement/upload/', { multipart: fields });
		expect(response.status).toBe(200);
		return response.body;
	}

	async function completed(entityId: string, field = 'transactions'): Promise<any> {
		return waitFor(async () => {
			const response = await t.api('GET', `entity/${entityId}/${field}/`);
			return response.body.progress.every((p: { status: string }) => p.status !== 'processing') ? response.body : undefined;
		});
	}

	test('PDF round trip: the transactions in the generated statement come back through the API', async () => {
		const spec = { bank: 'icici', months: 3, seed: 'round-trip', end: '2026-06-30' };
		const expected = composeStatement({ bank: spec.bank, months: spec.months, seed: spec.seed, endDate: spec.end });
		const pdf = await sampleStatement(t.sandbox.origin, spec);
		const { entity_id, statement_id } = await upload(pdf, 'icici');

		const processing = await t.api('GET', `entity/${entity_id}/transactions/`);
		expect(processing.body.progress).toEqual([{ status: 'processing', message: null, statement_id }]);

		const body = await completed(entity_id);
		expect(body.progress).toEqual([{ status: 'completed', message: null, statement_id }]);
		const transactions = body.transactions as Array<Record<string, any>>;
		expect(transactions).toHaveLength(expected.lines.length);
		expect(transactions[0].date).toBe(expected.lines[0].date);
		expect(transactions.at(-1)!.date).toBe(expected.lines.at(-1)!.date);
		const knownLine = expected.lines[Math.floor(expected.lines.length / 2)];
		const known = transactions[Math.floor(expected.lines.length / 2)];
		expect(known.transaction_note).toBe(knownLine.narration);
		expect(known.amount).toBe(knownLine.debit ?? knownLine.credit);
		expect(known.transaction_type).toBe(knownLine.debit !== null ? 'debit' : 'credit');
		expect(known.balance).toBe(knownLine.balance);
		expect(Object.keys(known).sort()).toEqual(
			['account_id', 'amount', 'balance', 'date', 'description', 'hash', 'merchant_category', 'transaction_channel', 'transaction_note', 'transaction_type'],
		);
		expect(body.accounts).toEqual([
			{
				months: ['2026-04', '2026-05', '2026-06'],
				statements: [statement_id],
				account_id: known.account_id,
				ifsc: expected.identity.ifsc,
				micr: expected.identity.micr,
				account_number: expected.identity.account_number,
				bank: 'icici',
			},
		]);
		expect(body.fraud).toEqual({ fraudulent_statements: [], fraud_type: [] });

		const identity = await t.api('GET', `entity/${entity_id}/identity/`);
		expect(identity.body.identity).toEqual([
			{ address: expected.identity.address, account_number: expected.identity.account_number, account_id: known.account_id, name: expected.identity.name },
		]);
		const salary = await t.api('GET', `entity/${entity_id}/salary/`);
		expect(salary.body.transactions).toHaveLength(3);
		expect(salary.body.transactions[0]).toEqual(expect.objectContaining({ transaction_type: 'credit', clean_transaction_note: expect.any(String), month_year: expect.any(String) }));
		const lender = await t.api('GET', `entity/${entity_id}/lender_transactions/`);
		expect(lender.body.transactions.length).toBeGreaterThanOrEqual(3);
		expect(lender.body.transactions.every((tx: { transaction_type: string }) => tx.transaction_type === 'debit')).toBe(true);
		const recurring = await t.api('GET', `entity/${entity_id}/recurring_transactions/`);
		expect(recurring.body.transactions).toEqual({ credit_transactions: expect.any(Array), debit_transactions: expect.any(Array) });
		expect(recurring.body.transactions.debit_transactions[0]).toEqual(
			expect.objectContaining({ account_id: known.account_id, median: expect.any(Number), transaction_channel: expect.stringMatching(/^[A-Z_]+$/) }),
		);

		const overview = await t.api('GET', 'entity/link_overview/', { query: { link_id: 'none' } });
		expect(overview.body.progress_data).toEqual([]);
	});

	test('raw_excel_report is empty while processing, then a real .xlsx behind a link that expires after an hour', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 2, seed: 'excel' });
		const { entity_id } = await upload(pdf, 'axis');
		// no link while a statement is processing (how long that lasts on a loaded machine is not ours to assert)
		const early = await t.api('GET', `entity/${entity_id}/raw_excel_report/`);
		const stillProcessing = early.body.progress.some((p: { status: string }) => p.status === 'processing');
		expect(early.body.reports.length === 0).toBe(stillProcessing);
		const body = await completed(entity_id, 'raw_excel_report');
		expect(body.reports).toEqual([{ link: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__sandbox\/files\//), account_id: body.accounts[0].account_id }]);
		const file = await fetch(body.reports[0].link);
		expect(file.status).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ExcelJS.Buffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Transactions']);
		const transactions = await t.api('GET', `entity/${entity_id}/transactions/`);
		expect(workbook.getWorksheet('Transactions')!.actualRowCount).toBe(transactions.body.transactions.length + 1);

		await t.admin('POST', 'clock', { advanceMs: HOUR + 1000 });
		const expired = await fetch(body.reports[0].link);
		expect(expired.status).toBe(403);
		const fresh = await t.api('GET', `entity/${entity_id}/raw_excel_report/`);
		expect((await fetch(fresh.body.reports[0].link)).status).toBe(200);
	});

	test('get_pdfs links serve the uploaded bytes for an hour; after 30 days pdf_url is ""', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'sbi', months: 1, seed: 'pdfs', password: 'pw1' });
		const response = await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'sbi', pdf_password: 'pw1' } });
		const { entity_id, statement_id } = response.body;
		const pdfs = await t.api('GET', `entity/${entity_id}/get_pdfs/`);
		expect(pdfs.body).toEqual({
			statements: [{ statement_id, bank_name: 'sbi', pdf_password: 'pw1', pdf_url: expect.stringContaining('/__sandbox/files/'), account_id: expect.stringMatching(UUID) }],
		});
		const download = await fetch(pdfs.body.statements[0].pdf_url);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		const bytes = Buffer.from(await download.arrayBuffer());
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
		await t.admin('POST', 'clock', { advanceMs: HOUR + 1 });
		expect((await fetch(pdfs.body.statements[0].pdf_url)).status).toBe(403);
		await t.admin('POST', 'clock', { advanceMs: 30 * 24 * HOUR });
		const later = await t.api('GET', `entity/${entity_id}/get_pdfs/`);
		expect(later.body.statements[0].pdf_url).toBe('');
	});

	test('a broken running balance yields inconsistent_transaction with the transaction hash', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'kotak', months: 2, seed: 'broken', broken_balance: true });
		const { entity_id, statement_id } = await upload(pdf, 'kotak');
		const body = await completed(entity_id);
		expect(body.fraud.fraudulent_statements).toEqual([statement_id]);
		const entry = body.fraud.fraud_type.find((f: { fraud_type: string }) => f.fraud_type === 'inconsistent_transaction');
		expect(entry).toEqual({ statement_id, fraud_type: 'inconsistent_transaction', transaction_hash: expect.any(String) });
		expect(body.transactions.map((tx: { hash: string }) => tx.hash)).toContain(entry.transaction_hash);
	});

	test('a statement whose processing fails reports failed with a message, and no report', async () => {
		await t.admin('POST', 'processing-failures', { count: 1, reason: 'Extraction failed' });
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'fails' });
		const { entity_id, statement_id } = await upload(pdf, 'hdfc');
		const body = await completed(entity_id, 'raw_excel_report');
		expect(body.progress).toEqual([{ status: 'failed', message: 'Extraction failed', statement_id }]);
		expect(body.reports).toEqual([]);
	});

	test('an unknown analysis field → 404', async () => {
		const entity = (await t.api('POST', 'entity/')).body.entity_id;
		const response = await t.api('GET', `entity/${entity}/horoscope/`);
		expect(response.status).toBe(404);
		const empty = await t.api('GET', `entity/${entity}/accounts/`);
		expect(empty.body).toEqual({ entity_id: entity, progress: [], accounts: [], fraud: { fraudulent_statements: [], fraud_type: [] } });
	});
});
