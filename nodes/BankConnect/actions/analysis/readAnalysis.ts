import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntityAnalysis } from '../../api';
import type { AnalysisField, AnalysisResponses } from '../../api';
import { entityIdField } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import {
	analysisStatus,
	describePending,
	itemWait,
	waitForCompletion,
	waitLimitFields,
	waitLimitsOf,
} from '../../helpers/waitForCompletion';
import type { WaitLimits } from '../../helpers/waitForCompletion';
import { notReadyError } from '../../transport';

const WAIT_TOGGLE: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: true,
	description:
		'Whether to poll until every statement of the entity is analysed (an uploaded statement takes a while). A failed statement stops the node with its reason. Off, a read made while a statement is still processing fails instead of returning part of the analysis.',
};

/** Entity ID plus Wait for Completion (on from version 2; version 1 kept its default, off) and the wait's limits. */
export const analysisReadFields: INodeProperties[] = [
	entityIdField,
	{ ...WAIT_TOGGLE, default: false, displayOptions: { show: { '@version': [1] } } },
	{ ...WAIT_TOGGLE, displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } },
	...waitLimitFields({ waitForCompletion: [true] }),
];

/** Which entity to read and how long to wait for its statements. */
export interface AnalysisReadRequest {
	entityId: string;
	/** Poll until every statement is completed, within these limits; undefined reads once. */
	wait?: WaitLimits;
	/** Pause before the first read (a statement just uploaded cannot be analysed yet). */
	firstReadAfterMs?: number;
}

/** Entity ID, Wait for Completion, Max Wait and Max Requests per Second of the item, checked. */
export function analysisReadRequest(context: IExecuteFunctions, itemIndex: number): AnalysisReadRequest {
	const node = context.getNode();
	const entityId = requireText(node, itemIndex, 'Entity ID', context.getNodeParameter('entityId', itemIndex));
	const wait = context.getNodeParameter('waitForCompletion', itemIndex) as boolean;
	if (!wait) return { entityId };
	return { entityId, wait: waitLimitsOf(context, itemIndex) };
}

/**
 * Reads one analysis field of an entity, waiting for completion when asked. Read without waiting,
 * an analysis with statements still processing is returned only when `unfinished` is 'return'
 * (a whole response shows its progress); otherwise the read fails, so a partial or empty answer
 * never passes for the analysis.
 */
export async function readAnalysisOf<Field extends AnalysisField>(
	context: IExecuteFunctions,
	field: Field,
	itemIndex: number,
	request: AnalysisReadRequest,
	unfinished: 'fail' | 'return' = 'fail',
): Promise<AnalysisResponses[Field]> {
	const { entityId, wait } = request;
	const read = async () => await getEntityAnalysis(context, entityId, field, itemIndex);
	if (wait) return await waitForCompletion(read, itemWait(context, itemIndex, wait, request.firstReadAfterMs));
	const response = await read();
	if (unfinished === 'fail' && analysisStatus(response.progress) === 'processing') {
		throw notReadyError(
			context.getNode(),
			`The analysis of entity ${entityId} is not complete: still processing: ${describePending(response.progress)}`,
			itemIndex,
		);
	}
	return response;
}
