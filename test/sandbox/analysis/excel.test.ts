import ExcelJS from 'exceljs';
import { analyseAccount } from '../../../sandbox/analysis';
import { buildExcelReport, TRANSACTION_COLUMNS } from '../../../sandbox/report/excel';
import { generateStatementPdf } from '../../../sandbox/statements/generate';
import { closePdfReader, readStatementPdf } from '../../../sandbox/statements/read';

afterAll(() => closePdfReader());

test('the report is a real .xlsx with a Summary sheet and one Transactions row per transaction', async () => {
	const parsed = await readStatementPdf(await generateStatementPdf({ bank: 'icici', months: 3, seed: 'xlsx', endDate: '2024-03-31', brokenBalance: true }));
	const analysis = analyseAccount('acc-x', [{ statementId: 'st-x', parsed }]);
	const report = await buildExcelReport({
		bank: 'icici',
		accountNumber: parsed.identity.account_number,
		accountId: 'acc-x',
		holder: parsed.identity.name,
		analysis,
	});
	expect(report.subarray(0, 2).toString()).toBe('PK');

	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(report as unknown as ArrayBuffer);
	expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions']);

	const transactions = workbook.getWorksheet('Transactions')!;
	expect(transactions.rowCount).toBe(analysis.transactions.length + 1);
	expect((transactions.getRow(1).values as unknown[]).slice(1)).toEqual(TRANSACTION_COLUMNS.map((column) => column.header));
	const last = analysis.transactions[analysis.transactions.length - 1];
	expect((transactions.getRow(transactions.rowCount).values as unknown[]).slice(1)).toEqual([
		last.date, last.transaction_note, last.transaction_type, last.amount, last.balance,
		last.transaction_channel, last.description, last.merchant_category, last.hash,
	]);

	const summary = workbook.getWorksheet('Summary')!;
	const value = (label: string) => {
		let found: unknown;
		summary.eachRow((row) => {
			if (row.getCell(1).value === label) found = row.getCell(2).value;
		});
		return found;
	};
	expect(value('Bank')).toBe('ICICI Bank');
	expect(value('Account Number')).toBe(parsed.identity.account_number);
	expect(value('Account Holder')).toBe(parsed.identity.name);
	expect(value('Transactions')).toBe(analysis.transactions.length);
	expect(value('Fraud Indicators')).toBe('inconsistent_transaction');
	expect(value('Jan-2024')).toBe(analysis.monthly.opening_balance['Jan-2024']);
});
