import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { BANKS } from '../helpers/banks';

/** The bank identifiers BankConnect accepts, for bank dropdowns. */
export async function getBanks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return BANKS.map((bank) => ({ name: `${bank.name} (${bank.id})`, value: bank.id }));
}
