import type { IDataObject } from 'n8n-workflow';

import type { Transaction } from '../../api';
import { transactionRow } from '../../helpers/spreadsheetRows';
import type { FraudFlagger } from './fraudFlags';

/** One row per transaction of an entity, with its own fraud flags, in spreadsheet column order. */
export function transactionRows(entityId: string, transactions: Transaction[], fraud: FraudFlagger): IDataObject[] {
	return transactions.map((transaction) =>
		transactionRow({
			entity_id: entityId,
			...transaction,
			...fraud.forTransactions(transaction.account_id, [transaction.hash]),
		}),
	);
}
