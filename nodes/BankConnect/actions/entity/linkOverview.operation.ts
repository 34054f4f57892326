import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import type { LinkOverview } from '../../types';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'linkOverview', [
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. loan-application-1042',
		description: 'The link_id whose entities to list',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Entity', value: 'split', description: 'Entity ID, bank and processed months' },
			{ name: 'Whole Response', value: 'whole' },
		],
		default: 'split',
		description: 'Whether to return one item per entity of the link ID, or the response as BankConnect sends it',
	},
]);

/** GET /v1/entity/link_overview/?link_id= */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const linkId = requireText(this.getNode(), itemIndex, 'Link ID', this.getNodeParameter('linkId', itemIndex));
	const output = this.getNodeParameter('output', itemIndex) as 'split' | 'whole';
	const overview = await apiRequest<LinkOverview>(this, {
		method: 'GET',
		path: '/v1/entity/link_overview/',
		query: { link_id: linkId },
		itemIndex,
	});
	if (output === 'whole') return [{ json: { ...overview } }];
	return overview.progress_data.map((entry) => ({ json: { link_id: overview.link_id, ...entry } }));
}
