import type { IDataObject } from 'n8n-workflow';

import type { Transaction } from '../../api';
import { transactionRow } from '../../helpers/spreadsheetRows';
import type { FraudFlagger } from './fraudFlags';

/** One row per transaction of an entity, with its own fraud flags, in spreadsheet column order. */
export function transactionRows(entityId: string, transactions: Transaction[], fraud: FraudFlagger): IDataObject[] {
	const entity = { entity_id: entityId };
	return transactions.map((transaction) =>
		transactionRow(entity, transaction, fraud.forTransaction(transaction.account_id, transaction.hash)),
	);
}
