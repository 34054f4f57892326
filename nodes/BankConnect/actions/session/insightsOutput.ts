import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionInsights, insightsAccounts } from '../../api';
import type { SessionAccountInsights, SessionInsights } from '../../api';
import { transactionRow } from '../../helpers/spreadsheetRows';

export type InsightsOutput = 'whole' | 'accounts' | 'transactions' | 'monthlyBalances';

/** The Output choice of Get Insights and of Initiate Processing's Process and Wait. */
export const insightsOutputField: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{ name: 'Whole Response', value: 'whole', description: 'One item with every account, as BankConnect returns it' },
		{ name: 'One Item per Account', value: 'accounts', description: 'Each account with session_id and account_id' },
		{
			name: 'One Item per Transaction',
			value: 'transactions',
			description: 'Ready to append as rows, e.g. to Google Sheets; carries session_id and account_id',
		},
		{
			name: 'One Item per Account and Month',
			value: 'monthlyBalances',
			description: 'The opening and closing balance of every month of every account',
		},
	],
	default: 'whole',
};

function monthlyBalanceRows(sessionId: string, accountId: string, account: SessionAccountInsights): IDataObject[] {
	const opening = account.monthly_analysis?.opening_balance ?? {};
	const closing = account.monthly_analysis?.closing_balance ?? {};
	const months = [...new Set([...Object.keys(opening), ...Object.keys(closing)])];
	return months.map((month) => ({
		session_id: sessionId,
		account_id: accountId,
		month,
		opening_balance: opening[month] ?? null,
		closing_balance: closing[month] ?? null,
	}));
}

function rowsOfAccount(output: InsightsOutput, sessionId: string, accountId: string, account: SessionAccountInsights): IDataObject[] {
	if (output === 'accounts') return [{ session_id: sessionId, account_id: accountId, ...account }];
	if (output === 'monthlyBalances') return monthlyBalanceRows(sessionId, accountId, account);
	const session = { session_id: sessionId };
	const accountOf = { account_id: accountId };
	return (account.transactions ?? []).map((transaction) => transactionRow(session, transaction, accountOf));
}

/** The insights as items: the whole response as BankConnect sent it, or split per account, transaction or month. */
export function insightsItems(insights: SessionInsights, output: InsightsOutput): INodeExecutionData[] {
	if (output === 'whole') return [{ json: { ...insights } as IDataObject }];
	const sessionId = insights.session_id;
	return insightsAccounts(insights).flatMap(([accountId, account]) =>
		rowsOfAccount(output, sessionId, accountId, account).map((json) => ({ json })),
	);
}

/** Reads the insights and shapes them as asked. */
export async function readInsightsItems(
	context: IExecuteFunctions,
	sessionId: string,
	output: InsightsOutput,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const insights = await getSessionInsights(context, sessionId, itemIndex);
	return insightsItems(insights, output);
}
