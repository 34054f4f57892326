import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fieldsFor } from '../operation';
import { insightsOutputField, readInsightsItems } from './insightsOutput';
import type { InsightsOutput } from './insightsOutput';
import { sessionIdField, sessionIdOf } from './sessionId';

export const description: INodeProperties[] = fieldsFor('session', 'getInsights', [sessionIdField, insightsOutputField]);

/** GET insights/: transactions, salary, balances and more for every account of a processed session. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = sessionIdOf(this, itemIndex);
	const output = this.getNodeParameter('output', itemIndex) as InsightsOutput;
	return await readInsightsItems(this, sessionId, output, itemIndex);
}
