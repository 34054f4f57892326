import { splitAnalysisOperation } from './splitAnalysis';

/** GET /v1/entity/<entity_id>/accounts/ */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'accounts',
	field: 'accounts',
	splitLabel: 'One Item per Account',
	split: (response, fraud) =>
		response.accounts.map((account) => ({ entity_id: response.entity_id, ...account, ...fraud.forAccount(account.account_id) })),
});
