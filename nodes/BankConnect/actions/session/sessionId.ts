import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../../helpers/validation';

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 9b2f0c6e-…',
	description: 'The session_id that Session → Create returned',
};

/** The item's Session ID, checked. */
export function sessionIdOf(context: IExecuteFunctions, itemIndex: number): string {
	return requireId(context.getNode(), itemIndex, 'Session ID', context.getNodeParameter('sessionId', itemIndex));
}
