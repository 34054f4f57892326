import { wholeSessionRead } from './sessionRead';

/** GET eod_balances/: the end-of-day balances of a processed session's accounts. */
export const { description, execute } = wholeSessionRead('getEodBalances', 'eod_balances');
