import type { IDataObject } from 'n8n-workflow';

import type { RecurringSet } from '../../api';
import { transactionRow } from '../../helpers/spreadsheetRows';
import type { FraudFlagger } from './fraudFlags';
import { splitAnalysisOperation } from './splitAnalysis';

type Direction = 'credit' | 'debit';

function setRows(entityId: string, sets: RecurringSet[] = [], direction: Direction, fraud: FraudFlagger) {
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

/** Each transaction of each set as a row, with the set's direction, dates, median and size beside it. */
function setTransactionRows(entityId: string, sets: RecurringSet[] = [], direction: Direction, fraud: FraudFlagger): IDataObject[] {
	return sets.flatMap(({ transactions, ...set }) =>
		transactions.map((transaction) =>
			transactionRow({ entity_id: entityId }, transaction, {
				direction,
				start_date: set.start_date,
				end_date: set.end_date,
				median: set.median,
				transaction_count: transactions.length,
				...fraud.forTransaction(transaction.account_id, transaction.hash),
			}),
		),
	);
}

/** The entity's recurring credits and debits: one item per recurring set, or per transaction of a set. */
export const { description, execute, itemsFor, itemsOf, field } = splitAnalysisOperation({
	operation: 'recurringTransactions',
	field: 'recurring_transactions',
	splitLabel: 'One Item per Recurring Set',
	accountFilter: true,
	split: (response, fraud) => [
		...setRows(response.entity_id, response.transactions.credit_transactions, 'credit', fraud),
		...setRows(response.entity_id, response.transactions.debit_transactions, 'debit', fraud),
	],
	moreOutputs: [
		{
			name: 'One Item per Transaction of a Set',
			value: 'setTransactions',
			description: 'Ready to append as rows: each recurring transaction with its set’s direction, dates, median and count',
			split: (response, fraud) => [
				...setTransactionRows(response.entity_id, response.transactions.credit_transactions, 'credit', fraud),
				...setTransactionRows(response.entity_id, response.transactions.debit_transactions, 'debit', fraud),
			],
		},
	],
});
