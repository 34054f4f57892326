import { splitAnalysisOperation } from './splitAnalysis';
import { transactionRows } from './transactionRows';

/** GET /v1/entity/<entity_id>/salary/ */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'salary',
	field: 'salary',
	splitLabel: 'One Item per Salary Transaction',
	split: (response, fraud) => transactionRows(response.entity_id, response.transactions, fraud),
});
