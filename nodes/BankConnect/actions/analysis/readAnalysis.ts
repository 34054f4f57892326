import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntityAnalysis } from '../../api';
import type { AnalysisField, AnalysisResponses } from '../../api';
import { entityIdField } from '../../helpers/fields';
import { requireId } from '../../helpers/validation';
import { itemWait, maxWaitOf, waitFields, waitForCompletion } from '../../helpers/waitForCompletion';

/** Entity ID plus Wait for Completion / Max Wait, shared by every analysis read. */
export const analysisReadFields: INodeProperties[] = [
	entityIdField,
	...waitFields({
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		description:
			'Whether to poll until every statement of the entity is analysed (an uploaded statement takes a while). A failed statement stops the node with its reason.',
	}),
];

/** Which entity to read and how long to wait for its statements. */
export interface AnalysisReadRequest {
	entityId: string;
	/** Poll until every statement is completed, at most this long; undefined reads once. */
	maxWaitSeconds?: number;
}

/** Entity ID, Wait for Completion and Max Wait of the item, checked. */
export function analysisReadRequest(context: IExecuteFunctions, itemIndex: number): AnalysisReadRequest {
	const node = context.getNode();
	const entityId = requireId(node, itemIndex, 'Entity ID', context.getNodeParameter('entityId', itemIndex));
	const wait = context.getNodeParameter('waitForCompletion', itemIndex) as boolean;
	if (!wait) return { entityId };
	return { entityId, maxWaitSeconds: maxWaitOf(context, itemIndex) };
}

/** Reads one analysis field of an entity, waiting for completion when asked. */
export async function readAnalysisOf<Field extends AnalysisField>(
	context: IExecuteFunctions,
	field: Field,
	itemIndex: number,
	request: AnalysisReadRequest,
): Promise<AnalysisResponses[Field]> {
	const { entityId, maxWaitSeconds } = request;
	const read = async () => await getEntityAnalysis(context, entityId, field, itemIndex);
	if (maxWaitSeconds === undefined) return await read();
	return await waitForCompletion(read, itemWait(context, itemIndex, maxWaitSeconds));
}
