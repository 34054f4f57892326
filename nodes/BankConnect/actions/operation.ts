import type { IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** What an operation with several outputs gives for one item: its items for each output, in order. */
export interface RoutedItems {
	routed: INodeExecutionData[][];
}

/**
 * One operation of one resource: its fields and what it does for one input item.
 *
 * An operation that writes has `prepare`: it checks the item's fields and reads its input without
 * sending anything, and the router runs it for every item before the first request of the run, so
 * bad input in any item writes nothing. `execute` then gets what `prepare` returned.
 */
export interface Operation {
	description: INodeProperties[];
	prepare?(this: IExecuteFunctions, itemIndex: number): Promise<unknown>;
	execute(this: IExecuteFunctions, itemIndex: number, prepared: never): Promise<INodeExecutionData[] | RoutedItems>;
	/**
	 * An operation without `prepare` only reads, and its answer depends only on its fields: items whose
	 * fields are all the same are read once and given the same answer (see sharedReads.ts). False for a
	 * read whose answer also depends on the input item itself.
	 */
	shareReads?: false;
	/** Names of the outputs of an operation that routes items (its `execute` returns RoutedItems). */
	outputNames?: string[];
	/** The output that Continue On Fail's error items go to (default the first). */
	errorOutput?: number;
}

/** displayOptions showing a field only for one resource and operation. */
export function showOnlyFor(resource: string, operation: string | string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

/** The fields shown only when `show` holds, each keeping its own conditions. */
export function shownWhen(fields: INodeProperties[], show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...show } },
	}));
}

/** Shows every field of an operation only for that resource and operation, keeping each field's own conditions. */
export function fieldsFor(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return shownWhen(fields, showOnlyFor(resource, operation).show ?? {});
}
