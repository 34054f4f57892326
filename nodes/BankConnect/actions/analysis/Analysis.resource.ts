import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as accounts from './accounts.operation';
import * as excelReport from './excelReport.operation';
import * as expenseCategories from './expenseCategories.operation';
import * as identity from './identity.operation';
import * as lenderTransactions from './lenderTransactions.operation';
import * as monthlyAnalysis from './monthlyAnalysis.operation';
import * as predictors from './predictors.operation';
import * as recurringTransactions from './recurringTransactions.operation';
import * as salary from './salary.operation';
import * as score from './score.operation';
import * as topCreditsDebits from './topCreditsDebits.operation';
import * as transactions from './transactions.operation';
import * as waitForAnalysis from './waitForAnalysis.operation';

export const analysisOperations: Record<string, Operation> = {
	accounts,
	identity,
	transactions,
	salary,
	recurringTransactions,
	lenderTransactions,
	excelReport,
	monthlyAnalysis,
	expenseCategories,
	topCreditsDebits,
	predictors,
	score,
	waitForAnalysis,
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
			{ name: 'Get Expense Categories', value: 'expenseCategories', action: 'Get the expense categories of an entity', description: 'Share of spending by category, in whole percent' },
			{ name: 'Get Identity', value: 'identity', action: 'Get the identity of an entity', description: 'Account holder name, address and account number' },
			{ name: 'Get Lender Transactions', value: 'lenderTransactions', action: 'Get the lender transactions of an entity', description: 'Loan disbursals and EMI payments' },
			{ name: 'Get Monthly Analysis', value: 'monthlyAnalysis', action: 'Get the monthly analysis of an entity', description: 'Balances, inflows, outflows and EMIs of every account by month' },
			{ name: 'Get Predictors', value: 'predictors', action: 'Get the predictors of an entity', description: 'Income, expense and balance predictors of every account (beta at FinBox)' },
			{ name: 'Get Recurring Transactions', value: 'recurringTransactions', action: 'Get the recurring transactions of an entity', description: 'Recurring credits and debits with their median amount' },
			{ name: 'Get Salary', value: 'salary', action: 'Get the salary transactions of an entity', description: 'Salary credits by month' },
			{ name: 'Get Score', value: 'score', action: 'Get the score of an entity', description: 'BankConnect score of every account, 300 to 900' },
			{ name: 'Get Top Credits and Debits', value: 'topCreditsDebits', action: 'Get the top credits and debits of an entity', description: 'The five largest credits and debits of every month' },
			{ name: 'Get Transactions', value: 'transactions', action: 'Get the transactions of an entity', description: 'Every enriched transaction' },
			{
				name: 'Wait for Analysis',
				value: 'waitForAnalysis',
				action: 'Route entities by whether their analysis is complete',
				description: 'Check each entity and send it to Completed, Still Processing or Failed; loop Still Processing back through a Wait node',
			},
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
	...monthlyAnalysis.description,
	...expenseCategories.description,
	...topCreditsDebits.description,
	...predictors.description,
	...score.description,
	...waitForAnalysis.description,
];

/** The name of an Analysis operation as the panel shows it, e.g. "Get Transactions". */
export function analysisOperationName(operation: string): string {
	const options = analysisDescription[0].options as Array<{ name: string; value: string }>;
	return options.find((option) => option.value === operation)?.name ?? operation;
}
