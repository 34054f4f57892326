import type { ApiTransaction, ExpenseCategory } from './types';

/** Channels that name the spending when no merchant category does. */
const CHANNEL_CATEGORIES: Record<string, string> = {
	upi: 'Transfers',
	net_banking_transfer: 'Transfers',
	self_transfer: 'Transfers',
	cash_withdrawl: 'Cash',
	bill_payment: 'Bills',
	debit_card: 'Shopping',
	investment: 'Investments',
};

function categoryOf(transaction: ApiTransaction): string {
	if (transaction.description === 'lender_transaction') return 'Loans';
	if (transaction.merchant_category) return transaction.merchant_category[0].toUpperCase() + transaction.merchant_category.slice(1);
	return CHANNEL_CATEGORIES[transaction.transaction_channel] ?? 'Others';
}

/**
 * Spending by category (a merchant category, else the channel), as whole percentages of the debited
 * amount that add up to exactly 100 (largest remainders get the rounding), largest first.
 */
export function expenseCategories(transactions: ApiTransaction[]): ExpenseCategory[] {
	const totals = new Map<string, number>();
	for (const t of transactions) if (t.transaction_type === 'debit') totals.set(categoryOf(t), (totals.get(categoryOf(t)) ?? 0) + t.amount);
	const all = [...totals.values()].reduce((a, b) => a + b, 0);
	if (all === 0) return [];
	const shares = [...totals].map(([category, amount]) => ({ category, exact: (amount / all) * 100 }));
	const result = shares.map((s) => ({ category: s.category, percentage: Math.floor(s.exact), remainder: s.exact - Math.floor(s.exact) }));
	let missing = 100 - result.reduce((total, s) => total + s.percentage, 0);
	for (const share of [...result].sort((a, b) => b.remainder - a.remainder || a.category.localeCompare(b.category))) {
		if (missing <= 0) break;
		share.percentage += 1;
		missing -= 1;
	}
	return result
		.filter((s) => s.percentage > 0)
		.sort((a, b) => b.percentage - a.percentage || a.category.localeCompare(b.category))
		.map(({ category, percentage }) => ({ category, percentage }));
}
