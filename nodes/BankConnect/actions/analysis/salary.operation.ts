import { splitAnalysisOperation } from './splitAnalysis';
import { transactionRows } from './transactionRows';

/** The entity's salary credits. */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'salary',
	field: 'salary',
	splitLabel: 'One Item per Salary Transaction',
	accountFilter: true,
	split: (response, fraud) => transactionRows(response.entity_id, response.transactions, fraud),
});
