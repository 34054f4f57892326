import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionProgress } from '../../api';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';
import { maxWaitField, maxWaitOf, waitForSession } from './waitForSession';

export const description: INodeProperties[] = fieldsFor('session', 'getProgress', [
	sessionIdField,
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description: 'Whether to poll until session_progress is completed (processing must have been initiated)',
	},
	maxWaitField('waitForCompletion'),
]);

/** The processing progress, once or until the session is processed. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const wait = this.getNodeParameter('waitForCompletion', itemIndex) as boolean;
	const progress = wait
		? await waitForSession(this, sessionId, itemIndex, maxWaitOf(this, itemIndex))
		: await getSessionProgress(this, sessionId, itemIndex);
	return [{ json: { ...progress } }];
}
