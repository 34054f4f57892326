import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as upload from './upload.operation';

export const statementOperations: Record<string, Operation> = { upload };

export const statementDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statement'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a statement',
				description: 'Send a statement PDF (file, base64 or URL) to an entity or session, optionally waiting for its analysis',
			},
		],
		default: 'upload',
	},
	...upload.description,
];
