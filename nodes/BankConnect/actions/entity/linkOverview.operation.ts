import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getLinkOverview } from '../../api';
import { linkIdField } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'linkOverview', [
	linkIdField('The link_id whose entities to list'),
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

/** The entities, banks and months of a link ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const linkId = requireText(this.getNode(), itemIndex, 'Link ID', this.getNodeParameter('linkId', itemIndex));
	const output = this.getNodeParameter('output', itemIndex) as 'split' | 'whole';
	const overview = await getLinkOverview(this, linkId, itemIndex);
	if (output === 'whole') return [{ json: { ...overview } }];
	return overview.progress_data.map((entry) => ({ json: { link_id: overview.link_id, ...entry } }));
}
