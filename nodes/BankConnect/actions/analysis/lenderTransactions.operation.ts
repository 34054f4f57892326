import { splitAnalysisOperation } from './splitAnalysis';
import { transactionRows } from './transactionRows';

/** GET /v1/entity/<entity_id>/lender_transactions/ */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'lenderTransactions',
	field: 'lender_transactions',
	splitLabel: 'One Item per Lender Transaction',
	split: (response, fraud) => transactionRows(response.entity_id, response.transactions, fraud),
});
