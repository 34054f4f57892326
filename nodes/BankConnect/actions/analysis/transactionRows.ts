import type { IDataObject } from 'n8n-workflow';

import type { FraudFlagger } from '../../helpers/fraudFlags';
import type { Transaction } from '../../types';

/** One row per transaction, with its own fraud flags. */
export function transactionRows(transactions: Transaction[], fraud: FraudFlagger): IDataObject[] {
	return transactions.map((transaction) => ({
		...transaction,
		...fraud.forTransactions(transaction.account_id, [transaction.hash]),
	}));
}
