import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as accounts from './accounts.operation';
import * as identity from './identity.operation';
import * as lenderTransactions from './lenderTransactions.operation';
import * as recurringTransactions from './recurringTransactions.operation';
import * as salary from './salary.operation';
import type { SplitAnalysisOperation } from './splitAnalysis';
import * as transactions from './transactions.operation';

/** The analyses a wait can end with (Statement → Upload's Then, Wait for Analysis's Then), by the Analysis operation's value. */
export const ANALYSES_AFTER_WAIT: Record<AnalysisAfterWait, SplitAnalysisOperation> = {
	accounts,
	identity,
	lenderTransactions,
	recurringTransactions,
	salary,
	transactions,
};

export type AnalysisAfterWait = 'accounts' | 'identity' | 'lenderTransactions' | 'recurringTransactions' | 'salary' | 'transactions';

/** Their Then options, named as the Analysis operations are ("Get Salary"), in alphabetical order. */
const OPTIONS: Array<INodePropertyOptions & { value: AnalysisAfterWait }> = [
	{ name: 'Get Accounts', value: 'accounts', description: 'The bank accounts found in the entity’s statements' },
	{ name: 'Get Identity', value: 'identity', description: 'Account holder name, address and account number' },
	{ name: 'Get Lender Transactions', value: 'lenderTransactions', description: 'Loan disbursals and EMI payments' },
	{ name: 'Get Recurring Transactions', value: 'recurringTransactions', description: 'Recurring credits and debits with their median amount' },
	{ name: 'Get Salary', value: 'salary', description: 'Salary credits by month' },
	{ name: 'Get Transactions', value: 'transactions', description: 'Every transaction, enriched with its category and channel' },
];

export const ANALYSIS_AFTER_WAIT_VALUES: AnalysisAfterWait[] = OPTIONS.map((option) => option.value);

/** The Then options of these analyses, each name after `prefix` (e.g. "Wait and " gives "Wait and Get Salary"). */
export function analysisAfterWaitOptions(prefix = ''): INodePropertyOptions[] {
	return OPTIONS.map((option) => ({ ...option, name: `${prefix}${option.name}` }));
}

/** The Output choice of an analysis returned after a wait, shown when `show` holds. */
export function outputAfterWaitField(show: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Record', value: 'split', description: 'One item per transaction, account, identity or recurring set; carries entity_id, account_id and fraud flags' },
			{ name: 'Whole Response', value: 'whole', description: 'As BankConnect returns it, with progress and fraud' },
		],
		default: 'split',
		displayOptions: { show },
	};
}
