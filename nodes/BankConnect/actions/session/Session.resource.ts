import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

export const sessionOperations: Record<string, Operation> = {};

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [],
		default: '',
	},
];
