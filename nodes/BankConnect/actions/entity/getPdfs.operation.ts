import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getEntityPdfs } from '../../api';
import { entityIdField } from '../../helpers/fields';
import { includesPdfPassword, pdfDownloadFields, pdfDownloadTarget, pdfPasswordField, statementPdfItems } from '../../helpers/statementPdfs';
import { requireId } from '../../helpers/validation';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'getPdfs', [entityIdField, ...pdfDownloadFields, pdfPasswordField]);

/** The entity's statements: one item per statement, optionally with its PDF. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const entityId = requireId(this.getNode(), itemIndex, 'Entity ID', this.getNodeParameter('entityId', itemIndex));
	const output = { binaryPropertyName: pdfDownloadTarget(this, itemIndex), includePassword: includesPdfPassword(this, itemIndex) };

	const { statements } = await getEntityPdfs(this, entityId, itemIndex);
	return await statementPdfItems(this, { entity_id: entityId }, statements, output, itemIndex);
}
