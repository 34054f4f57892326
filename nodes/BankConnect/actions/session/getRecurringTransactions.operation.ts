import { wholeSessionRead } from './sessionRead';

/** GET recurring_transactions/: the recurring credits and debits of a processed session. */
export const { description, execute } = wholeSessionRead('getRecurringTransactions', 'recurring_transactions');
