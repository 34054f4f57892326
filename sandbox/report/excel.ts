import ExcelJS from 'exceljs';
import type { AccountAnalysis } from '../analysis/types';
import { findBank } from '../banks';

/** What the report is about: one account and its analysis. */
export interface ExcelReportInput {
	bank: string;
	accountNumber: string | null;
	accountId: string;
	holder: string | null;
	analysis: AccountAnalysis;
	/** today's "Detailed Excel Report": a Monthly Analysis sheet after the two of the raw report */
	detailed?: boolean;
}

/** Column order of the Transactions sheet (one row per transaction after the header). */
export const TRANSACTION_COLUMNS = [
	{ header: 'Date', key: 'date', width: 20 },
	{ header: 'Transaction Note', key: 'transaction_note', width: 48 },
	{ header: 'Type', key: 'transaction_type', width: 8 },
	{ header: 'Amount', key: 'amount', width: 14 },
	{ header: 'Balance', key: 'balance', width: 14 },
	{ header: 'Channel', key: 'transaction_channel', width: 22 },
	{ header: 'Description', key: 'description', width: 20 },
	{ header: 'Merchant Category', key: 'merchant_category', width: 18 },
	{ header: 'Hash', key: 'hash', width: 34 },
] as const;

/** The Excel report of one account: a "Summary" and a "Transactions" sheet, and for the detailed report a "Monthly Analysis" sheet. */
export async function buildExcelReport(input: ExcelReportInput): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'BankConnect sandbox';
	// Fixed so the same analysis always yields a report with the same content.
	workbook.created = new Date(Date.UTC(2020, 0, 1));
	workbook.modified = workbook.created;
	addSummary(workbook, input);
	addTransactions(workbook, input.analysis);
	if (input.detailed) addMonthlyAnalysis(workbook, input.analysis);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSummary(workbook: ExcelJS.Workbook, input: ExcelReportInput): void {
	const sheet = workbook.addWorksheet('Summary');
	sheet.columns = [{ width: 28 }, { width: 22 }, { width: 18 }, { width: 18 }];
	const { analysis } = input;
	const rows: Array<[string, string | number]> = [
		['Bank', findBank(input.bank)?.fullName ?? input.bank],
		['Account Holder', input.holder ?? ''],
		['Account Number', input.accountNumber ?? ''],
		['Account ID', input.accountId],
		['Period', analysis.months.length ? `${analysis.months[0]} to ${analysis.months[analysis.months.length - 1]}` : ''],
		['Transactions', analysis.transactions.length],
		['Salary Credits', analysis.salary.length],
		['Lender Transactions', analysis.lender.length],
		['Recurring Credit Sets', analysis.recurring.credit_transactions.length],
		['Recurring Debit Sets', analysis.recurring.debit_transactions.length],
		['Fraud Indicators', analysis.fraud.fraud_type.map((f) => f.fraud_type).join(', ') || 'none'],
	];
	for (const row of rows) sheet.addRow(row).getCell(1).font = { bold: true };
	sheet.addRow([]);
	const header = sheet.addRow(['Month', 'Opening Balance', 'Closing Balance']);
	header.font = { bold: true };
	for (const month of Object.keys(analysis.monthly.opening_balance)) {
		sheet.addRow([month, analysis.monthly.opening_balance[month], analysis.monthly.closing_balance[month]]);
	}
}

/** One row per monthly field, one column per month. */
function addMonthlyAnalysis(workbook: ExcelJS.Workbook, analysis: AccountAnalysis): void {
	const sheet = workbook.addWorksheet('Monthly Analysis');
	const months = Object.keys(analysis.monthly.opening_balance);
	sheet.columns = [{ width: 44 }, ...months.map(() => ({ width: 14 }))];
	sheet.addRow(['Field', ...months]).font = { bold: true };
	for (const [field, values] of Object.entries(analysis.monthly)) sheet.addRow([field, ...months.map((month) => values[month] ?? null)]);
}

/** The session's workbook over all its accounts: one Accounts row each, every transaction, the monthly figures added up. */
export async function buildAggregateReport(inputs: ExcelReportInput[], monthly: Record<string, Record<string, number>>): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'BankConnect sandbox';
	workbook.created = new Date(Date.UTC(2020, 0, 1));
	workbook.modified = workbook.created;
	const accounts = workbook.addWorksheet('Accounts');
	accounts.columns = [
		{ header: 'Account ID', key: 'id', width: 38 },
		{ header: 'Bank', key: 'bank', width: 28 },
		{ header: 'Account Number', key: 'number', width: 20 },
		{ header: 'Account Holder', key: 'holder', width: 24 },
		{ header: 'Transactions', key: 'count', width: 14 },
	];
	accounts.getRow(1).font = { bold: true };
	for (const input of inputs) {
		accounts.addRow({ id: input.accountId, bank: findBank(input.bank)?.fullName ?? input.bank, number: input.accountNumber ?? '', holder: input.holder ?? '', count: input.analysis.transactions.length });
	}
	const transactions = workbook.addWorksheet('Transactions');
	transactions.columns = [{ header: 'Account ID', key: 'account_id', width: 38 }, ...TRANSACTION_COLUMNS.map((column) => ({ ...column }))];
	transactions.getRow(1).font = { bold: true };
	for (const input of inputs) for (const transaction of input.analysis.transactions) transactions.addRow(transaction);
	const sheet = workbook.addWorksheet('Monthly Analysis');
	const months = Object.keys(monthly.opening_balance ?? {});
	sheet.addRow(['Field', ...months]).font = { bold: true };
	for (const [field, values] of Object.entries(monthly)) sheet.addRow([field, ...months.map((month) => values[month] ?? null)]);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTransactions(workbook: ExcelJS.Workbook, analysis: AccountAnalysis): void {
	const sheet = workbook.addWorksheet('Transactions');
	sheet.columns = TRANSACTION_COLUMNS.map((column) => ({ ...column }));
	sheet.getRow(1).font = { bold: true };
	for (const transaction of analysis.transactions) sheet.addRow(transaction);
	sheet.getColumn('amount').numFmt = '#,##0.00';
	sheet.getColumn('balance').numFmt = '#,##0.00';
}
