import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getBankCatalogue } from '../api';
import { builtInBankOptions, catalogueBankOptions } from '../helpers/banks';

/** The banks of the account's catalogue for bank dropdowns; the built-in list when the catalogue cannot be read. */
export async function getBanks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const catalogue = await getBankCatalogue(this);
		const options = catalogueBankOptions(Array.isArray(catalogue?.banks) ? catalogue.banks : []);
		if (options.length > 0) return options;
	} catch {
		// a dropdown must still open without the catalogue (no credential yet, an older account, a proxy)
	}
	return builtInBankOptions();
}
