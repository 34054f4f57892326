import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from './validation';

/** The Entity ID field that most operations start from. */
export const entityIdField: INodeProperties = {
	displayName: 'Entity ID',
	name: 'entityId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 4c5a1b9e-…',
	description: 'The entity_id BankConnect returned when the entity was created or a statement uploaded',
};

/** A required Link ID field (the lender's own reference), worded for its operation. */
export function linkIdField(description: string): INodeProperties {
	return {
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. loan-application-1042',
		description,
	};
}

/** Name of the binary property a download is written to. */
export function binaryPropertyField(description: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description,
	};
}

/** The item's Put Output File in Field (binaryPropertyField), checked. */
export function binaryPropertyOf(context: IExecuteFunctions, itemIndex: number): string {
	return requireText(context.getNode(), itemIndex, 'Put Output File in Field', context.getNodeParameter('binaryPropertyName', itemIndex));
}
