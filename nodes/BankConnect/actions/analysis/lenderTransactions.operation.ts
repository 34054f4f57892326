import { splitAnalysisOperation } from './splitAnalysis';
import { transactionRows } from './transactionRows';

/** The entity's loan disbursals and EMI payments. */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'lenderTransactions',
	field: 'lender_transactions',
	splitLabel: 'One Item per Lender Transaction',
	accountFilter: true,
	split: (response, fraud) => transactionRows(response.entity_id, response.transactions, fraud),
});
