import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { getEntityAnalysis, missingRecords } from '../../api';
import type { AnalysisField, AnalysisResponses, StatementProgress } from '../../api';
import { entityIdField } from '../../helpers/fields';
import { optionalText, requireId } from '../../helpers/validation';
import {
	analysisStatus,
	describeFailures,
	itemWait,
	NO_STATEMENTS_YET,
	waitForCompletion,
	waitLimitFields,
	waitLimitsOf,
} from '../../helpers/waitForCompletion';
import type { WaitLimits } from '../../helpers/waitForCompletion';
import { analysisFailedError, notReadyError } from '../../transport';

const WAIT_TOGGLE: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: true,
	description:
		'Whether to poll until every statement of the entity is analysed (an uploaded statement takes a while). A failed statement stops the node with its reason. Off, a read made while a statement is still processing fails instead of returning part of the analysis.',
};

/** Entity ID plus Wait for Completion (on from version 2; versions 1 and 1.1 kept its default, off) and the wait's limits. */
export const analysisReadFields: INodeProperties[] = [
	entityIdField,
	{ ...WAIT_TOGGLE, default: false, displayOptions: { show: { '@version': [{ _cnd: { lt: 2 } }] } } },
	{ ...WAIT_TOGGLE, displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } },
	...waitLimitFields({ waitForCompletion: [true] }),
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
	/** Poll until every statement is completed, within these limits; undefined reads once. */
	wait?: WaitLimits;
	/** Pause before the first read (a statement just uploaded cannot be analysed yet). */
	firstReadAfterMs?: number;
	/** Only this account's records (`?account_id=`); undefined means every account. */
	accountId?: string;
}

/** Entity ID, Wait for Completion, Max Wait, Max Requests per Second and (where the read has it) Account ID of the item, checked. */
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
	return { entityId, wait: waitLimitsOf(context, itemIndex), ...filter };
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
	const progress = response.progress ?? [];
	if (progress.length > 0 && progress.every((entry) => entry.status === 'completed')) return;
	throw notReady(node, what, response, itemIndex);
}

/** "<what> of entity X is not ready: statements not completed: s2 (processing)" */
function notReady(node: INode, what: string, response: { entity_id: string; progress: StatementProgress[] }, itemIndex: number) {
	const pending = (response.progress ?? [])
		.filter((entry) => entry.status !== 'completed')
		.map((entry) => `${entry.statement_id} (${entry.status})`)
		.join(', ');
	const statements = pending === '' ? NO_STATEMENTS_YET : `statements not completed: ${pending}`;
	return notReadyError(node, `${what} of entity ${response.entity_id} is not ready: ${statements}`, itemIndex);
}

/** No statement yet, or one still processing (even beside a failed one): the analysis is not all there. */
function isStillProcessing(progress: StatementProgress[]): boolean {
	return progress.length === 0 || progress.some((entry) => entry.status !== 'completed' && entry.status !== 'failed');
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
	/** How a "not ready" error names the read, e.g. "The predictors". */
	what = 'The analysis',
): Promise<AnalysisResponses[Field]> {
	const { entityId, wait, accountId } = request;
	const read = async () => await getEntityAnalysis(context, entityId, field, itemIndex, { accountId });
	if (wait) return await waitForCompletion(read, itemWait(context, itemIndex, wait, request.firstReadAfterMs));
	const response = await read();
	const progress = response.progress ?? [];
	if (unfinished === 'fail' && isStillProcessing(progress)) {
		throw notReady(context.getNode(), what, response, itemIndex);
	}
	// beside a failed statement the records may be missing (FinBox reads them only once all are completed): say which failed
	if (unfinished === 'fail' && analysisStatus(progress) === 'failed' && missingRecords(field, response) !== undefined) {
		throw analysisFailedError(context.getNode(), describeFailures(progress), itemIndex);
	}
	return response;
}
