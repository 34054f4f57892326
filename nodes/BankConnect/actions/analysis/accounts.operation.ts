import { splitAnalysisOperation } from './splitAnalysis';

/** The bank accounts found in the entity's statements. */
export const { description, execute, itemsFor, itemsOf, field } = splitAnalysisOperation({
	operation: 'accounts',
	field: 'accounts',
	splitLabel: 'One Item per Account',
	split: (response, fraud) =>
		response.accounts.map((account) => ({ entity_id: response.entity_id, ...account, ...fraud.forAccount(account.account_id) })),
});
