import type { INodePropertyOptions } from 'n8n-workflow';

import type { CatalogueBank } from '../api';
import { BUILT_IN_BANKS } from './bankList';

/**
 * A bank identifier as BankConnect spells them: a letter, then letters, digits and underscores, at
 * most 50 characters (the API's limit for bank_name). Any case; requests use lower case.
 */
const IDENTIFIER = /^[a-z][a-z0-9_]{0,49}$/i;

const BUILT_IN_IDS = new Set(BUILT_IN_BANKS.map(([identifier]) => identifier.toLowerCase()));

/** Whether the text can be a bank identifier; the appendix's two with a space (e.g. "PUNE MERCHANTS") are accepted as listed. */
export function isBankIdentifier(text: string): boolean {
	return IDENTIFIER.test(text) || BUILT_IN_IDS.has(text.toLowerCase());
}

/** The identifier of a bank given by its full name (e.g. "hdfc bank" → "hdfc"), to suggest it. */
export function identifierOfBankName(text: string): string | undefined {
	const wanted = text.trim().toLowerCase();
	const found = BUILT_IN_BANKS.find(([, fullName]) => fullName.toLowerCase() === wanted);
	return found?.[0].toLowerCase();
}

function bankOption(identifier: string, fullName: string, modes: string[]): INodePropertyOptions {
	const id = identifier.toLowerCase();
	return {
		name: `${fullName} (${id})`,
		value: id,
		description: modes.length > 0 ? modes.join(', ') : 'No journey mode offered',
	};
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

/** Dropdown options from the catalogue: full name, the identifier as value, and the modes the bank offers. */
export function catalogueBankOptions(banks: CatalogueBank[]): INodePropertyOptions[] {
	const seen = new Set<string>();
	const options: INodePropertyOptions[] = [];
	for (const bank of banks) {
		if (typeof bank?.name !== 'string' || !isBankIdentifier(bank.name) || seen.has(bank.name.toLowerCase())) continue;
		seen.add(bank.name.toLowerCase());
		const modes = [
			bank.is_pdf_upload_available === true ? 'PDF upload' : undefined,
			bank.is_net_banking_available === true ? 'net banking' : undefined,
			bank.is_aa_available === true ? 'Account Aggregator' : undefined,
		].filter((mode): mode is string => mode !== undefined);
		const fullName = typeof bank.full_name === 'string' && bank.full_name.trim() !== '' ? bank.full_name.trim() : bank.name;
		options.push(bankOption(bank.name, fullName, modes));
	}
	return options.sort(byName);
}

/** Dropdown options from the built-in list: the appendix names PDF upload and net banking (Account Aggregator only the catalogue knows). */
export function builtInBankOptions(): INodePropertyOptions[] {
	return BUILT_IN_BANKS.map(([identifier, fullName, netBanking]) =>
		bankOption(identifier, fullName, netBanking ? ['PDF upload', 'net banking'] : ['PDF upload']),
	).sort(byName);
}
