import { wholeSessionRead } from './sessionRead';

/** GET monthly_analysis_updated/: the monthly analysis of a processed session's accounts. */
export const { description, execute } = wholeSessionRead('getMonthlyAnalysis', 'monthly_analysis_updated');
