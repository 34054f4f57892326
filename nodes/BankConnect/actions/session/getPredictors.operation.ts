import { wholeSessionRead } from './sessionRead';

/** GET predictors/: the predictors of a processed session's accounts. */
export const { description, execute } = wholeSessionRead('getPredictors', 'predictors');
