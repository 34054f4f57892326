import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionProgress } from '../../api';
import { itemWait, waitFields, waitForSession, waitLimitsOf } from '../../helpers/waitForCompletion';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';

export const description: INodeProperties[] = fieldsFor('session', 'getProgress', [
	sessionIdField,
	...waitFields({
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		description: 'Whether to poll until session_progress is completed (processing must have been initiated)',
	}),
]);

/** The processing progress, once or until the session is processed. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const wait = this.getNodeParameter('waitForCompletion', itemIndex) as boolean;
	const read = async () => await getSessionProgress(this, sessionId, itemIndex);
	const progress = wait ? await waitForSession(read, sessionId, itemWait(this, itemIndex, waitLimitsOf(this, itemIndex))) : await read();
	return [{ json: { ...progress } }];
}
