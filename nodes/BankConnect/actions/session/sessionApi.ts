import type { IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { segment } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { apiRequest } from '../../transport';

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
	return requireText(context.getNode(), itemIndex, 'Session ID', context.getNodeParameter('sessionId', itemIndex));
}

/** One call under `/v1/session_data/<session_id>/`, e.g. `progress`. */
export async function sessionApi<T>(
	context: IExecuteFunctions,
	sessionId: string,
	endpoint: string,
	itemIndex: number,
	method: IHttpRequestMethods = 'GET',
): Promise<T> {
	return await apiRequest<T>(context, {
		method,
		path: `/v1/session_data/${segment(sessionId)}/${endpoint}/`,
		resource: `session ${sessionId}`,
		itemIndex,
	});
}
