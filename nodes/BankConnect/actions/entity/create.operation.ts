import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { metaDataFields, newEntityLinkIdField, readNewEntityDetails } from '../../helpers/entityForm';
import { createEntity } from '../../api';
import type { EntityForm } from '../../api';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'create', [
	newEntityLinkIdField(),
	{
		displayName: 'Single Account Only',
		name: 'isSingleAccount',
		type: 'boolean',
		default: false,
		description: 'Whether uploads of a different bank account to this entity are refused',
	},
	...metaDataFields,
]);

/** The item's entity form, checked before any entity is created. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<EntityForm> {
	const details = readNewEntityDetails(this, itemIndex);
	const isSingleAccount = this.getNodeParameter('isSingleAccount', itemIndex) as boolean;
	return { link_id: details.link_id, is_single_account: isSingleAccount, meta_data: details.meta_data };
}

/** Creates an entity from the form fields. */
export async function execute(this: IExecuteFunctions, itemIndex: number, form: EntityForm): Promise<INodeExecutionData[]> {
	const entity = await createEntity(this, form, itemIndex);
	return [{ json: { ...entity } }];
}
