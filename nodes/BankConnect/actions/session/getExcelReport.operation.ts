import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionExcelReports } from '../../api';
import { downloadReportItems, reportBinaryField, reportLinkNotice } from '../../helpers/excelReports';
import { binaryPropertyOf } from '../../helpers/fields';
import { fieldsFor } from '../operation';
import { readProcessedSession, sessionReadFields } from './sessionRead';

export const description: INodeProperties[] = fieldsFor('session', 'getExcelReport', [
	...sessionReadFields,
	reportBinaryField,
	reportLinkNotice,
]);

/** GET xlsx_report/: each account's detailed Excel report, downloaded into a binary field. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const binaryPropertyName = binaryPropertyOf(this, itemIndex);
	const response = await readProcessedSession(this, itemIndex, async (sessionId) => await getSessionExcelReports(this, sessionId, itemIndex));
	return await downloadReportItems(this, itemIndex, { session_id: response.session_id }, response.reports ?? [], [], binaryPropertyName);
}
