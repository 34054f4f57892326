/**
 * A processed session's reads as the vendor's current docs give them: `insights/` in today's shape
 * (accounts as a list of `{account_id, data}`), `subscribed_data/` in the pre-2024 one, the per-type
 * reads, the detailed Excel reports and `session_status/`'s `insights_available`.
 */
import ExcelJS from 'exceljs';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, waitFor, type TestSandbox } from './harness';

let t: TestSandbox;

beforeAll(async () => {
	t = await startTestSandbox({ processingMs: 100 });
});
afterAll(() => t.close());

interface Processed {
	sessionId: string;
	accounts: { hdfc: string; sbi: string };
}

async function createSession(linkId: string): Promise<string> {
	const response = await t.api('POST', 'session/', { form: { link_id: linkId, api_key: t.sandbox.options.apiKey, from_date: '01/10/2025', to_date: '31/12/2025' } });
	return response.body.session_id;
}

async function upload(sessionId: string, bank: string, months: number, seed: string): Promise<{ account_id: string; statement_id: string }> {
	const pdf = await sampleStatement(t.sandbox.origin, { bank, months, seed, end: '2025-12-31' });
	const response = await t.api('POST', 'statement/upload_session/', { multipart: { file: pdf, session_id: sessionId, upload_type: 'PDF', bank_name: bank } });
	expect(response.status).toBe(200);
	return response.body;
}

async function processed(sessionId: string): Promise<void> {
	expect((await t.api('POST', `session_data/${sessionId}/initiate_processing/`)).status).toBe(202);
	await waitFor(async () => ((await t.api('GET', `session_data/${sessionId}/progress/`)).body.session_progress === 'completed' ? true : undefined));
}

async function twoAccountSession(): Promise<Processed> {
	const sessionId = await createSession('reads-link');
	const hdfc = await upload(sessionId, 'hdfc', 3, 'session-reads-hdfc');
	const sbi = await upload(sessionId, 'sbi', 2, 'session-reads-sbi');
	await processed(sessionId);
	return { sessionId, accounts: { hdfc: hdfc.account_id, sbi: sbi.account_id } };
}

const read = (sessionId: string, path: string) => t.api('GET', `session_data/${sessionId}/${path}/`);

async function workbook(url: string): Promise<ExcelJS.Workbook> {
	const book = new ExcelJS.Workbook();
	const response = await fetch(url);
	expect(response.status).toBe(200);
	await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
	return book;
}

describe('a processed two-account session', () => {
	let session: Processed;
	beforeAll(async () => {
		session = await twoAccountSession();
	});

	test('insights/: today\'s shape, accounts as a list of {account_id, data}', async () => {
		const response = await read(session.sessionId, 'insights');
		expect(response.status).toBe(200);
		const body = response.body;
		expect(Object.keys(body)).toEqual(['session_id', 'link_id', 'session_date_range', 'accounts', 'aggregate_monthly_analysis', 'aggregate_xlsx_report_url']);
		expect(body).toMatchObject({ session_id: session.sessionId, link_id: 'reads-link', session_date_range: { from_date: '2025-10-01', to_date: '2025-12-31' } });
		expect(body.accounts.map((a: { account_id: string }) => a.account_id)).toEqual([session.accounts.hdfc, session.accounts.sbi]);
		expect(body.accounts.every((a: object) => Object.keys(a).join() === 'account_id,data')).toBe(true);

		const { data } = body.accounts[0];
		expect(Object.keys(data)).toEqual([
			'account_details', 'fraud', 'fraud_details', 'transactions', 'salary_transactions', 'recurring_transactions', 'lender_transactions',
			'top_credits_debits', 'statement_stats', 'expense_categories', 'self_and_sister_transactions', 'bounced_or_penal_transactions',
			'monthly_analysis', 'predictors', 'eod_balances', 'score', 'xlsx_report_url',
		]);
		expect(data.account_details).toMatchObject({ bank: 'hdfc', months: ['2025-10', '2025-11', '2025-12'], missing_data: [], country_code: 'IN', currency_code: 'INR', metadata_analysis: { name_matches: [] } });
		expect(data.fraud).toEqual([]);
		expect(data.fraud_details).toEqual({ statement: [], account: [] });

		// transactions as the docs print them: channel and description under metadata, and a category
		const entity = (await read(session.sessionId, 'transactions')).body.transactions.filter((tx: { account_id: string }) => tx.account_id === session.accounts.hdfc);
		expect(data.transactions).toHaveLength(entity.length);
		expect(Object.keys(data.transactions[0])).toEqual(['transaction_type', 'transaction_note', 'chq_num', 'amount', 'balance', 'date', 'hash', 'category', 'metadata']);
		expect(data.transactions.map((tx: { hash: string }) => tx.hash)).toEqual(entity.map((tx: { hash: string }) => tx.hash));
		expect(data.transactions[0].metadata).toEqual({ unclean_merchant: expect.any(String), transaction_channel: entity[0].transaction_channel, description: entity[0].description });
		expect(data.salary_transactions).toHaveLength(3);
		expect(data.salary_transactions[0]).toMatchObject({ category: 'Salary', salary_month: 'Oct-2025', employer_name: expect.any(String) });
		expect(data.recurring_transactions).toEqual({ debit_transactions: expect.any(Array), credit_transactions: expect.any(Array) });
		expect(data.recurring_transactions.credit_transactions[0]).toMatchObject({ account_id: session.accounts.hdfc, clean_transaction_note: expect.any(String), median: expect.any(Number) });
		expect(data.lender_transactions.length).toBeGreaterThan(0);
		expect(data.top_credits_debits.map((entry: { type: string }) => entry.type)).toEqual(['top_5_debit', 'top_5_credit']);
		expect(data.top_credits_debits[0].data.map((month: { month: string }) => month.month)).toEqual(['Oct-25', 'Nov-25', 'Dec-25']);
		expect(data.top_credits_debits[0].data[0].data[0].date).toMatch(/^\d{2}-Oct-25$/);
		expect(data.statement_stats).toEqual([expect.objectContaining({ session_id: session.sessionId, account_id: session.accounts.hdfc, bank: 'hdfc', source: 'PDF', transaction_count: entity.length })]);
		expect(data.expense_categories.reduce((sum: number, c: { percentage: number }) => sum + c.percentage, 0)).toBe(100);
		expect(Object.keys(data.monthly_analysis.opening_balance)).toEqual(['Oct-2025', 'Nov-2025', 'Dec-2025']);
		expect(data.predictors).toMatchObject({ bank_name: 'hdfc', month_0: 'Dec-25' });
		expect(data.eod_balances.Months_order).toEqual(['Oct-25', 'Nov-25', 'Dec-25']);
		expect(data.eod_balances.start_date).toEqual(['01-Oct-25', '01-Nov-25', '01-Dec-25']);
		expect(data.eod_balances['Nov-25']).toHaveLength(30);
		expect(data.eod_balances.starting_balance).toBe(data.monthly_analysis.opening_balance['Oct-2025']);
		expect(data.score).toBeGreaterThanOrEqual(300);

		// the aggregate adds the accounts up month by month
		const sbi = body.accounts[1].data.monthly_analysis;
		expect(body.aggregate_monthly_analysis.amt_debit['Dec-2025']).toBe(Math.round((data.monthly_analysis.amt_debit['Dec-2025'] + sbi.amt_debit['Dec-2025']) * 100) / 100);
		expect(body.aggregate_monthly_analysis.amt_debit['Oct-2025']).toBe(data.monthly_analysis.amt_debit['Oct-2025']);
	});

	test('insights/\' report links: one detailed workbook per account, and one over the whole session', async () => {
		const body = (await read(session.sessionId, 'insights')).body;
		const account = await workbook(body.accounts[0].data.xlsx_report_url);
		expect(account.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions', 'Monthly Analysis']);
		const aggregate = await workbook(body.aggregate_xlsx_report_url);
		expect(aggregate.worksheets.map((sheet) => sheet.name)).toEqual(['Accounts', 'Transactions', 'Monthly Analysis']);
		expect(aggregate.getWorksheet('Accounts')!.rowCount).toBe(3);
		const transactions = body.accounts.reduce((sum: number, a: { data: { transactions: unknown[] } }) => sum + a.data.transactions.length, 0);
		expect(aggregate.getWorksheet('Transactions')!.rowCount).toBe(transactions + 1);
	});

	test('subscribed_data/: the pre-2024 shape, accounts keyed by account_id, with the same transactions', async () => {
		const legacy = (await read(session.sessionId, 'subscribed_data')).body;
		const current = (await read(session.sessionId, 'insights')).body;
		expect(Object.keys(legacy)).toEqual(['session_id', 'accounts']);
		expect(Object.keys(legacy.accounts)).toEqual([session.accounts.hdfc, session.accounts.sbi]);
		for (const [index, accountId] of [session.accounts.hdfc, session.accounts.sbi].entries()) {
			const old = legacy.accounts[accountId];
			expect(old.account_details[0]).toMatchObject({ account_id: accountId });
			expect(old.transactions.map((tx: { hash: string }) => tx.hash)).toEqual(current.accounts[index].data.transactions.map((tx: { hash: string }) => tx.hash));
			expect(old.monthly_analysis).toEqual({ opening_balance: current.accounts[index].data.monthly_analysis.opening_balance, closing_balance: current.accounts[index].data.monthly_analysis.closing_balance });
		}
	});

	test('identity/: the accounts and each account\'s identity', async () => {
		const body = (await read(session.sessionId, 'identity')).body;
		expect(Object.keys(body)).toEqual(['session_id', 'accounts', 'identity']);
		expect(body.accounts.map((a: { account_id: string; account_status: string }) => [a.account_id, a.account_status])).toEqual([
			[session.accounts.hdfc, 'completed'],
			[session.accounts.sbi, 'completed'],
		]);
		expect(body.identity).toEqual([
			expect.objectContaining({ account_id: session.accounts.hdfc, bank_name: 'hdfc', name: expect.any(String), account_number: expect.any(String), ifsc: expect.stringMatching(/^HDFC0/) }),
			expect.objectContaining({ account_id: session.accounts.sbi, bank_name: 'sbi', ifsc: expect.stringMatching(/^SBIN0/) }),
		]);
	});

	test('transactions/, recurring_transactions/, predictors/, eod_balances/, monthly_analysis_updated/: one part per account', async () => {
		const { sessionId, accounts } = session;
		const transactions = (await read(sessionId, 'transactions')).body;
		expect(Object.keys(transactions)).toEqual(['session_id', 'accounts', 'transactions']);
		expect(new Set(transactions.transactions.map((tx: { account_id: string }) => tx.account_id))).toEqual(new Set([accounts.hdfc, accounts.sbi]));
		const recurring = (await read(sessionId, 'recurring_transactions')).body;
		expect(recurring.recurring_transactions).toEqual({ credit_transactions: expect.any(Array), debit_transactions: expect.any(Array) });
		const predictors = (await read(sessionId, 'predictors')).body;
		expect(predictors.predictors.map((p: { account_id: string; predictors: { bank_name: string } }) => [p.account_id, p.predictors.bank_name])).toEqual([
			[accounts.hdfc, 'hdfc'],
			[accounts.sbi, 'sbi'],
		]);
		const eod = (await read(sessionId, 'eod_balances')).body;
		expect(eod.eod_balances.map((e: { account_id: string; eod_balances: { Months_order: string[] } }) => [e.account_id, e.eod_balances.Months_order])).toEqual([
			[accounts.hdfc, ['Oct-25', 'Nov-25', 'Dec-25']],
			[accounts.sbi, ['Nov-25', 'Dec-25']],
		]);
		const monthly = (await read(sessionId, 'monthly_analysis_updated')).body;
		expect(monthly.monthly_analysis.account_id.map((entry: object) => Object.keys(entry)[0])).toEqual([accounts.hdfc, accounts.sbi]);
		expect(Object.keys(monthly.aggregate_monthly_analysis.opening_balance)).toEqual(['Oct-2025', 'Nov-2025', 'Dec-2025']);
	});

	test('xlsx_report/: a detailed report link per account', async () => {
		const body = (await read(session.sessionId, 'xlsx_report')).body;
		expect(body).toEqual({
			session_id: session.sessionId,
			reports: [
				{ link: expect.stringMatching(/^http:\/\//), account_id: session.accounts.hdfc },
				{ link: expect.stringMatching(/^http:\/\//), account_id: session.accounts.sbi },
			],
		});
		expect((await workbook(body.reports[1].link)).worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions', 'Monthly Analysis']);
	});

	test('session_status/ says insights are available', async () => {
		const body = (await read(session.sessionId, 'session_status')).body;
		expect(body.insights_available).toBe(true);
		expect(body.accounts[0]).toMatchObject({ account_id: session.accounts.hdfc, name: expect.any(String), full_bank_name: 'HDFC Bank', attempt_types: ['PDF'] });
	});
});

describe('before and after processing', () => {
	const READS = ['insights', 'subscribed_data', 'identity', 'transactions', 'recurring_transactions', 'predictors', 'eod_balances', 'monthly_analysis_updated', 'xlsx_report'];

	test.each(READS)('%s/ answers PROCESSING_NOT_REQUESTED before initiate_processing, SESSION_NOT_FOUND for an unknown session', async (path) => {
		const sessionId = await createSession('early');
		const early = await read(sessionId, path);
		expect(early.status).toBe(400);
		expect(early.body).toEqual({ error: { code: 'PROCESSING_NOT_REQUESTED', message: expect.any(String) } });
		expect((await read('no-such-session', path)).body.error.code).toBe('SESSION_NOT_FOUND');
		expect((await read(sessionId, path)).status).toBe(400);
		expect((await t.api('GET', `session_data/${sessionId}/${path}/`, { noHash: true })).status).toBe(401);
	});

	test('a session whose only statement failed: insights_available is false', async () => {
		const sessionId = await createSession('failing');
		await upload(sessionId, 'axis', 1, 'session-fails');
		await t.admin('POST', 'processing-failures', { count: 1 });
		await processed(sessionId);
		const status = (await read(sessionId, 'session_status')).body;
		expect(status.insights_available).toBe(false);
		expect(status.accounts[0].account_status).toBe('failed');
	});
});
