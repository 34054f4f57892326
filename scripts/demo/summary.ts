/** The demo's readable summary. */
import { relative } from 'path';

import type { ExcelReportFile, MainJobResult } from './mainJob';

const rupees = (amount: number) => `₹${amount.toLocaleString('en-IN', { maximumFractionDigits: 2 })}`;

/** e.g. "hdfc_50100012345678.xlsx (hdfc, account 50100012345678): sheets Summary, Transactions" */
function describeReport(report: ExcelReportFile, outDir: string): string {
	const sheets = report.sheets ? `sheets ${report.sheets.join(', ') || 'none'}` : 'not a workbook the demo can open';
	return `${relative(outDir, report.path)} (${report.bank ?? '?'}, account ${report.accountNumber ?? '?'}): ${sheets}`;
}

export function formatSummary(result: MainJobResult, outDir: string): string {
	const lines: string[] = [];
	const { statement, protectedStatement, banksDown } = result;
	if (statement) {
		const months = statement.months;
		lines.push(
			'Statement',
			`  entity             ${statement.entityId}`,
			`  bank               ${statement.bank ?? '?'} (account ${statement.accountNumber ?? '?'})`,
			`  months             ${months.length} (${months[0] ?? '?'} … ${months[months.length - 1] ?? '?'})`,
			`  transactions       ${statement.transactionCount}`,
			`  salary found       ${statement.salaryCredits > 0 ? `yes, ${statement.salaryCredits} credits, ${rupees(statement.salaryTotal)} in all` : 'no'}`,
			`  recurring sets     ${statement.recurringSets.credit} credit, ${statement.recurringSets.debit} debit`,
			`  lender payments    ${statement.lenderPayments}`,
			`  fraud flags        ${statement.fraudFlags.length > 0 ? statement.fraudFlags.join(', ') : 'none'}`,
		);
		const [first, ...more] = statement.excelReports;
		lines.push(`  Excel report       ${first ? describeReport(first, outDir) : 'none'}`);
		for (const report of more) lines.push(`                     ${describeReport(report, outDir)}`);
	}
	if (protectedStatement) {
		lines.push(
			'Password-protected statement',
			`  entity             ${protectedStatement.entityId}`,
			`  holder             ${protectedStatement.holder ?? '?'}`,
			`  transactions       ${protectedStatement.transactionCount}`,
		);
	}
	if (banksDown) {
		lines.push(
			`Banks down          ${banksDown.length === 0 ? 'none' : banksDown.map((entry) => `${entry.name}${entry.issue ? ` (${entry.issue})` : ''}`).join('; ')}`,
		);
	}
	lines.push('Steps');
	for (const step of result.steps) {
		lines.push(`  ${step.status === 'ok' ? 'ok     ' : step.status === 'skipped' ? 'skipped' : 'FAILED '} ${step.name}${step.detail ? `: ${step.detail}` : ''}`);
	}
	lines.push(`Outputs in ${outDir}`);
	return lines.join('\n');
}
