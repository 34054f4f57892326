import { splitAnalysisOperation } from './splitAnalysis';
import { transactionRows } from './transactionRows';

/** GET /v1/entity/<entity_id>/transactions/ */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'transactions',
	field: 'transactions',
	splitLabel: 'One Item per Transaction',
	split: (response, fraud) => transactionRows(response.entity_id, response.transactions, fraud),
});
