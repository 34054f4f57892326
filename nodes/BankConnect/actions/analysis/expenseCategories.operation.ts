import { splitAnalysisOperation } from './splitAnalysis';

/** Share of the entity's spending by category (get_expense_categories/). */
export const { description, execute, itemsFor } = splitAnalysisOperation({
	operation: 'expenseCategories',
	field: 'get_expense_categories',
	splitLabel: 'One Item per Category',
	splitDescription: 'Each category with entity_id and its whole percentage of the debited amount (they add up to 100)',
	accountFilter: true,
	split: (response) => (response.categories ?? []).map((category) => ({ entity_id: response.entity_id, ...category })),
});
