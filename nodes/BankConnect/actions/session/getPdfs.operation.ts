import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { includesPdfPassword, pdfDownloadFields, pdfDownloadTarget, pdfPasswordField, statementPdfItems } from '../../helpers/statementPdfs';
import { getSessionPdfs } from '../../api';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';

export const description: INodeProperties[] = fieldsFor('session', 'getPdfs', [sessionIdField, ...pdfDownloadFields, pdfPasswordField]);

/** One item per statement of the session, optionally with its PDF. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const output = { binaryPropertyName: pdfDownloadTarget(this, itemIndex), includePassword: includesPdfPassword(this, itemIndex) };
	const { statements } = await getSessionPdfs(this, sessionId, itemIndex);
	return await statementPdfItems(this, { session_id: sessionId }, statements, output, itemIndex);
}
