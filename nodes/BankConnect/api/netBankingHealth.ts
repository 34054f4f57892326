import { apiRequest } from '../transport';
import type { RequestContext } from '../transport';
import type { BankCatalogue, BankHealth } from './types';

/** GET /v1/net_banking_health/: whether each bank's net banking is up. */
export async function getNetBankingHealth(context: RequestContext, itemIndex?: number): Promise<BankHealth[]> {
	return await apiRequest<BankHealth[]>(context, { method: 'GET', path: '/v1/net_banking_health/', itemIndex });
}

/** GET /v1/banks/catalogue/: every bank BankConnect knows, with its full name and the modes it offers. */
export async function getBankCatalogue(context: RequestContext, itemIndex?: number): Promise<BankCatalogue> {
	return await apiRequest<BankCatalogue>(context, { method: 'GET', path: '/v1/banks/catalogue/', itemIndex });
}
