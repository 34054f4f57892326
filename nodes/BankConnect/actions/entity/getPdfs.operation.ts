import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { entityIdField, segment } from '../../helpers/fields';
import { pdfDownloadFields, pdfDownloadTarget, statementPdfItems } from '../../helpers/statementPdfs';
import { requireText } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import type { StatementPdfList } from '../../types';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'getPdfs', [entityIdField, ...pdfDownloadFields]);

/** GET /v1/entity/<entity_id>/get_pdfs/: one item per statement, optionally with its PDF. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const entityId = requireText(this.getNode(), itemIndex, 'Entity ID', this.getNodeParameter('entityId', itemIndex));
	const binaryPropertyName = pdfDownloadTarget(this, itemIndex);

	const { statements } = await apiRequest<StatementPdfList>(this, {
		method: 'GET',
		path: `/v1/entity/${segment(entityId)}/get_pdfs/`,
		resource: `entity ${entityId}`,
		itemIndex,
	});
	return await statementPdfItems(this, { entity_id: entityId }, statements, binaryPropertyName, itemIndex);
}
