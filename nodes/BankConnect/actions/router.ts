import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { openLedger, writesOf } from '../api';
import { runItemsInSlots } from '../helpers/concurrency';
import {
	asNodeError,
	errorItem,
	firstFailure,
	isStoppedByOtherItem,
	runStoppedError,
	unsupportedOperationError,
} from '../transport';
import type { Settled } from '../transport';
import { analysisOperations } from './analysis/Analysis.resource';
import { entityOperations } from './entity/Entity.resource';
import { netBankingHealthOperations } from './netBankingHealth/NetBankingHealth.resource';
import { sessionOperations } from './session/Session.resource';
import { statementOperations } from './statement/Statement.resource';
import { webhookOperations } from './webhook/Webhook.resource';
import type { Operation, RoutedItems } from './operation';
import { groupSharedReads, sharedReadNotice } from './sharedReads';
import type { SharedReads } from './sharedReads';

/** Items working at the same time (waiting items don't count): enough to hide latency, few enough to respect rate limits. */
export const ITEM_CONCURRENCY = 5;

const RESOURCES: Record<string, Record<string, Operation>> = {
	entity: entityOperations,
	analysis: analysisOperations,
	netBankingHealth: netBankingHealthOperations,
	statement: statementOperations,
	session: sessionOperations,
	webhook: webhookOperations,
};

/** What one item gave: items per output. */
type ItemOutput = INodeExecutionData[][];

function byOutput(result: INodeExecutionData[] | RoutedItems): ItemOutput {
	return Array.isArray(result) ? [result] : result.routed;
}

/** Each item without a pairedItem, paired with the input item; an item the operation already paired is kept as it is (no second copy of 60,000 items). */
function pairedTo(output: ItemOutput, itemIndex: number): ItemOutput {
	return output.map((items) =>
		items.map((item) => (item.pairedItem === undefined || item.pairedItem === null ? { ...item, pairedItem: { item: itemIndex } } : item)),
	);
}

/** Checks every item of an operation that writes (its `prepare`), before anything is sent. */
async function prepareItems(context: IExecuteFunctions, operation: Operation, count: number): Promise<Array<Settled<unknown>>> {
	const prepared: Array<Settled<unknown>> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			prepared.push({ outcome: 'done', value: operation.prepare ? await operation.prepare.call(context, itemIndex) : undefined });
		} catch (error) {
			prepared.push({ outcome: 'failed', error, failureRank: itemIndex });
		}
	}
	return prepared;
}

/** Runs every item (five at a time; items asking for the same read share one) and waits for all of them to end. */
async function runItems(
	context: IExecuteFunctions,
	operation: Operation,
	prepared: Array<Settled<unknown>>,
	continueOnFail: boolean,
): Promise<{ settled: Array<Settled<ItemOutput>>; shared: SharedReads | undefined }> {
	const runItem = async (itemIndex: number): Promise<ItemOutput> => {
		const input = prepared[itemIndex];
		if (input.outcome === 'failed') throw input.error;
		const value = input.outcome === 'done' ? input.value : undefined;
		return pairedTo(byOutput(await operation.execute.call(context, itemIndex, value as never)), itemIndex);
	};
	const shared = !operation.prepare && operation.shareReads !== false ? groupSharedReads(context, operation, prepared.length) : undefined;
	const leaders = shared ? shared.leaders : prepared.map((_, index) => index);
	const leaderResults = await runItemsInSlots(context, leaders, ITEM_CONCURRENCY, runItem, { stopOnFailure: !continueOnFail });
	const results = new Map(leaders.map((itemIndex, index) => [itemIndex, leaderResults[index]]));
	for (const [follower, leader] of shared?.leaderOf ?? []) {
		results.set(follower, await shared!.followerResult(follower, results.get(leader)!, runItem, continueOnFail));
	}
	return { settled: prepared.map((_, itemIndex) => results.get(itemIndex)!), shared };
}

type NodeError = ReturnType<typeof asNodeError>;

/** The items of every output, and (Continue On Fail off) the failures, first one first. */
function collectOutputs(
	node: INode,
	operation: Operation,
	settled: Array<Settled<ItemOutput>>,
	continueOnFail: boolean,
): { outputs: INodeExecutionData[][]; failures: Array<{ itemIndex: number; error: NodeError; rank: number }>; stoppedWhileWaiting: number[]; notStarted: number[] } {
	const outputs: INodeExecutionData[][] = (operation.outputNames ?? ['main']).map(() => []);
	const failures: Array<{ itemIndex: number; error: NodeError; rank: number }> = [];
	const stoppedWhileWaiting: number[] = [];
	const notStarted: number[] = [];
	settled.forEach((result, itemIndex) => {
		if (result.outcome === 'done') {
			// one push per item: push(...items) overflows the call stack at about 130,000 items (one entity's transactions can be that many)
			result.value.forEach((outputItems, outputIndex) => {
				for (const item of outputItems) outputs[outputIndex].push(item);
			});
		} else if (result.outcome === 'notStarted') {
			notStarted.push(itemIndex);
		} else if (isStoppedByOtherItem(result.error)) {
			stoppedWhileWaiting.push(itemIndex);
		} else {
			const error = asNodeError(node, result.error, itemIndex);
			if (continueOnFail) outputs[operation.errorOutput ?? 0].push(errorItem(error, itemIndex));
			else failures.push({ itemIndex, error, rank: result.failureRank });
		}
	});
	return { outputs, failures: failures.sort((a, b) => a.rank - b.rank), stoppedWhileWaiting, notStarted };
}

/**
 * Runs the chosen operation for every input item; each output item is paired with its input.
 * Writes are checked for every item before the first is sent; a run that stops part-way waits for
 * the items already working and names, in its error, everything they wrote; items asking for the
 * same read share one.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES[resource]?.[operationName];
	if (!operation) {
		throw unsupportedOperationError(this.getNode(), resource, operationName);
	}
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	openLedger(this);

	const prepared = await prepareItems(this, operation, this.getInputData().length);
	const badInput = firstFailure(prepared);
	if (badInput && !continueOnFail) throw asNodeError(node, badInput.error, badInput.index);

	const { settled, shared } = await runItems(this, operation, prepared, continueOnFail);
	const { outputs, failures, stoppedWhileWaiting, notStarted } = collectOutputs(node, operation, settled, continueOnFail);
	if (failures.length > 0) {
		const [first, ...others] = failures;
		first.error.context.itemIndex ??= first.itemIndex;
		throw runStoppedError(first.error, {
			writes: writesOf(this),
			otherFailures: others.sort((a, b) => a.itemIndex - b.itemIndex),
			stoppedWhileWaiting,
			notStarted,
		});
	}
	const notice = shared && sharedReadNotice(operation, shared);
	if (notice) this.addExecutionHints(notice);
	return outputs;
}

/**
 * The node's outputs as an n8n expression, as n8n's Switch node declares its own: one output, or the
 * named outputs of an operation that routes items (n8n evaluates it in the editor and the engine).
 */
export function outputsExpression(): `={{${string}}}` {
	const routing = Object.entries(RESOURCES).flatMap(([resource, operations]) =>
		Object.entries(operations)
			.filter(([, operation]) => operation.outputNames)
			.map(([name, operation]) => {
				const outputs = JSON.stringify(operation.outputNames!.map((displayName) => ({ type: 'main', displayName })));
				return `$parameter.resource === ${JSON.stringify(resource)} && $parameter.operation === ${JSON.stringify(name)} ? ${outputs} : `;
			}),
	);
	return `={{ ${routing.join('')}["main"] }}` as const;
}
