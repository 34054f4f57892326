import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { listEntities } from '../../api';
import { optionalText, requireLimit } from '../../helpers/validation';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'getMany', [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Link ID',
				name: 'linkId',
				type: 'string',
				default: '',
				placeholder: 'e.g. loan-application-1042',
				description: 'Only entities created with this link_id',
			},
		],
	},
]);

/** Lists entities page by page: one item per entity. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : requireLimit(node, itemIndex, this.getNodeParameter('limit', itemIndex));
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { linkId?: string };
	const linkId = optionalText(node, itemIndex, 'Link ID', filters.linkId);

	const entities = await listEntities(this, linkId, { limit, itemIndex });
	return entities.map((entity) => ({ json: { ...entity } }));
}
