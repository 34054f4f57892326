import type { IDataObject } from 'n8n-workflow';

import type { TopByMonth } from '../../api';
import { splitAnalysisOperation } from './splitAnalysis';

function rowsOf(entityId: string, direction: 'credit' | 'debit', byMonth: TopByMonth | undefined): IDataObject[] {
	return Object.entries(byMonth ?? {}).flatMap(([month, notes]) =>
		Object.entries(notes ?? {}).map(([transactionNote, amount], index) => ({
			entity_id: entityId,
			direction,
			month,
			rank: index + 1,
			transaction_note: transactionNote,
			amount,
		})),
	);
}

/** The five largest credits and debits of each month (top_credits_debits/). */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'topCreditsDebits',
	field: 'top_credits_debits',
	splitLabel: 'One Item per Top Credit or Debit',
	splitDescription: 'Each of the top five credits and debits of every month: entity_id, direction, month, rank, transaction_note, amount',
	split: (response) => [
		...rowsOf(response.entity_id, 'credit', response.top_5_credit_debit?.top_5_credit),
		...rowsOf(response.entity_id, 'debit', response.top_5_credit_debit?.top_5_debit),
	],
});
