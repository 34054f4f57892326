import { splitAnalysisOperation } from './splitAnalysis';

/** Each account's BankConnect score (300–900). */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'score',
	field: 'score',
	splitLabel: 'One Item per Account',
	splitDescription: 'Each account’s score (300–900) with entity_id and account_id',
	emptyUntilAnalysed: 'The score',
	split: (response) => (response.score ?? []).map((entry) => ({ entity_id: response.entity_id, ...entry })),
});
