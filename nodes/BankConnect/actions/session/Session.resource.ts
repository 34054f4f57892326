import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as create from './create.operation';
import * as deleteSession from './delete.operation';
import * as getInsights from './getInsights.operation';
import * as getPdfs from './getPdfs.operation';
import * as getProgress from './getProgress.operation';
import * as getStatus from './getStatus.operation';
import * as getUploadStatus from './getUploadStatus.operation';
import * as initiateProcessing from './initiateProcessing.operation';

export const sessionOperations: Record<string, Operation> = {
	create,
	getUploadStatus,
	initiateProcessing,
	getProgress,
	getStatus,
	getInsights,
	getPdfs,
	delete: deleteSession,
};

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a session', description: 'Create a customer journey link to upload statements or consent' },
			{ name: 'Delete', value: 'delete', action: 'Delete a session', description: 'Remove a session and its data' },
			{ name: 'Get Insights', value: 'getInsights', action: 'Get the insights of a session', description: 'Transactions, balances and more of every account, once processed' },
			{ name: 'Get PDFs', value: 'getPdfs', action: 'Get the statement PDFs of a session', description: 'List the uploaded statements, optionally downloading each PDF' },
			{ name: 'Get Progress', value: 'getProgress', action: 'Get the processing progress of a session', description: 'Whether processing is complete, optionally waiting for it' },
			{ name: 'Get Status', value: 'getStatus', action: 'Get the status of a session', description: 'Each account completed or failed, once processed' },
			{ name: 'Get Upload Status', value: 'getUploadStatus', action: 'Get the upload status of a session', description: 'The accounts and statements the customer has uploaded so far' },
			{ name: 'Initiate Processing', value: 'initiateProcessing', action: 'Initiate processing of a session', description: 'Start the analysis, optionally waiting for the insights' },
		],
		default: 'create',
	},
	...create.description,
	...getUploadStatus.description,
	...initiateProcessing.description,
	...getProgress.description,
	...getStatus.description,
	...getInsights.description,
	...getPdfs.description,
	...deleteSession.description,
];
