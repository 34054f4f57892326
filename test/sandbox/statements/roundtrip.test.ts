import PDFDocument from 'pdfkit';
import { composeStatement } from '../../../sandbox/statements/compose';
import { generateStatementPdf } from '../../../sandbox/statements/generate';
import { closePdfReader, readStatementPdf } from '../../../sandbox/statements/read';
import { StatementReadError, StatementSpec } from '../../../sandbox/statements/types';

afterAll(() => closePdfReader());

async function failureOf(promise: Promise<unknown>): Promise<{ failure: string; message: string }> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(StatementReadError);
		const { failure, message } = error as StatementReadError;
		return { failure, message };
	}
	throw new Error('expected the read to fail');
}

describe('generate → read round trip', () => {
	const cases: StatementSpec[] = [
		{ bank: 'hdfc', months: 6, seed: 'rt-1', endDate: '2024-05-31' },
		{ bank: 'sbi', months: 1, seed: 'rt-2', endDate: '2024-02-29' },
		{ bank: 'icici', months: 12, seed: 'rt-3', endDate: '2023-12-31', holder: 'Ananya Rao', accountNumber: '000401234567' },
		{ bank: 'axis', months: 3, seed: 'rt-4', endDate: '2024-06-15', patterns: ['emi'] },
		{ bank: 'central', months: 2, seed: 'rt-5', endDate: '2024-03-31' },
		{ bank: 'stanchar', months: 4, seed: 'rt-6', endDate: '2024-04-30', brokenBalance: true },
	];

	test.each(cases)('$bank, $months months: every line, the identity and the period come back', async (spec) => {
		const expected = composeStatement(spec);
		const parsed = await readStatementPdf(await generateStatementPdf(spec));

		expect(parsed.bank).toBe(spec.bank);
		expect(parsed.lines).toEqual(expected.lines);
		expect(parsed.lines.length).toBeGreaterThanOrEqual(spec.months * 25);
		expect(parsed.fromDate).toBe(expected.fromDate);
		expect(parsed.toDate).toBe(spec.endDate);
		expect(parsed.identity).toEqual({
			name: expected.identity.name,
			account_number: expected.identity.account_number,
			address: expected.identity.address,
			ifsc: expected.identity.ifsc,
			micr: expected.identity.micr,
			account_category: 'individual',
		});
		expect(parsed.identity.ifsc!.slice(0, 4)).toBe(expected.bank.ifscPrefix);
		expect(parsed.openingBalance).toBe(expected.openingBalance);
		expect(parsed.closingBalance).toBe(expected.closingBalance);
		expect(parsed.metadata).toEqual({ author: expected.bank.fullName, creator: 'Finacle Core Banking', producer: 'iText 5.5.13' });
	});

	test('holder and account number given in the spec are printed and read back', async () => {
		const parsed = await readStatementPdf(await generateStatementPdf(cases[2]));
		expect(parsed.identity.name).toBe('ANANYA RAO');
		expect(parsed.identity.account_number).toBe('000401234567');
		expect(parsed.fromDate).toBe('2023-01-01');
		expect(parsed.pageCount).toBeGreaterThanOrEqual(6);
	});

	test('a 6-month statement spans several pages and starts and ends inside its period', async () => {
		const parsed = await readStatementPdf(await generateStatementPdf(cases[0]));
		expect(parsed.pageCount).toBeGreaterThanOrEqual(4);
		expect(parsed.fromDate).toBe('2023-12-01');
		expect(parsed.lines[0].date >= '2023-12-01 00:00:00').toBe(true);
		expect(parsed.lines[parsed.lines.length - 1].date <= '2024-05-31 00:00:00').toBe(true);
		const salary = parsed.lines.filter((line) => /-SALARY$/.test(line.narration));
		expect(salary.map((line) => line.date.slice(0, 7))).toEqual(['2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
	});
});

describe('passwords and unreadable files', () => {
	const spec: StatementSpec = { bank: 'kotak', months: 2, seed: 'pw', endDate: '2024-05-31', password: 'kotak1234' };

	test('the right password decrypts the statement', async () => {
		const parsed = await readStatementPdf(await generateStatementPdf(spec), 'kotak1234');
		expect(parsed.bank).toBe('kotak');
		expect(parsed.lines).toEqual(composeStatement(spec).lines);
	});

	test('a wrong or missing password is PASSWORD_INCORRECT', async () => {
		const pdf = await generateStatementPdf(spec);
		expect(await failureOf(readStatementPdf(pdf, 'wrong'))).toEqual({ failure: 'PASSWORD_INCORRECT', message: 'Password incorrect' });
		expect(await failureOf(readStatementPdf(pdf))).toEqual({ failure: 'PASSWORD_INCORRECT', message: 'Password incorrect' });
	});

	test('the image variant has no text layer: PDF_IS_IMAGE', async () => {
		const pdf = await generateStatementPdf({ ...spec, password: undefined, variant: 'image' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(await failureOf(readStatementPdf(pdf))).toEqual({ failure: 'PDF_IS_IMAGE', message: 'PDF is not parsable' });
	});

	test('the corrupt variant and non-PDF bytes are STATEMENT_UNSUPPORTED_FORMAT', async () => {
		const corrupt = await generateStatementPdf({ ...spec, password: undefined, variant: 'corrupt' });
		const whole = await generateStatementPdf({ ...spec, password: undefined });
		expect(corrupt.length).toBeLessThan(whole.length);
		expect(await failureOf(readStatementPdf(corrupt))).toEqual({ failure: 'STATEMENT_UNSUPPORTED_FORMAT', message: 'PDF is not parsable' });
		expect((await failureOf(readStatementPdf(Buffer.from('hello, not a pdf')))).failure).toBe('STATEMENT_UNSUPPORTED_FORMAT');
	});

	test('a statement of an unknown bank is BANK_NAME_UNDETECTED', async () => {
		const doc = new PDFDocument({ size: 'A4' });
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		const ended = new Promise((resolve) => doc.on('end', resolve));
		doc.fontSize(16).text('Sahakari Co-operative Credit Society', 30, 30);
		doc.fontSize(8).text('Date   Narration   Debit   Credit   Balance', 30, 100);
		doc.end();
		await ended;
		expect(await failureOf(readStatementPdf(Buffer.concat(chunks)))).toEqual({
			failure: 'BANK_NAME_UNDETECTED',
			message: 'Unable to detect bank. Please provide BANK NAME.',
		});
	});
});

describe('determinism, metadata and size', () => {
	test('the same spec gives the same bytes, encrypted or not; another seed does not', async () => {
		const spec: StatementSpec = { bank: 'rbl', months: 2, seed: 'same', endDate: '2024-01-31' };
		expect((await generateStatementPdf(spec)).equals(await generateStatementPdf(spec))).toBe(true);
		const encrypted = { ...spec, password: 'p' };
		expect((await generateStatementPdf(encrypted)).equals(await generateStatementPdf(encrypted))).toBe(true);
		expect((await generateStatementPdf({ ...spec, seed: 'other' })).equals(await generateStatementPdf(spec))).toBe(false);
	});

	test('odd metadata names an editing tool', async () => {
		const parsed = await readStatementPdf(await generateStatementPdf({ bank: 'rbl', months: 1, seed: 'odd', endDate: '2024-01-31', oddMetadata: true }));
		expect(parsed.metadata).toEqual({ author: 'Admin', creator: 'Microsoft Word - statement.docx', producer: 'iLovePDF' });
	});

	test('a statement padded past 10 MB still reads quickly', async () => {
		const spec: StatementSpec = { bank: 'uco', months: 3, seed: 'big', endDate: '2024-01-31', minSizeKb: 10 * 1024 };
		const pdf = await generateStatementPdf(spec);
		expect(pdf.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
		await readStatementPdf(await generateStatementPdf({ ...spec, minSizeKb: undefined })); // warm the reader
		const started = Date.now();
		const parsed = await readStatementPdf(pdf);
		expect(Date.now() - started).toBeLessThan(1500);
		expect(parsed.lines).toEqual(composeStatement(spec).lines);
	});
});
