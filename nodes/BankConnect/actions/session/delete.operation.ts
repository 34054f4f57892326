import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { deleteSession } from '../../api';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';

export const description: INodeProperties[] = fieldsFor('session', 'delete', [
	sessionIdField,
	{
		displayName: 'Deleting removes the session and its statements and analysis; reading it afterwards fails with SESSION_DELETED',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
]);

/** The item's Session ID, checked before any session is deleted. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return sessionIdOf(this, itemIndex);
}

/** Removes the session and its data. */
export async function execute(this: IExecuteFunctions, itemIndex: number, sessionId: string): Promise<INodeExecutionData[]> {
	await deleteSession(this, sessionId, itemIndex);
	return [{ json: { session_id: sessionId, deleted: true } }];
}
