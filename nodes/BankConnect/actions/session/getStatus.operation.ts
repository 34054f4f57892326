import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fieldsFor } from '../operation';
import { sessionApi, sessionIdField, sessionIdOf } from './sessionApi';

export const description: INodeProperties[] = fieldsFor('session', 'getStatus', [sessionIdField]);

/** GET session_status/: each account completed or failed, once processing is done. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	return [{ json: await sessionApi<IDataObject>(this, sessionId, 'session_status', itemIndex) }];
}
