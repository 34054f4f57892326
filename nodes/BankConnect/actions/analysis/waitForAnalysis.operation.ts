import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getEntityAnalysis } from '../../api';
import type { AnalysisField, StatementProgress } from '../../api';
import { checkBudgetOf } from '../../helpers/checkBudget';
import { pauseOutsideSlot } from '../../helpers/concurrency';
import { entityIdField } from '../../helpers/fields';
import { requireId } from '../../helpers/validation';
import {
	analysisStatus,
	analysisTimedOutMessage,
	describeFailures,
	waitLimitFields,
	waitLimitsOf,
} from '../../helpers/waitForCompletion';
import type { WaitLimits } from '../../helpers/waitForCompletion';
import { fieldsFor } from '../operation';
import type { RoutedItems } from '../operation';
import { readOncePerRun } from '../sharedReads';
import { ANALYSES_AFTER_WAIT, ANALYSIS_AFTER_WAIT_VALUES, analysisAfterWaitOptions, outputAfterWaitField } from './analysesAfterWait';
import type { AnalysisAfterWait } from './analysesAfterWait';
import type { AnalysisOutput } from './splitAnalysis';

/** The outputs, in order: the panel shows these names on the node. */
export const outputNames = ['Completed', 'Still Processing', 'Failed'];
const [COMPLETED, STILL_PROCESSING, FAILED] = [0, 1, 2];
/** Continue On Fail's error items go with the failed entities. */
export const errorOutput = FAILED;
/** Its items carry on the input item (and its wait so far): items of one entity share the check, not the answer. */
export const shareReads = false;


type Then = 'passOn' | AnalysisAfterWait;

/** The field every item carries out of this node: where its entity's analysis stood at the last check. */
export const STATUS_FIELD = 'analysis_status';

/** Where an entity's analysis stood at its last check, kept on the item between passes of the loop. */
export interface AnalysisCheck extends IDataObject {
	entity_id: string;
	status: 'completed' | 'processing' | 'failed' | 'timed_out';
	statements: StatementProgress[];
	/** When this item was first checked (ISO time): Max Wait counts from here. */
	waiting_since: string;
	checks: number;
	message: string | null;
}

export const description: INodeProperties[] = fieldsFor('analysis', 'waitForAnalysis', [
	{
		displayName:
			'Connect Still Processing to a Wait node (e.g. 2 seconds) and the Wait node back to this node; place the nodes after Completed and Failed above the Wait node, as n8n runs the upper branch first. Each entity leaves on Completed as soon as its analysis is done; Failed gets entities with a statement BankConnect could not analyse, or still processing after Max Wait.',
		name: 'loopNotice',
		type: 'notice',
		default: '',
	},
	{ ...entityIdField, default: '={{ $json.entity_id }}' },
	{
		displayName: 'Then',
		name: 'then',
		type: 'options',
		options: [
			{ name: 'Pass the Item On', value: 'passOn', description: 'Completed gets the input item, with the analysis status added' },
			...analysisAfterWaitOptions(),
		],
		default: 'passOn',
		description: 'What a completed entity sends on: the item as it came in, or its analysis (read by the same check, no extra request)',
	},
	outputAfterWaitField({ then: ANALYSIS_AFTER_WAIT_VALUES }),
	...waitLimitFields(
		{},
		'How long an entity may stay on Still Processing, counted from its first check, before it goes to Failed',
	),
]);

/**
 * The check carried by an item from an earlier pass of this wait for the same entity, if any. A check
 * that ended its wait (completed, failed, timed out) starts none: the item is waiting again, e.g.
 * for a statement uploaded since, or retried from Failed.
 */
function earlierCheck(item: INodeExecutionData, entityId: string): AnalysisCheck | undefined {
	const check = item.json[STATUS_FIELD] as AnalysisCheck | undefined;
	if (typeof check !== 'object' || check === null || check.entity_id !== entityId || check.status !== 'processing') return undefined;
	return typeof check.waiting_since === 'string' && !Number.isNaN(Date.parse(check.waiting_since)) ? check : undefined;
}

function routed(output: number, items: INodeExecutionData[]): RoutedItems {
	return { routed: [COMPLETED, STILL_PROCESSING, FAILED].map((index) => (index === output ? items : [])) };
}

interface Request {
	entityId: string;
	then: Then;
	output: AnalysisOutput;
	limits: WaitLimits;
}

function requestOf(context: IExecuteFunctions, itemIndex: number): Request {
	const entityId = requireId(context.getNode(), itemIndex, 'Entity ID', context.getNodeParameter('entityId', itemIndex));
	const then = context.getNodeParameter('then', itemIndex) as Then;
	const output = then === 'passOn' ? 'whole' : (context.getNodeParameter('output', itemIndex) as AnalysisOutput);
	return { entityId, then, output, limits: waitLimitsOf(context, itemIndex) };
}

/**
 * Checks the entity once and sends the item to Completed, Still Processing or Failed. A loop
 * through n8n's Wait node makes the wait; each entity goes on the moment its check sees it done,
 * and a failed one never holds back (or throws away) the others.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<RoutedItems> {
	const request = requestOf(this, itemIndex);
	const item = this.getInputData()[itemIndex];
	const field: AnalysisField = request.then === 'passOn' ? 'accounts' : ANALYSES_AFTER_WAIT[request.then].field;
	const budget = checkBudgetOf(this, request.limits.checksPerSecond);
	const response = await readOncePerRun(this, `${field} ${request.entityId}`, async () => {
		await pauseOutsideSlot(this, async () => await budget.take());
		return await getEntityAnalysis(this, request.entityId, field, itemIndex);
	});

	const now = Date.now();
	const earlier = earlierCheck(item, request.entityId);
	const waitingSince = earlier?.waiting_since ?? new Date(now).toISOString();
	const status = analysisStatus(response.progress);
	const timedOut = status === 'processing' && now - Date.parse(waitingSince) >= request.limits.maxWaitSeconds * 1000;
	const check: AnalysisCheck = {
		entity_id: request.entityId,
		status: timedOut ? 'timed_out' : status,
		statements: response.progress,
		waiting_since: waitingSince,
		checks: (earlier?.checks ?? 0) + 1,
		message: null,
	};
	if (status === 'failed') check.message = `BankConnect could not analyse the statements: ${describeFailures(response.progress)}`;
	if (timedOut) {
		check.message = analysisTimedOutMessage(response.progress, request.limits.maxWaitSeconds);
	}
	const passOn = (): INodeExecutionData[] => [{ ...item, json: { ...item.json, [STATUS_FIELD]: check }, pairedItem: { item: itemIndex } }];
	if (status === 'completed' && request.then !== 'passOn') {
		return routed(COMPLETED, ANALYSES_AFTER_WAIT[request.then].itemsOf(response, request.output, itemIndex));
	}
	if (status === 'completed') return routed(COMPLETED, passOn());
	return routed(status === 'failed' || timedOut ? FAILED : STILL_PROCESSING, passOn());
}
