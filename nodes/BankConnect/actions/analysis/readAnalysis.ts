import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { entityIdField, segment } from '../../helpers/fields';
import { MAX_WAIT_RANGE, requireMaxWait, requireText } from '../../helpers/validation';
import { waitForCompletion } from '../../helpers/waitForCompletion';
import { apiRequest } from '../../transport';
import type { AnalysisField, AnalysisResponses } from '../../types';

/** Entity ID plus Wait for Completion / Max Wait, shared by every analysis read. */
export const analysisReadFields: INodeProperties[] = [
	entityIdField,
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll until every statement of the entity is analysed (an uploaded statement takes a while). A failed statement stops the node with its reason.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: MAX_WAIT_RANGE.min, maxValue: MAX_WAIT_RANGE.max },
		default: 300,
		description: 'How long to wait before failing with the statements still processing',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

/** Reads one analysis field of the entity named in the item, waiting for completion when asked. */
export async function readAnalysis<Field extends AnalysisField>(
	context: IExecuteFunctions,
	field: Field,
	itemIndex: number,
): Promise<AnalysisResponses[Field]> {
	const node = context.getNode();
	const entityId = requireText(node, itemIndex, 'Entity ID', context.getNodeParameter('entityId', itemIndex));
	const wait = context.getNodeParameter('waitForCompletion', itemIndex) as boolean;
	const maxWaitSeconds = wait
		? requireMaxWait(node, itemIndex, context.getNodeParameter('maxWaitSeconds', itemIndex))
		: 0;
	const read = async () =>
		await apiRequest<AnalysisResponses[Field]>(context, {
			method: 'GET',
			path: `/v1/entity/${segment(entityId)}/${field}/`,
			resource: `entity ${entityId}`,
			itemIndex,
		});
	if (!wait) return await read();
	return await waitForCompletion(read, { node, itemIndex, maxWaitSeconds });
}
