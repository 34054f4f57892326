import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionStatus } from '../../api';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';

export const description: INodeProperties[] = fieldsFor('session', 'getStatus', [sessionIdField]);

/** Each account completed or failed, once processing is done. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	return [{ json: { ...(await getSessionStatus(this, sessionId, itemIndex)) } as IDataObject }];
}
