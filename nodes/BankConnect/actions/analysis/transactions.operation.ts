import { splitAnalysisOperation } from './splitAnalysis';
import { transactionRows } from './transactionRows';

/** Every enriched transaction of the entity. */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'transactions',
	field: 'transactions',
	splitLabel: 'One Item per Transaction',
	accountFilter: true,
	split: (response, fraud) => transactionRows(response.entity_id, response.transactions, fraud),
});
