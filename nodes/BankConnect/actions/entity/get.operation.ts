import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../api';
import { entityIdField } from '../../helpers/fields';
import { requireId } from '../../helpers/validation';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'get', [entityIdField]);

/** Reads one entity by its id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const entityId = requireId(this.getNode(), itemIndex, 'Entity ID', this.getNodeParameter('entityId', itemIndex));
	const entity = await getEntity(this, entityId, itemIndex);
	return [{ json: { ...entity } }];
}
