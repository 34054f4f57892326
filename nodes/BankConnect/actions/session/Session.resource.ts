import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as create from './create.operation';
import * as deleteSession from './delete.operation';
import * as getEodBalances from './getEodBalances.operation';
import * as getExcelReport from './getExcelReport.operation';
import * as getIdentity from './getIdentity.operation';
import * as getInsights from './getInsights.operation';
import * as getMonthlyAnalysis from './getMonthlyAnalysis.operation';
import * as getPdfs from './getPdfs.operation';
import * as getPredictors from './getPredictors.operation';
import * as getProgress from './getProgress.operation';
import * as getRecurringTransactions from './getRecurringTransactions.operation';
import * as getStatus from './getStatus.operation';
import * as getTransactions from './getTransactions.operation';
import * as getUploadStatus from './getUploadStatus.operation';
import * as initiateProcessing from './initiateProcessing.operation';

export const sessionOperations: Record<string, Operation> = {
	create,
	getUploadStatus,
	initiateProcessing,
	getProgress,
	getStatus,
	getInsights,
	getPdfs,
	delete: deleteSession,
	getIdentity,
	getTransactions,
	getRecurringTransactions,
	getMonthlyAnalysis,
	getEodBalances,
	getPredictors,
	getExcelReport,
};

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a session', description: 'Create a customer journey link to upload statements or consent' },
			{ name: 'Delete', value: 'delete', action: 'Delete a session', description: 'Remove a session and its data' },
			{ name: 'Get EOD Balances', value: 'getEodBalances', action: 'Get the end of day balances of a session', description: 'The balance at the end of every day, by account and month' },
			{ name: 'Get Excel Report', value: 'getExcelReport', action: 'Get the Excel report of a session', description: 'Download each account’s detailed .xlsx report' },
			{ name: 'Get Identity', value: 'getIdentity', action: 'Get the identity of a session', description: 'Account holder name, address, account number and IFSC of every account' },
			{ name: 'Get Insights', value: 'getInsights', action: 'Get the insights of a session', description: 'Transactions, balances and more of every account, once processed' },
			{ name: 'Get Monthly Analysis', value: 'getMonthlyAnalysis', action: 'Get the monthly analysis of a session', description: 'Balances, inflows and outflows of every account by month' },
			{ name: 'Get PDFs', value: 'getPdfs', action: 'Get the statement PDFs of a session', description: 'List the uploaded statements, optionally downloading each PDF' },
			{ name: 'Get Predictors', value: 'getPredictors', action: 'Get the predictors of a session', description: 'Income, expense and balance predictors of every account' },
			{ name: 'Get Progress', value: 'getProgress', action: 'Get the processing progress of a session', description: 'Whether processing is complete, optionally waiting for it' },
			{ name: 'Get Recurring Transactions', value: 'getRecurringTransactions', action: 'Get the recurring transactions of a session', description: 'Recurring credits and debits of every account' },
			{ name: 'Get Status', value: 'getStatus', action: 'Get the status of a session', description: 'Each account completed or failed, and whether insights are available, once processed' },
			{ name: 'Get Transactions', value: 'getTransactions', action: 'Get the transactions of a session', description: 'Every transaction of every account' },
			{ name: 'Get Upload Status', value: 'getUploadStatus', action: 'Get the upload status of a session', description: 'The accounts and statements the customer has uploaded so far' },
			{ name: 'Initiate Processing', value: 'initiateProcessing', action: 'Initiate processing of a session', description: 'Start the analysis, optionally waiting for the insights' },
		],
		default: 'create',
	},
	...create.description,
	...getUploadStatus.description,
	...initiateProcessing.description,
	...getProgress.description,
	...getStatus.description,
	...getInsights.description,
	...getPdfs.description,
	...deleteSession.description,
	...getIdentity.description,
	...getTransactions.description,
	...getRecurringTransactions.description,
	...getMonthlyAnalysis.description,
	...getEodBalances.description,
	...getPredictors.description,
	...getExcelReport.description,
];
