/**
 * The entity reads of the vendor's current docs (monthly analysis, expense categories, detailed
 * Excel report, predictors, top credits/debits, score) and the `account_id` filter, on an entity
 * with two accounts.
 */
import ExcelJS from 'exceljs';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, waitFor, type TestSandbox } from './harness';

let t: TestSandbox;
let entityId: string;
let statements: string[];
let accounts: { hdfc: string; sbi: string };

beforeAll(async () => {
	// long enough that the first reads below see both statements still processing
	t = await startTestSandbox({ processingMs: 2000 });
	entityId = (await t.api('POST', 'entity/', { form: { link_id: 'current-reads' } })).body.entity_id;
	const hdfc = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 3, seed: 'reads-hdfc', end: '2025-12-31' });
	const sbi = await sampleStatement(t.sandbox.origin, { bank: 'sbi', months: 2, seed: 'reads-sbi', end: '2025-12-31' });
	const first = await t.api('POST', 'statement/upload/', { query: { identity: 'true' }, multipart: { file: hdfc, bank_name: 'hdfc', entity_id: entityId } });
	const second = await t.api('POST', 'statement/upload/', { query: { identity: 'true' }, multipart: { file: sbi, bank_name: 'sbi', entity_id: entityId } });
	statements = [first.body.statement_id, second.body.statement_id];
	accounts = { hdfc: first.body.identity.account_id, sbi: second.body.identity.account_id };
});
afterAll(() => t.close());

const read = (field: string, query?: Record<string, string>) => t.api('GET', `entity/${entityId}/${field}/`, { query });
const completed = () => waitFor(async () => ((await read('transactions')).body.progress.every((p: { status: string }) => p.status === 'completed') ? true : undefined));
const PROGRESS_WITH_SOURCE = () => statements.map((id) => ({ status: 'completed', message: null, statement_id: id, source: 'pdf' }));

describe('while processing', () => {
	test('xlsx_report, predictors and score are empty; raw_excel_report too', async () => {
		const [xlsx, predictors, score, raw] = await Promise.all([read('xlsx_report'), read('predictors'), read('score'), read('raw_excel_report')]);
		expect(xlsx.body).toEqual({ entity_id: entityId, progress: expect.any(Array), reports: [] });
		expect(xlsx.body.progress[0]).toEqual({ status: 'processing', message: null, statement_id: statements[0], source: 'pdf' });
		expect(predictors.body.predictors).toEqual([]);
		expect(score.body.score).toEqual([]);
		expect(raw.body.reports).toEqual([]);
	});
});

describe('once processed', () => {
	beforeAll(completed);

	test.each(['monthly_analysis_updated', 'monthly_analysis'])('%s/: the accounts and, per account, every monthly field by month', async (path) => {
		const response = await read(path);
		expect(response.status).toBe(200);
		expect(Object.keys(response.body)).toEqual(['entity_id', 'progress', 'accounts', 'monthly_analysis']);
		expect(response.body.progress).toEqual(PROGRESS_WITH_SOURCE());
		expect(response.body.accounts.map((a: { account_id: string; account_category: string }) => [a.account_id, a.account_category])).toEqual([
			[accounts.hdfc, 'individual'],
			[accounts.sbi, 'individual'],
		]);
		const perAccount = response.body.monthly_analysis.account_id as Array<Record<string, { monthly_analysis: Record<string, Record<string, number>> }>>;
		expect(perAccount.map((entry) => Object.keys(entry))).toEqual([[accounts.hdfc], [accounts.sbi]]);
		const hdfc = perAccount[0][accounts.hdfc].monthly_analysis;
		expect(Object.keys(hdfc.opening_balance)).toEqual(['Oct-2025', 'Nov-2025', 'Dec-2025']);
		expect(Object.keys(perAccount[1][accounts.sbi].monthly_analysis.closing_balance)).toEqual(['Nov-2025', 'Dec-2025']);
		const transactions = (await read('transactions', { account_id: accounts.hdfc })).body.transactions as Array<{ date: string; transaction_type: string; amount: number }>;
		const octoberDebits = transactions.filter((tx) => tx.date.startsWith('2025-10') && tx.transaction_type === 'debit');
		expect(hdfc.cnt_debit['Oct-2025']).toBe(octoberDebits.length);
		expect(hdfc.amt_debit['Oct-2025']).toBe(Math.round(octoberDebits.reduce((sum, tx) => sum + tx.amount, 0) * 100) / 100);
		expect(Object.keys(hdfc).length).toBeGreaterThanOrEqual(90);
	});

	test('get_expense_categories/: whole percentages adding up to 100, for the entity or one account', async () => {
		for (const query of [undefined, { account_id: accounts.hdfc }, { account_id: accounts.sbi }]) {
			const response = await read('get_expense_categories', query);
			expect(Object.keys(response.body)).toEqual(['entity_id', 'progress', 'categories']);
			const categories = response.body.categories as Array<{ category: string; percentage: number }>;
			expect(categories.length).toBeGreaterThan(1);
			expect(categories.reduce((sum, c) => sum + c.percentage, 0)).toBe(100);
			expect(categories.every((c) => typeof c.category === 'string' && Number.isInteger(c.percentage))).toBe(true);
		}
		expect((await read('get_expense_categories', { account_id: accounts.hdfc })).body.categories).not.toEqual((await read('get_expense_categories', { account_id: accounts.sbi })).body.categories);
	});

	test('top_credits_debits/: each month (Mmm-YY) its five largest credits and debits, note → amount', async () => {
		const response = await read('top_credits_debits');
		expect(Object.keys(response.body)).toEqual(['entity_id', 'progress', 'top_5_credit_debit']);
		const { top_5_credit: credits, top_5_debit: debits } = response.body.top_5_credit_debit as Record<string, Record<string, Record<string, number>>>;
		expect(Object.keys(credits)).toEqual(['Oct-25', 'Nov-25', 'Dec-25']);
		expect(Object.keys(debits)).toEqual(['Oct-25', 'Nov-25', 'Dec-25']);
		const all = (await read('transactions')).body.transactions as Array<{ date: string; transaction_type: string; amount: number; transaction_note: string }>;
		const largestDebit = all.filter((tx) => tx.date.startsWith('2025-11') && tx.transaction_type === 'debit').sort((a, b) => b.amount - a.amount)[0];
		expect(debits['Nov-25'][largestDebit.transaction_note]).toBe(largestDebit.amount);
		expect(Object.keys(debits['Nov-25']).length).toBeLessThanOrEqual(5);
		expect(Object.values(debits['Nov-25'])).toEqual([...Object.values(debits['Nov-25'])].sort((a, b) => b - a));
	});

	test('predictors/ and score/: one entry per account', async () => {
		const predictors = (await read('predictors')).body;
		expect(Object.keys(predictors)).toEqual(['entity_id', 'progress', 'predictors']);
		expect(predictors.predictors.map((p: { account_id: string }) => p.account_id)).toEqual([accounts.hdfc, accounts.sbi]);
		expect(predictors.predictors[0].predictors).toMatchObject({ bank_name: 'hdfc', month_0: 'Dec-25', month_2: 'Oct-25', month_3: null, start_date: '01-Oct-25', end_date: '31-Dec-25' });
		const score = (await read('score')).body;
		expect(score.score).toEqual([
			{ account_id: accounts.hdfc, score: expect.any(Number) },
			{ account_id: accounts.sbi, score: expect.any(Number) },
		]);
		expect(score.score.every((s: { score: number }) => s.score >= 300 && s.score <= 900)).toBe(true);
	});

	test('xlsx_report/ (the Detailed Excel Report): a link per account to a workbook with the monthly analysis; raw_excel_report/ stays as it was', async () => {
		const detailed = (await read('xlsx_report')).body;
		expect(detailed.reports.map((r: { account_id: string }) => r.account_id)).toEqual([accounts.hdfc, accounts.sbi]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await (await fetch(detailed.reports[0].link)).arrayBuffer()) as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions', 'Monthly Analysis']);
		expect(workbook.getWorksheet('Monthly Analysis')!.getRow(1).values).toEqual([undefined, 'Field', 'Oct-2025', 'Nov-2025', 'Dec-2025']);

		const raw = (await read('raw_excel_report')).body;
		expect(Object.keys(raw)).toEqual(['entity_id', 'progress', 'accounts', 'fraud', 'reports']);
		const rawBook = new ExcelJS.Workbook();
		await rawBook.xlsx.load(Buffer.from(await (await fetch(raw.reports[0].link)).arrayBuffer()) as unknown as ArrayBuffer);
		expect(rawBook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions']);
	});

	test.each(['transactions', 'salary', 'lender_transactions'])('%s/?account_id= keeps that account\'s transactions; the envelope stays whole', async (field) => {
		const all = (await read(field)).body;
		const hdfc = (await read(field, { account_id: accounts.hdfc })).body;
		const sbi = (await read(field, { account_id: accounts.sbi })).body;
		expect(hdfc.transactions.length).toBeGreaterThan(0);
		expect(hdfc.transactions.every((tx: { account_id: string }) => tx.account_id === accounts.hdfc)).toBe(true);
		expect(sbi.transactions.every((tx: { account_id: string }) => tx.account_id === accounts.sbi)).toBe(true);
		expect(hdfc.transactions.length + sbi.transactions.length).toBe(all.transactions.length);
		expect(hdfc.accounts).toEqual(all.accounts);
		expect((await read(field, { account_id: 'no-such-account' })).body.transactions).toEqual([]);
	});

	test('recurring_transactions/?account_id= keeps that account\'s sets', async () => {
		const all = (await read('recurring_transactions')).body.transactions;
		const sbi = (await read('recurring_transactions', { account_id: accounts.sbi })).body.transactions;
		const sets = [...sbi.credit_transactions, ...sbi.debit_transactions] as Array<{ account_id: string }>;
		expect(sets.length).toBeGreaterThan(0);
		expect(sets.every((set) => set.account_id === accounts.sbi)).toBe(true);
		expect(sets.length).toBeLessThan(all.credit_transactions.length + all.debit_transactions.length);
	});

	test('an unknown read is 404, as before', async () => {
		expect((await read('nothing_here')).status).toBe(404);
	});
});
