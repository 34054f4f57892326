import type { RecurringSet } from '../../api';
import type { FraudFlagger } from './fraudFlags';
import { splitAnalysisOperation } from './splitAnalysis';

function setRows(entityId: string, sets: RecurringSet[], direction: 'credit' | 'debit', fraud: FraudFlagger) {
	return sets.map((set) => ({
		entity_id: entityId,
		direction,
		...set,
		transaction_count: set.transactions.length,
		...fraud.forTransactions(
			set.account_id,
			set.transactions.map((transaction) => transaction.hash),
		),
	}));
}

/** The entity's recurring credits and debits: one item per recurring set. */
export const { description, execute, itemsFor, itemsOf, field } = splitAnalysisOperation({
	operation: 'recurringTransactions',
	field: 'recurring_transactions',
	splitLabel: 'One Item per Recurring Set',
	accountFilter: true,
	split: (response, fraud) => [
		...setRows(response.entity_id, response.transactions.credit_transactions, 'credit', fraud),
		...setRows(response.entity_id, response.transactions.debit_transactions, 'debit', fraud),
	],
});
