import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getEntityAnalysis } from '../../api';
import { downloadReportItems, reportBinaryField, reportLinkNotice } from '../../helpers/excelReports';
import { binaryPropertyOf } from '../../helpers/fields';
import { invalidInput } from '../../transport';
import { fieldsFor } from '../operation';
import type { AnalysisReadRequest } from './readAnalysis';
import { analysisReadFields, analysisReadRequest, assertReady, readAnalysisOf } from './readAnalysis';

export { reportFileName } from '../../helpers/excelReports';

/** Which report: the current Detailed Excel Report (xlsx_report/) or the seeds' raw one (raw_excel_report/). */
export type ExcelReportKind = 'detailed' | 'raw';

const FIELD_OF_REPORT = { detailed: 'xlsx_report', raw: 'raw_excel_report' } as const;

/** The Report choice; nodes of version 1 (saved before it existed) keep the raw report they always read. */
function reportField(defaultReport: ExcelReportKind, versions: NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>['@version']): INodeProperties {
	return {
		displayName: 'Report',
		name: 'report',
		type: 'options',
		options: [
			{ name: 'Detailed Excel Report', value: 'detailed', description: 'xlsx_report/, the report of FinBox’s current docs' },
			{ name: 'Raw Excel Report', value: 'raw', description: 'raw_excel_report/, the older report (a summary sheet and a transactions sheet)' },
		],
		default: defaultReport,
		hint: 'FinBox’s current docs offer the Detailed Excel Report; the raw one is kept for workflows built on it',
		displayOptions: { show: { '@version': versions } },
	};
}

export const description: INodeProperties[] = fieldsFor('analysis', 'excelReport', [
	...analysisReadFields,
	reportField('raw', [1]),
	reportField('detailed', [{ _cnd: { gte: 1.1 } }]),
	reportBinaryField,
	reportLinkNotice,
]);

/** The entity's Excel report: one item per account with its .xlsx. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const binaryPropertyName = binaryPropertyOf(this, itemIndex);
	const report = this.getNodeParameter('report', itemIndex, 'raw') as ExcelReportKind;
	if (!Object.hasOwn(FIELD_OF_REPORT, report)) throw invalidInput(this.getNode(), itemIndex, 'Report', 'must be detailed or raw');
	return await excelReportItems(this, itemIndex, analysisReadRequest(this, itemIndex), binaryPropertyName, report);
}

/** The report a node of this version reads when it offers no Report choice (Statement → Upload's Then). */
export function defaultReportOf(typeVersion: number): ExcelReportKind {
	return typeVersion >= 1.1 ? 'detailed' : 'raw';
}

/**
 * The report of an entity given in code: one item per account, its .xlsx in `binaryPropertyName`.
 * While a statement is still processing the read fails: an account's report would miss its statements.
 */
export async function excelReportItems(
	context: IExecuteFunctions,
	itemIndex: number,
	request: AnalysisReadRequest,
	binaryPropertyName: string,
	report: ExcelReportKind,
): Promise<INodeExecutionData[]> {
	const response = await readAnalysisOf(context, FIELD_OF_REPORT[report], itemIndex, request, 'fail', 'The Excel report');
	const reports = response.reports ?? [];
	if (reports.length === 0) assertReady(context.getNode(), response, 'The Excel report', itemIndex);
	// the detailed report's answer names no accounts: their bank and number, for the items and file names, come from one read of the accounts
	const accounts = response.accounts ?? (await getEntityAnalysis(context, request.entityId, 'accounts', itemIndex)).accounts;
	return await downloadReportItems(context, itemIndex, { entity_id: request.entityId }, reports, accounts ?? [], binaryPropertyName);
}
