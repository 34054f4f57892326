import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { entityIdField, segment } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import type { Entity } from '../../types';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'get', [entityIdField]);

/** GET /v1/entity/<entity_id>/ */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const entityId = requireText(this.getNode(), itemIndex, 'Entity ID', this.getNodeParameter('entityId', itemIndex));
	const entity = await apiRequest<Entity>(this, {
		method: 'GET',
		path: `/v1/entity/${segment(entityId)}/`,
		resource: `entity ${entityId}`,
		itemIndex,
	});
	return [{ json: { ...entity } }];
}
