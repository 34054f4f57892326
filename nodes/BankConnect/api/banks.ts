import { apiRequest, list, mustHold } from '../transport';
import type { RequestContext } from '../transport';
import type { BankCatalogue } from './types';

/** GET /v1/banks/catalogue/: every bank of the account with the journey modes it offers. */
export async function getBankCatalogue(context: RequestContext): Promise<BankCatalogue> {
	return await apiRequest<BankCatalogue>(context, { method: 'GET', path: '/v1/banks/catalogue/', answerProblem: mustHold(list('banks')) });
}
