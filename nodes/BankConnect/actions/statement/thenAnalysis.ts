import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as accounts from '../analysis/accounts.operation';
import { excelReportItems } from '../analysis/excelReport.operation';
import * as identity from '../analysis/identity.operation';
import * as lenderTransactions from '../analysis/lenderTransactions.operation';
import * as recurringTransactions from '../analysis/recurringTransactions.operation';
import * as salary from '../analysis/salary.operation';
import type { AnalysisOutput, SplitAnalysisOperation } from '../analysis/splitAnalysis';
import * as transactions from '../analysis/transactions.operation';

/** Analyses the Upload can wait for and return, named as the Analysis operations are. */
export const SPLIT_ANALYSES: Record<string, Pick<SplitAnalysisOperation, 'itemsFor'>> = {
	transactions,
	salary,
	recurringTransactions,
	lenderTransactions,
	identity,
	accounts,
};

export type ThenStep = 'none' | 'excelReport' | keyof typeof SPLIT_ANALYSES;

export interface AnalysisAfterUpload {
	step: Exclude<ThenStep, 'none'>;
	entityId: string;
	maxWaitSeconds: number;
	output: AnalysisOutput;
	binaryPropertyName: string;
}

/** Waits until every statement of the entity is analysed, then returns the items the Analysis operation would. */
export async function analysisAfterUpload(
	context: IExecuteFunctions,
	itemIndex: number,
	then: AnalysisAfterUpload,
): Promise<INodeExecutionData[]> {
	const request = { entityId: then.entityId, maxWaitSeconds: then.maxWaitSeconds };
	if (then.step === 'excelReport') return await excelReportItems(context, itemIndex, request, then.binaryPropertyName);
	return await SPLIT_ANALYSES[then.step].itemsFor(context, itemIndex, request, then.output);
}
