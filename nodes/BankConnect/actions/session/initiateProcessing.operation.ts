import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError, bankConnectCodeOf } from '../../transport';
import { getSessionProgress, initiateSessionProcessing } from '../../api';
import { itemWait, maxWaitOf, waitFields, waitForSession } from '../../helpers/waitForCompletion';
import { fieldsFor } from '../operation';
import { insightsOutputField, readInsightsItems } from './insightsOutput';
import type { InsightsOutput } from './insightsOutput';
import { sessionIdField, sessionIdOf } from './sessionId';

export const ALREADY_REQUESTED = 'already requested';

export const description: INodeProperties[] = fieldsFor('session', 'initiateProcessing', [
	sessionIdField,
	...waitFields({
		displayName: 'Process and Wait',
		name: 'processAndWait',
		description: 'Whether to wait until processing is complete and return the insights, instead of the 202 acknowledgement',
	}),
	{ ...insightsOutputField, displayOptions: { show: { processAndWait: [true] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Accept Already Requested',
				name: 'alreadyRequestedIsSuccess',
				type: 'boolean',
				default: false,
				description:
					'Whether a repeated request (409 DUPLICATE_PROCESSING_REQUEST) returns an item with the session_id and the message "already requested" (or, with Process and Wait, the insights) instead of failing',
			},
		],
	},
]);

/** Starts processing; a repeated request is a success when the user said so. */
async function initiate(context: IExecuteFunctions, sessionId: string, itemIndex: number): Promise<IDataObject> {
	const options = context.getNodeParameter('options', itemIndex, {}) as { alreadyRequestedIsSuccess?: boolean };
	try {
		return { ...(await initiateSessionProcessing(context, sessionId, itemIndex)) };
	} catch (error) {
		if (options.alreadyRequestedIsSuccess === true && bankConnectCodeOf(error) === 'DUPLICATE_PROCESSING_REQUEST') {
			return { session_id: sessionId, message: ALREADY_REQUESTED };
		}
		throw asNodeError(context.getNode(), error, itemIndex);
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const processAndWait = this.getNodeParameter('processAndWait', itemIndex) as boolean;
	const maxWaitSeconds = processAndWait ? maxWaitOf(this, itemIndex) : 0;
	const output = processAndWait ? (this.getNodeParameter('output', itemIndex) as InsightsOutput) : 'whole';

	const acknowledgement = await initiate(this, sessionId, itemIndex);
	if (!processAndWait) return [{ json: acknowledgement }];
	const readProgress = async () => await getSessionProgress(this, sessionId, itemIndex);
	await waitForSession(readProgress, sessionId, itemWait(this, itemIndex, maxWaitSeconds));
	return await readInsightsItems(this, sessionId, output, itemIndex);
}
