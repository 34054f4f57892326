import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as getMissedPayloads from './getMissedPayloads.operation';
import * as updateUrl from './updateUrl.operation';

export const webhookOperations: Record<string, Operation> = { updateUrl, getMissedPayloads };

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Get Missed Payloads',
				value: 'getMissedPayloads',
				action: 'Get missed webhook payloads',
				description: 'Replay the entity-flow deliveries BankConnect kept for link IDs',
			},
			{
				name: 'Update URL',
				value: 'updateUrl',
				action: 'Update the webhook URL',
				description: "Set the account's webhook URL of the entity or session flow",
			},
		],
		default: 'updateUrl',
	},
	...updateUrl.description,
	...getMissedPayloads.description,
];
