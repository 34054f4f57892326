/**
 * The trigger's execute(): the second duplicate check, in n8n's database. webhook() checks repeats
 * against static data, which each n8n webhook process reads when a call starts and writes after
 * it answers, so a repeat reaching another webhook process passes it. Every execution then runs
 * this node first; n8n's deduplication store (the ProcessedData table) is shared by all processes.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dedupPolicy } from './dedup';

/** A first write to the store can lose an insert race with another process; trying again then updates. */
const RECORD_ATTEMPTS = 3;

/**
 * n8n's store reads the remembered keys, then writes them back: two checks of one trigger at the
 * same time would both pass a repeat. Checks in this process wait for each other, per trigger.
 */
const checksInProgress = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(scope: string, check: () => Promise<T>): Promise<T> {
	const previous = checksInProgress.get(scope) ?? Promise.resolve();
	const current = previous.then(check);
	const settled = current.then(
		() => undefined,
		() => undefined,
	);
	checksInProgress.set(scope, settled);
	try {
		return await current;
	} finally {
		if (checksInProgress.get(scope) === settled) checksInProgress.delete(scope);
	}
}

/** Records the keys; returns those recorded before, or undefined when the store could not be used. */
async function recordStarts(context: IExecuteFunctions, keys: string[], maxEntries: number): Promise<Set<string> | undefined> {
	let failure = 'unknown error';
	for (let attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
		try {
			const checked = await context.helpers.checkProcessedAndRecord(keys, 'node', { mode: 'entries', maxEntries });
			return new Set(checked.processed.map(String));
		} catch (error) {
			failure = error instanceof Error ? error.message : failure;
		}
	}
	context.logger.warn(
		`BankConnect Trigger "${context.getNode().name}": n8n's database did not record the started events (${failure}); they start the workflow without the check across n8n processes`,
	);
	return undefined;
}

function eventKeyOf(item: INodeExecutionData): string | undefined {
	const key = item.json.event_key;
	return typeof key === 'string' && key !== '' ? key : undefined;
}

/**
 * Passes on the events of a delivery execution whose event_key n8n's database has not recorded
 * yet, and records them; a repeat ends the execution here, with no items. Test executions (Listen
 * for test event) pass unchecked and unrecorded, so they never hide an event from production.
 * If the store fails, events pass: a possible repeat rather than a lost event.
 */
export async function dropRecordedRepeats(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = context.getInputData().map((item, index) => ({ ...item, pairedItem: { item: index } }));
	const keys = [...new Set(items.map(eventKeyOf).filter((key): key is string => key !== undefined))];
	if (context.getMode() !== 'webhook' || keys.length === 0 || typeof context.helpers.checkProcessedAndRecord !== 'function') {
		return items;
	}
	const { maxEntries } = dedupPolicy(context.getNodeParameter('options', 0, {}) as IDataObject);
	const scope = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const recordedBefore = await oneAtATime(scope, async () => await recordStarts(context, keys, maxEntries));
	if (recordedBefore === undefined) return items;
	const passed = new Set<string>();
	return items.filter((item) => {
		const key = eventKeyOf(item);
		if (key === undefined) return true;
		if (recordedBefore.has(key) || passed.has(key)) return false;
		passed.add(key);
		return true;
	});
}
