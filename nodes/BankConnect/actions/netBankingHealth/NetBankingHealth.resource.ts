import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as get from './get.operation';

export const netBankingHealthOperations: Record<string, Operation> = { get };

export const netBankingHealthDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['netBankingHealth'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get net banking health', description: 'Whether each bank’s net banking is up' },
		],
		default: 'get',
	},
	...get.description,
];
