import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pollDelayMs } from '../../helpers/waitForCompletion';
import type { WaitLimits } from '../../helpers/waitForCompletion';
import { asNodeError, withWrittenIds } from '../../transport';
import { analysisOperationName } from '../analysis/Analysis.resource';
import { defaultReportOf, excelReportItems } from '../analysis/excelReport.operation';
import { ANALYSES_AFTER_WAIT } from '../analysis/analysesAfterWait';
import type { AnalysisAfterWait } from '../analysis/analysesAfterWait';
import type { AnalysisOutput } from '../analysis/splitAnalysis';

export type ThenStep = 'none' | 'excelReport' | AnalysisAfterWait;

/** What to return once every statement of the entity is analysed. */
export interface ThenRequest {
	step: Exclude<ThenStep, 'none'>;
	wait: WaitLimits;
	output: AnalysisOutput;
	binaryPropertyName: string;
}

function storedIds(uploaded: IDataObject): Record<string, string> {
	const ids: Record<string, string> = {};
	for (const field of ['entity_id', 'statement_id']) {
		if (typeof uploaded[field] === 'string' && uploaded[field] !== '') ids[field] = uploaded[field] as string;
	}
	return ids;
}

/**
 * Waits until every statement of the new statement's entity is analysed, then returns the items
 * the Analysis operation would. The first check comes one poll interval after the upload (it cannot
 * be analysed sooner). A failure from here on names the stored statement, so it is not uploaded again.
 */
export async function analysisAfterUpload(
	context: IExecuteFunctions,
	itemIndex: number,
	uploaded: IDataObject,
	then: ThenRequest,
): Promise<INodeExecutionData[]> {
	const request = { entityId: String(uploaded.entity_id), wait: then.wait, firstReadAfterMs: pollDelayMs(0) };
	try {
		if (then.step === 'excelReport') {
			const report = defaultReportOf(context.getNode().typeVersion);
			return await excelReportItems(context, itemIndex, request, then.binaryPropertyName, report);
		}
		return await ANALYSES_AFTER_WAIT[then.step].itemsFor(context, itemIndex, request, then.output);
	} catch (error) {
		const resume = `read its analysis with Analysis → ${analysisOperationName(then.step)} (Entity ID ${request.entityId}) instead of uploading the file again`;
		throw withWrittenIds(asNodeError(context.getNode(), error, itemIndex), 'statement', storedIds(uploaded), resume);
	}
}
