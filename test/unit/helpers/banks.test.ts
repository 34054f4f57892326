/** The node's built-in bank list is the docs' appendix, as the sandbox's catalogue is (they must not drift apart). */
import { BUILT_IN_BANKS } from '../../../nodes/BankConnect/helpers/bankList';
import { isBankIdentifier } from '../../../nodes/BankConnect/helpers/banks';
import { BANK_CATALOGUE } from '../../../sandbox/bankCatalogue';

test('the 346 identifiers, full names and net-banking flags of the appendix, as the sandbox serves them', () => {
	expect(BUILT_IN_BANKS).toHaveLength(346);
	expect(BUILT_IN_BANKS).toEqual(BANK_CATALOGUE);
	expect(BUILT_IN_BANKS.filter(([, , netBanking]) => netBanking).map(([id]) => id).sort()).toEqual(
		['ALLAHABAD', 'AXIS', 'BOI', 'CANARA', 'FEDERAL', 'HDFC', 'ICICI', 'IDFC', 'INDBNK', 'INDUSIND', 'KARNATAKA', 'KOTAK', 'PNBBNK', 'RBL', 'SBI', 'SIB', 'UBI', 'YESBNK'],
	);
});

test('every documented identifier passes validation, in any case', () => {
	for (const [identifier] of BUILT_IN_BANKS) {
		expect([identifier, isBankIdentifier(identifier), isBankIdentifier(identifier.toLowerCase()), isBankIdentifier(identifier.toUpperCase())]).toEqual([identifier, true, true, true]);
	}
});
