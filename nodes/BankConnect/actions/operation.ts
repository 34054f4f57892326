import type { IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation of one resource: its fields and what it does for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
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
