import { wholeSessionRead } from './sessionRead';

/** GET transactions/: every transaction of a processed session, as BankConnect sends it. */
export const { description, execute } = wholeSessionRead('getTransactions', 'transactions');
