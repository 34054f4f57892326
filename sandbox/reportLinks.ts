import type { SandboxContext } from './context';
import type { AccountRecord } from './store/types';

/** One account's Excel report link, as `raw_excel_report/` and `xlsx_report/` list them. */
export interface ReportLink {
	link: string;
	account_id: string;
}

/** A fresh one-hour report link per account; `detailed` is today's "Detailed Excel Report" (it adds the monthly analysis). */
export function reportLinks(context: SandboxContext, origin: string, accounts: AccountRecord[], detailed: boolean): ReportLink[] {
	return accounts.map((account) => ({ link: reportLink(context, origin, account, detailed), account_id: account.id }));
}

/** The session's one workbook over every account (`aggregate_xlsx_report_url`). */
export function aggregateReportLink(context: SandboxContext, origin: string, sessionId: string): string {
	return context.links.issue(origin, { kind: 'sessionXlsx', sessionId }, `entity_report_${sessionId}.xlsx`);
}

export function reportLink(context: SandboxContext, origin: string, account: AccountRecord, detailed: boolean): string {
	const name = `${detailed ? 'account_report' : 'report'}_${account.id}.xlsx`;
	return context.links.issue(origin, { kind: 'xlsx', accountId: account.id, detailed }, name);
}
