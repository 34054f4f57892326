import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { getEntityAnalysis } from '../../api';
import type { AnalysisField, AnalysisResponses, StatementProgress } from '../../api';
import { entityIdField } from '../../helpers/fields';
import { optionalText, requireId } from '../../helpers/validation';
import { notReadyError } from '../../transport';
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

/** The optional Account ID filter of the reads the docs give `?account_id=` (shown after Entity ID). */
export const accountFilterField: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 9c1e7f1a-…',
	description: 'Only this account of the entity (an account_id from Get Accounts); empty means every account',
};

/** Which entity to read and how long to wait for its statements. */
export interface AnalysisReadRequest {
	entityId: string;
	/** Poll until every statement is completed, at most this long; undefined reads once. */
	maxWaitSeconds?: number;
	/** Only this account's records (`?account_id=`); undefined means every account. */
	accountId?: string;
}

/** Entity ID, Wait for Completion, Max Wait and (where the read has it) Account ID of the item, checked. */
export function analysisReadRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	options: { accountFilter?: boolean } = {},
): AnalysisReadRequest {
	const node = context.getNode();
	const entityId = requireId(node, itemIndex, 'Entity ID', context.getNodeParameter('entityId', itemIndex));
	const accountId = options.accountFilter
		? optionalText(node, itemIndex, 'Account ID', context.getNodeParameter('accountId', itemIndex, ''))
		: undefined;
	const filter = accountId === undefined ? {} : { accountId };
	const wait = context.getNodeParameter('waitForCompletion', itemIndex) as boolean;
	if (!wait) return { entityId, ...filter };
	return { entityId, maxWaitSeconds: maxWaitOf(context, itemIndex), ...filter };
}

/**
 * For reads that stay empty until every statement is analysed (reports, predictors, score):
 * fails "not ready" with the statements still pending instead of returning nothing.
 */
export function assertReady(
	node: INode,
	response: { entity_id: string; progress: StatementProgress[] },
	what: string,
	itemIndex: number,
): void {
	const processing = (response.progress ?? []).filter((entry) => entry.status !== 'completed');
	if (processing.length === 0) return;
	const pending = processing.map((entry) => `${entry.statement_id} (${entry.status})`).join(', ');
	throw notReadyError(node, `${what} of entity ${response.entity_id} is not ready: statements not completed: ${pending}`, itemIndex);
}

/** Reads one analysis field of an entity, waiting for completion when asked. */
export async function readAnalysisOf<Field extends AnalysisField>(
	context: IExecuteFunctions,
	field: Field,
	itemIndex: number,
	request: AnalysisReadRequest,
): Promise<AnalysisResponses[Field]> {
	const { entityId, maxWaitSeconds, accountId } = request;
	const read = async () => await getEntityAnalysis(context, entityId, field, itemIndex, { accountId });
	if (maxWaitSeconds === undefined) return await read();
	return await waitForCompletion(read, itemWait(context, itemIndex, maxWaitSeconds));
}
