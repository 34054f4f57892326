import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSessionIdentity } from '../../api';
import { fieldsFor } from '../operation';
import { readProcessedSession, sessionReadFields } from './sessionRead';

export const description: INodeProperties[] = fieldsFor('session', 'getIdentity', [
	...sessionReadFields,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Identity', value: 'split', description: 'Each account holder with session_id and account_id, ready to append as a row' },
			{ name: 'Whole Response', value: 'whole', description: 'As BankConnect returns it, with the accounts' },
		],
		default: 'split',
	},
]);

/** GET identity/: the account holders of a processed session. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const output = this.getNodeParameter('output', itemIndex) as 'split' | 'whole';
	const response = await readProcessedSession(this, itemIndex, async (sessionId) => await getSessionIdentity(this, sessionId, itemIndex));
	if (output === 'whole') return [{ json: { ...response } as IDataObject }];
	return (response.identity ?? []).map((identity) => ({ json: { session_id: response.session_id, ...identity } }));
}
