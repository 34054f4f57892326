import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pdfDownloadFields, pdfDownloadTarget, statementPdfItems } from '../../helpers/statementPdfs';
import { getSessionPdfs } from '../../api';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';

export const description: INodeProperties[] = fieldsFor('session', 'getPdfs', [sessionIdField, ...pdfDownloadFields]);

/** One item per statement of the session, optionally with its PDF. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const binaryPropertyName = pdfDownloadTarget(this, itemIndex);
	const { statements } = await getSessionPdfs(this, sessionId, itemIndex);
	return await statementPdfItems(this, { session_id: sessionId }, statements, binaryPropertyName, itemIndex);
}
