import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { downloadFile, notReadyError } from '../../transport';
import type { Account, ExcelReportLink } from '../../api';
import { fieldsFor } from '../operation';
import type { AnalysisReadRequest } from './readAnalysis';
import { analysisReadFields, analysisReadRequest, readAnalysisOf } from './readAnalysis';

const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const description: INodeProperties[] = fieldsFor('analysis', 'excelReport', [
	...analysisReadFields,
	binaryPropertyField('The binary field each account’s .xlsx report is written to'),
	{
		displayName:
			'Report links expire one hour after they are issued, so the node downloads each report right away. To keep it, store the file (e.g. Google Drive, an email attachment), not a link.',
		name: 'reportLinkNotice',
		type: 'notice',
		default: '',
	},
]);

/** e.g. "hdfc_50100012345678.xlsx": bank and account, safe as a file name. */
export function reportFileName(account: Account | undefined, report: ExcelReportLink): string {
	const bank = account?.bank ?? 'bank';
	const number = account?.account_number ?? report.account_id;
	return `${bank}_${number}.xlsx`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The entity's Excel report: one item per account with its .xlsx. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const binaryPropertyName = requireText(
		this.getNode(),
		itemIndex,
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex),
	);
	return await excelReportItems(this, itemIndex, analysisReadRequest(this, itemIndex), binaryPropertyName);
}

/** The report of an entity given in code: one item per account, its .xlsx in `binaryPropertyName`. */
export async function excelReportItems(
	context: IExecuteFunctions,
	itemIndex: number,
	request: AnalysisReadRequest,
	binaryPropertyName: string,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const response = await readAnalysisOf(context, 'raw_excel_report', itemIndex, request, 'return');
	const processing = response.progress.filter((entry) => entry.status !== 'completed');
	if (response.reports.length === 0 && (processing.length > 0 || response.progress.length === 0)) {
		const pending = processing.map((entry) => `${entry.statement_id} (${entry.status})`).join(', ') || 'the entity has no statements yet';
		throw notReadyError(node, `The Excel report of entity ${response.entity_id} is not ready: statements not completed: ${pending}`, itemIndex);
	}
	const accounts = new Map(response.accounts.map((account) => [account.account_id, account]));
	const items: INodeExecutionData[] = [];
	for (const report of response.reports) {
		const account = accounts.get(report.account_id);
		const fileName = reportFileName(account, report);
		const file = await downloadFile(context, report.link, `the Excel report of account ${report.account_id}`, itemIndex);
		const binary = await context.helpers.prepareBinaryData(file.data, fileName, XLSX_MIME_TYPE);
		items.push({
			json: {
				entity_id: response.entity_id,
				account_id: report.account_id,
				bank: account?.bank ?? null,
				account_number: account?.account_number ?? null,
				file_name: fileName,
			},
			binary: { [binaryPropertyName]: binary },
		});
	}
	return items;
}

/** Items asking for the same entity read it once. */
export const sharedRead = { idField: 'entityId' };
