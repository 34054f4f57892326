import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as accounts from './accounts.operation';
import * as excelReport from './excelReport.operation';
import * as identity from './identity.operation';
import * as lenderTransactions from './lenderTransactions.operation';
import * as recurringTransactions from './recurringTransactions.operation';
import * as salary from './salary.operation';
import * as transactions from './transactions.operation';

export const analysisOperations: Record<string, Operation> = {
	accounts,
	identity,
	transactions,
	salary,
	recurringTransactions,
	lenderTransactions,
	excelReport,
};

export const analysisDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analysis'] } },
		options: [
			{ name: 'Get Accounts', value: 'accounts', action: 'Get the accounts of an entity', description: 'Bank accounts found in the statements' },
			{ name: 'Get Excel Report', value: 'excelReport', action: 'Get the Excel report of an entity', description: 'Download each account’s .xlsx report' },
			{ name: 'Get Identity', value: 'identity', action: 'Get the identity of an entity', description: 'Account holder name, address and account number' },
			{ name: 'Get Lender Transactions', value: 'lenderTransactions', action: 'Get the lender transactions of an entity', description: 'Loan disbursals and EMI payments' },
			{ name: 'Get Recurring Transactions', value: 'recurringTransactions', action: 'Get the recurring transactions of an entity', description: 'Recurring credits and debits with their median amount' },
			{ name: 'Get Salary', value: 'salary', action: 'Get the salary transactions of an entity', description: 'Salary credits by month' },
			{ name: 'Get Transactions', value: 'transactions', action: 'Get the transactions of an entity', description: 'Every enriched transaction' },
		],
		default: 'transactions',
	},
	...accounts.description,
	...identity.description,
	...transactions.description,
	...salary.description,
	...recurringTransactions.description,
	...lenderTransactions.description,
	...excelReport.description,
];
