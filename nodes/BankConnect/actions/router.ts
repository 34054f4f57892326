import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runItemsInSlots } from '../helpers/concurrency';
import { asNodeError, errorItem, unsupportedOperationError } from '../transport';
import { analysisOperations } from './analysis/Analysis.resource';
import { entityOperations } from './entity/Entity.resource';
import { netBankingHealthOperations } from './netBankingHealth/NetBankingHealth.resource';
import { sessionOperations } from './session/Session.resource';
import { statementOperations } from './statement/Statement.resource';
import { webhookOperations } from './webhook/Webhook.resource';
import type { Operation } from './operation';

/** Items working at the same time (waiting items don't count): enough to hide latency, few enough to respect rate limits. */
export const ITEM_CONCURRENCY = 5;

const RESOURCES: Record<string, Record<string, Operation>> = {
	entity: entityOperations,
	analysis: analysisOperations,
	netBankingHealth: netBankingHealthOperations,
	statement: statementOperations,
	session: sessionOperations,
	webhook: webhookOperations,
};

/** Runs the chosen operation for every input item; each output item is paired with its input. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES[resource]?.[operationName];
	if (!operation) {
		throw unsupportedOperationError(this.getNode(), resource, operationName);
	}
	const continueOnFail = this.continueOnFail();

	const results = await runItemsInSlots(this, items.length, ITEM_CONCURRENCY, async (itemIndex) => {
		try {
			const output = await operation.execute.call(this, itemIndex);
			return output.map((item) => ({ ...item, pairedItem: item.pairedItem ?? { item: itemIndex } }));
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught, itemIndex);
			if (continueOnFail) return [errorItem(error, itemIndex)];
			error.context.itemIndex ??= itemIndex;
			throw error;
		}
	});
	return [results.flat()];
}
