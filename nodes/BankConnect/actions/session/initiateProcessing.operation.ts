import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError, bankConnectCodeOf } from '../../transport';
import { getSessionProgress, initiateSessionProcessing } from '../../api';
import { itemWait, waitFields, waitForSession, waitLimitsOf } from '../../helpers/waitForCompletion';
import type { WaitLimits } from '../../helpers/waitForCompletion';
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

/** One item's request, checked before anything is sent. */
export interface InitiateRequest {
	sessionId: string;
	alreadyRequestedIsSuccess: boolean;
	/** With Process and Wait: how long to wait, and the insights' shape. */
	wait: { limits: WaitLimits; output: InsightsOutput } | undefined;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<InitiateRequest> {
	const sessionId = sessionIdOf(this, itemIndex);
	const processAndWait = this.getNodeParameter('processAndWait', itemIndex) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as { alreadyRequestedIsSuccess?: boolean };
	return {
		sessionId,
		alreadyRequestedIsSuccess: options.alreadyRequestedIsSuccess === true,
		wait: processAndWait
			? { limits: waitLimitsOf(this, itemIndex), output: this.getNodeParameter('output', itemIndex) as InsightsOutput }
			: undefined,
	};
}

/** Starts processing; a repeated request is a success when the user said so. */
async function initiate(context: IExecuteFunctions, request: InitiateRequest, itemIndex: number): Promise<IDataObject> {
	try {
		return { ...(await initiateSessionProcessing(context, request.sessionId, itemIndex)) };
	} catch (error) {
		if (request.alreadyRequestedIsSuccess && bankConnectCodeOf(error) === 'DUPLICATE_PROCESSING_REQUEST') {
			return { session_id: request.sessionId, message: ALREADY_REQUESTED };
		}
		throw asNodeError(context.getNode(), error, itemIndex);
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number, request: InitiateRequest): Promise<INodeExecutionData[]> {
	const acknowledgement = await initiate(this, request, itemIndex);
	if (!request.wait) return [{ json: acknowledgement }];
	const readProgress = async () => await getSessionProgress(this, request.sessionId, itemIndex);
	await waitForSession(readProgress, request.sessionId, itemWait(this, itemIndex, request.wait.limits));
	return await readInsightsItems(this, request.sessionId, request.wait.output, itemIndex);
}
