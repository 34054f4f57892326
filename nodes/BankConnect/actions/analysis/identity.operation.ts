import { splitAnalysisOperation } from './splitAnalysis';

/** The account holders found in the entity's statements. */
export const { description, execute, itemsFor, itemsOf, field } = splitAnalysisOperation({
	operation: 'identity',
	field: 'identity',
	splitLabel: 'One Item per Identity',
	split: (response, fraud) =>
		response.identity.map((identity) => ({ entity_id: response.entity_id, ...identity, ...fraud.forAccount(identity.account_id) })),
});
