import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionUploadStatus } from '../../api';
import { fieldsFor } from '../operation';
import { sessionIdField, sessionIdOf } from './sessionId';

export const description: INodeProperties[] = fieldsFor('session', 'getUploadStatus', [
	sessionIdField,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Whole Response', value: 'whole', description: 'One item: the upload status and every account with its statements' },
			{
				name: 'One Item per Statement',
				value: 'statements',
				description: 'Each uploaded statement with session_id, account_id, account_number and bank_name',
			},
		],
		default: 'whole',
	},
]);

/** What the customer has uploaded so far. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const output = this.getNodeParameter('output', itemIndex) as 'whole' | 'statements';
	const status = await getSessionUploadStatus(this, sessionId, itemIndex);
	if (output === 'whole') return [{ json: { ...status } as IDataObject }];
	return (status.accounts ?? []).flatMap((account) =>
		account.statements.map((statement) => ({
			json: {
				session_id: status.session_id,
				account_id: account.account_id,
				account_number: account.account_number,
				bank_name: account.bank_name,
				...statement,
			},
		})),
	);
}
