import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fieldsFor } from '../operation';
import { sessionApi, sessionIdField, sessionIdOf } from './sessionApi';

export const description: INodeProperties[] = fieldsFor('session', 'delete', [
	sessionIdField,
	{
		displayName: 'Deleting removes the session and its statements and analysis; reading it afterwards fails with SESSION_DELETED',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
]);

/** DELETE delete/: removes the session and its data. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	await sessionApi<unknown>(this, sessionId, 'delete', itemIndex, 'DELETE');
	return [{ json: { session_id: sessionId, deleted: true } }];
}
