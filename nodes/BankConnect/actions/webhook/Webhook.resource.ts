import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

export const webhookOperations: Record<string, Operation> = {};

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [],
		default: '',
	},
];
