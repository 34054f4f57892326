import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pdfDownloadFields, pdfDownloadTarget, statementPdfItems } from '../../helpers/statementPdfs';
import type { StatementPdfList } from '../../types';
import { fieldsFor } from '../operation';
import { sessionApi, sessionIdField, sessionIdOf } from './sessionApi';

export const description: INodeProperties[] = fieldsFor('session', 'getPdfs', [sessionIdField, ...pdfDownloadFields]);

/** GET get_pdfs/: one item per statement of the session, optionally with its PDF. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const binaryPropertyName = pdfDownloadTarget(this, itemIndex);
	const { statements } = await sessionApi<StatementPdfList>(this, sessionId, 'get_pdfs', itemIndex);
	return await statementPdfItems(this, { session_id: sessionId }, statements, binaryPropertyName, itemIndex);
}
