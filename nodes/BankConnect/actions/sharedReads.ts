/**
 * Items of one run that ask for the same read share it: an `entity_id` dragged from 195
 * transaction items into Get Salary reads the entity once, and each of the 195 items still gets its
 * own copy of the answer, paired with it. The panel then says the items shared an ID and how to run
 * the node once.
 */
import type { IExecuteFunctions, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';

import { pauseOutsideSlot } from '../helpers/concurrency';
import { isInputError } from '../transport';
import type { Settled } from '../transport';
import type { Operation } from './operation';

type ItemOutput = INodeExecutionData[][];

export interface SharedReads {
	/** Items that are read themselves, in item order. */
	leaders: number[];
	/** Each other item and the earlier item with the very same fields whose answer it gets. */
	leaderOf: Map<number, number>;
	/** How many items got a shared answer, by the ID they asked for (its Entity ID, Session ID or Link ID field). */
	itemsById: Map<string, number>;
	/**
	 * A follower's result from its leader's: a copy of the answer. When the leader failed, the run
	 * stopped (the follower never starts) or, with Continue On Fail, the follower fails the same way.
	 */
	followerResult(
		follower: number,
		leader: Settled<ItemOutput>,
		runItem: (itemIndex: number) => Promise<ItemOutput>,
		continueOnFail: boolean,
	): Promise<Settled<ItemOutput>>;
}

function fieldNames(operation: Operation): string[] {
	return [...new Set(operation.description.filter((field) => field.type !== 'notice').map((field) => field.name))];
}

/** The item's fields as the operation reads them, or undefined when one of them cannot be read (the item then runs alone). */
function fieldsKey(context: IExecuteFunctions, names: string[], itemIndex: number): string | undefined {
	try {
		return JSON.stringify(names.map((name) => context.getNodeParameter(name, itemIndex, null)));
	} catch {
		return undefined;
	}
}

function copyFor(output: ItemOutput, itemIndex: number): ItemOutput {
	return output.map((items) =>
		items.map((item) => ({
			...item,
			// each item gets its own json, so a later node changing one item never changes another
			json: { ...item.json },
			binary: item.binary && { ...item.binary },
			pairedItem: { item: itemIndex },
		})),
	);
}

/** The fields that name what a read is about, as the notice names them. */
const ID_FIELDS = ['entityId', 'sessionId', 'linkId', 'linkIds'];

function idFieldOf(operation: Operation): string | undefined {
	return ID_FIELDS.find((name) => operation.description.some((field) => field.name === name));
}

/** Groups the items of a shared read by their fields: the first of each group is read, the others get its answer. */
export function groupSharedReads(context: IExecuteFunctions, operation: Operation, count: number): SharedReads {
	const names = fieldNames(operation);
	const idField = idFieldOf(operation);
	const firstWith = new Map<string, number>();
	const leaders: number[] = [];
	const leaderOf = new Map<number, number>();
	const idOf = new Map<number, string>();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const key = fieldsKey(context, names, itemIndex);
		const leader = key === undefined ? undefined : firstWith.get(key);
		if (leader === undefined) {
			leaders.push(itemIndex);
			if (key !== undefined) firstWith.set(key, itemIndex);
		} else {
			leaderOf.set(itemIndex, leader);
		}
		if (idField) {
			const id = context.getNodeParameter(idField, itemIndex, '');
			if (typeof id === 'string' && id.trim() !== '') idOf.set(itemIndex, id.trim());
		}
	}
	// items of one ID that differ in another field (e.g. Account ID) were each read: they shared nothing
	const sharing = new Set(leaderOf.values());
	const itemsById = new Map<string, number>();
	for (const [itemIndex, id] of idOf) {
		if (sharing.has(leaderOf.get(itemIndex) ?? itemIndex)) itemsById.set(id, (itemsById.get(id) ?? 0) + 1);
	}
	return {
		leaders,
		leaderOf,
		itemsById,
		async followerResult(follower, leader, runItem, continueOnFail) {
			if (leader.outcome === 'done') return { outcome: 'done', value: copyFor(leader.value, follower) };
			if (!continueOnFail) return { outcome: 'notStarted' };
			// refused input names its item: the follower's own check names the follower
			if (leader.outcome === 'failed' && isInputError(leader.error)) {
				try {
					return { outcome: 'done', value: await runItem(follower) };
				} catch (error) {
					return { outcome: 'failed', error, failureRank: leader.failureRank };
				}
			}
			return leader;
		},
	};
}

/** The panel's notice when input items shared an ID: how many, which, and how to run the node once. */
export function sharedReadNotice(operation: Operation, shared: SharedReads): NodeExecutionHint | undefined {
	const idField = idFieldOf(operation);
	if (!idField) return undefined;
	const sharedIds = [...shared.itemsById].filter(([, items]) => items > 1);
	if (sharedIds.length === 0) return undefined;
	const label = operation.description.find((field) => field.name === idField)?.displayName ?? idField;
	const items = sharedIds.reduce((sum, [, count]) => sum + count, 0);
	const ids = sharedIds.map(([id]) => id);
	const named = ids.length === 1 ? `the same ${label} (${ids[0]})` : `${ids.length} ${label}s (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})`;
	return {
		type: 'info',
		location: 'outputPane',
		message: `${items} input items share ${named}, so BankConnect was asked once per ${label} and each item got the answer. To run this node once instead of once per item, turn on Execute Once in the node's Settings.`,
	};
}

const readsOfRun = new WeakMap<IExecuteFunctions, Map<string, Promise<unknown>>>();

/**
 * Within one node run, `read` runs once per key; items asking again get the same answer (or failure).
 * They wait for it outside their slot: the item reading may itself need a slot back (after its
 * pause for the run's budget), and items holding every slot while waiting for it would wait for ever.
 */
export async function readOncePerRun<Answer>(context: IExecuteFunctions, key: string, read: () => Promise<Answer>): Promise<Answer> {
	let reads = readsOfRun.get(context);
	if (!reads) {
		reads = new Map();
		readsOfRun.set(context, reads);
	}
	const answer = reads.get(key) as Promise<Answer> | undefined;
	if (!answer) {
		const first = read();
		reads.set(key, first);
		return await first;
	}
	await pauseOutsideSlot(context, async () => {
		await answer.catch(() => undefined);
	});
	return await answer;
}
