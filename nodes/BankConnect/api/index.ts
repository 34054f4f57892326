export * from './banks';
export * from './entity';
export * from './netBankingHealth';
export * from './runLedger';
export * from './session';
export * from './statement';
export * from './webhook';
export { idProblem, segment } from './segment';
export type * from './types';
