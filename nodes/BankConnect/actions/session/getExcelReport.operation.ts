import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionExcelReports } from '../../api';
import { downloadReportItems } from '../../helpers/excelReports';
import { binaryPropertyField } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { fieldsFor } from '../operation';
import { readProcessedSession, sessionReadFields } from './sessionRead';

export const description: INodeProperties[] = fieldsFor('session', 'getExcelReport', [
	...sessionReadFields,
	binaryPropertyField('The binary field each account’s .xlsx report is written to'),
	{
		displayName:
			'Report links expire one hour after they are issued, so the node downloads each report right away. To keep it, store the file (e.g. Google Drive, an email attachment), not a link.',
		name: 'reportLinkNotice',
		type: 'notice',
		default: '',
	},
]);

/** GET xlsx_report/: each account's detailed Excel report, downloaded into a binary field. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const binaryPropertyName = requireText(this.getNode(), itemIndex, 'Put Output File in Field', this.getNodeParameter('binaryPropertyName', itemIndex));
	const response = await readProcessedSession(this, itemIndex, async (sessionId) => await getSessionExcelReports(this, sessionId, itemIndex));
	return await downloadReportItems(this, itemIndex, { session_id: response.session_id }, response.reports ?? [], [], binaryPropertyName);
}
