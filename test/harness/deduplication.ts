/**
 * n8n's deduplication store (the ProcessedData table behind `helpers.checkProcessedAndRecord`) for
 * engine tests, in memory. It works as n8n's DeduplicationHelper does in "entries" mode: each call
 * reads the row of the workflow and scope, then writes the whole row back (md5 of each item, the
 * newest `maxEntries` kept), with a turn of the event loop between the read and the write, as a
 * database round trip has. So two calls at the same moment race exactly as they do in n8n.
 */
import { createHash } from 'crypto';
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

const databaseRoundTrip = async () => await new Promise<void>((resolve) => setImmediate(resolve));

function rowKey(scope: DeduplicationScope, context: ICheckProcessedContextData): string {
	return `${context.workflow.id}|${scope === 'node' ? `n:${context.node?.id ?? ''}` : ''}`;
}

function hash(item: DeduplicationItemTypes): string {
	return createHash('md5').update(item.toString()).digest('base64');
}

/** The rows of the in-memory table, by workflow and scope: the md5 hashes remembered, oldest first. */
export class InMemoryDeduplicationStore implements IDataDeduplicator {
	readonly rows = new Map<string, string[]>();

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries') throw new Error(`the test store only has mode "entries", not ${options.mode}`);
		const key = rowKey(scope, context);
		const read = this.rows.get(key);
		const stored = read === undefined ? undefined : [...read];
		await databaseRoundTrip();
		const hashes = items.map(hash);
		if (stored === undefined) {
			this.rows.set(key, options.maxEntries ? hashes.slice(-options.maxEntries) : hashes);
			return { new: items, processed: [] };
		}
		const known = new Set(stored);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		hashes.forEach((itemHash, index) => {
			if (known.has(itemHash)) {
				result.processed.push(items[index]);
			} else {
				result.new.push(items[index]);
				stored.push(itemHash);
			}
		});
		this.rows.set(key, options.maxEntries ? stored.slice(-options.maxEntries) : stored);
		return result;
	}

	async removeProcessed(items: DeduplicationItemTypes[], scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		const key = rowKey(scope, context);
		const removed = new Set(items.map(hash));
		this.rows.set(key, (this.rows.get(key) ?? []).filter((itemHash) => !removed.has(itemHash)));
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.rows.delete(rowKey(scope, context));
	}

	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return this.rows.get(rowKey(scope, context))?.length ?? 0;
	}
}

let store: InMemoryDeduplicationStore | undefined;

/** The store n8n-core's deduplication helpers use in this test file (created on first use). */
export async function deduplicationStore(): Promise<InMemoryDeduplicationStore> {
	if (!store) {
		store = new InMemoryDeduplicationStore();
		await DataDeduplicationService.init(store);
	}
	return store;
}
