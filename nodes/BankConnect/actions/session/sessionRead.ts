import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionData, getSessionProgress } from '../../api';
import type { UnpublishedSessionRead } from '../../api';
import { itemWait, maxWaitOf, waitFields, waitForSession } from '../../helpers/waitForCompletion';
import type { Operation } from '../operation';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';

/** Session ID plus Wait for Completion / Max Wait, shared by the session's data reads. */
export const sessionReadFields: INodeProperties[] = [
	sessionIdField,
	...waitFields({
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		description:
			'Whether to poll the session’s progress until processing is complete before reading (processing must have been initiated). Off: reading too early fails with PROCESSING_NOT_COMPLETED.',
	}),
];

/** Runs `read` for the item's session, first waiting for processing when Wait for Completion is on. */
export async function readProcessedSession<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	read: (sessionId: string) => Promise<T>,
): Promise<T> {
	const sessionId = sessionIdOf(context, itemIndex);
	if (context.getNodeParameter('waitForCompletion', itemIndex) as boolean) {
		const maxWaitSeconds = maxWaitOf(context, itemIndex);
		const readProgress = async () => await getSessionProgress(context, sessionId, itemIndex);
		await waitForSession(readProgress, sessionId, itemWait(context, itemIndex, maxWaitSeconds));
	}
	return await read(sessionId);
}

/**
 * A session read whose body FinBox does not publish: the whole response as one item, as BankConnect
 * sent it (no split, so nothing is guessed from an undocumented shape).
 */
export function wholeSessionRead(operation: string, read: UnpublishedSessionRead): Operation {
	return {
		description: fieldsFor('session', operation, [
			...sessionReadFields,
			{
				displayName: `FinBox does not publish the shape of this answer, so it comes as one item, whole (the ${read}/ read)`,
				name: 'wholeResponseNotice',
				type: 'notice',
				default: '',
			},
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
			const response = await readProcessedSession(this, itemIndex, async (sessionId) => await getSessionData(this, sessionId, read, itemIndex));
			return [{ json: { ...response } as IDataObject }];
		},
	};
}
