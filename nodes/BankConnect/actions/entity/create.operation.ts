import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { metaDataToString, optionalText } from '../../helpers/validation';
import { createEntity } from '../../api';
import type { EntityForm } from '../../api';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'create', [
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		default: '',
		placeholder: 'e.g. loan-application-1042',
		description: 'Your own reference for the customer, e.g. a loan application ID. Several entities may share one.',
	},
	{
		displayName: 'Single Account Only',
		name: 'isSingleAccount',
		type: 'boolean',
		default: false,
		description: 'Whether uploads of a different bank account to this entity are refused',
	},
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
]);

/** The item's entity form, checked before any entity is created. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<EntityForm> {
	const node = this.getNode();
	const linkId = optionalText(node, itemIndex, 'Link ID', this.getNodeParameter('linkId', itemIndex));
	const isSingleAccount = this.getNodeParameter('isSingleAccount', itemIndex) as boolean;
	const format = this.getNodeParameter('metaDataFormat', itemIndex) as 'text' | 'json';
	const metaDataValue = this.getNodeParameter(format === 'json' ? 'metaDataJson' : 'metaData', itemIndex);
	const metaData = metaDataToString(node, itemIndex, format, metaDataValue);
	return { link_id: linkId, is_single_account: isSingleAccount, meta_data: metaData };
}

/** Creates an entity from the form fields. */
export async function execute(this: IExecuteFunctions, itemIndex: number, form: EntityForm): Promise<INodeExecutionData[]> {
	const entity = await createEntity(this, form, itemIndex);
	return [{ json: { ...entity } }];
}
