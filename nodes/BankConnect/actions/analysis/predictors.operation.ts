import { splitAnalysisOperation } from './splitAnalysis';

/** Each account's predictors (income, expense, balances, EMIs by month; FinBox marks them beta). */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'predictors',
	field: 'predictors',
	splitLabel: 'One Item per Account',
	splitDescription: 'Each account’s predictors as columns, with entity_id and account_id',
	emptyUntilAnalysed: 'The predictors',
	split: (response) =>
		(response.predictors ?? []).map((entry) => ({ entity_id: response.entity_id, account_id: entry.account_id, ...entry.predictors })),
});
