import { apiRequest, mustBeList } from '../transport';
import type { RequestContext } from '../transport';
import type { BankHealth } from './types';

/** GET /v1/net_banking_health/: whether each bank's net banking is up. */
export async function getNetBankingHealth(context: RequestContext, itemIndex?: number): Promise<BankHealth[]> {
	return await apiRequest<BankHealth[]>(context, { method: 'GET', path: '/v1/net_banking_health/', itemIndex, answerProblem: mustBeList });
}
