import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { linkIdField } from './fields';
import { metaDataToString, optionalText } from './validation';

/** Your reference and notes for a new entity: Entity → Create's fields, also offered by Statement → Upload to a New Entity. */
export interface NewEntityDetails {
	link_id: string | undefined;
	meta_data: string | undefined;
}

const LINK_ID_DESCRIPTION = 'Your own reference for the customer, e.g. a loan application ID. Several entities may share one.';

/** The optional Link ID of a new entity. */
export function newEntityLinkIdField(description = LINK_ID_DESCRIPTION): INodeProperties {
	return { ...linkIdField(description), required: false };
}

/** Meta Data as free text or a JSON object. */
export const metaDataFields: INodeProperties[] = [
	{
		displayName: 'Meta Data Format',
		name: 'metaDataFormat',
		type: 'options',
		options: [
			{ name: 'Text', value: 'text' },
			{ name: 'JSON Object', value: 'json', description: 'Sent as its JSON text, as BankConnect requires' },
		],
		default: 'text',
		description: 'Whether the meta data is free text or a JSON object',
	},
	{
		displayName: 'Meta Data',
		name: 'metaData',
		type: 'string',
		default: '',
		placeholder: 'e.g. branch Pune, officer 17',
		description: 'Free text stored with the entity',
		displayOptions: { show: { metaDataFormat: ['text'] } },
	},
	{
		displayName: 'Meta Data (JSON)',
		name: 'metaDataJson',
		type: 'json',
		default: '{}',
		description: 'A JSON object stored with the entity',
		displayOptions: { show: { metaDataFormat: ['json'] } },
	},
];

/** Link ID and Meta Data of the item, checked; empty ones (an empty JSON object too) are not sent. */
export function readNewEntityDetails(context: IExecuteFunctions, itemIndex: number): NewEntityDetails {
	const node = context.getNode();
	const linkId = optionalText(node, itemIndex, 'Link ID', context.getNodeParameter('linkId', itemIndex, ''));
	const format = context.getNodeParameter('metaDataFormat', itemIndex, 'text') as 'text' | 'json';
	const value = context.getNodeParameter(format === 'json' ? 'metaDataJson' : 'metaData', itemIndex, format === 'json' ? '{}' : '');
	const metaData = metaDataToString(node, itemIndex, format, value);
	return { link_id: linkId, meta_data: metaData === '{}' ? undefined : metaData };
}
