/** Bank identifiers BankConnect accepts (a part of FinBox's list); responses use them in lowercase. */
export const BANKS: ReadonlyArray<{ id: string; name: string }> = [
	{ id: 'ausfbnk', name: 'AU Small Finance Bank' },
	{ id: 'axis', name: 'Axis Bank' },
	{ id: 'baroda', name: 'Bank of Baroda' },
	{ id: 'boi', name: 'Bank of India' },
	{ id: 'canara', name: 'Canara Bank' },
	{ id: 'central', name: 'Central Bank of India' },
	{ id: 'citi', name: 'Citibank' },
	{ id: 'dcbbnk', name: 'DCB Bank' },
	{ id: 'federal', name: 'Federal Bank' },
	{ id: 'hdfc', name: 'HDFC Bank' },
	{ id: 'hsbc', name: 'HSBC' },
	{ id: 'icici', name: 'ICICI Bank' },
	{ id: 'idbi', name: 'IDBI Bank' },
	{ id: 'idfc', name: 'IDFC First Bank' },
	{ id: 'indusind', name: 'IndusInd Bank' },
	{ id: 'iob', name: 'Indian Overseas Bank' },
	{ id: 'kotak', name: 'Kotak Mahindra Bank' },
	{ id: 'pnbbnk', name: 'Punjab National Bank' },
	{ id: 'rbl', name: 'RBL Bank' },
	{ id: 'sbi', name: 'State Bank of India' },
	{ id: 'stanchar', name: 'Standard Chartered' },
	{ id: 'ubi', name: 'Union Bank of India' },
	{ id: 'uco', name: 'UCO Bank' },
	{ id: 'yesbnk', name: 'Yes Bank' },
];

const KNOWN_IDS = new Set(BANKS.map((bank) => bank.id));

export function isKnownBank(id: string): boolean {
	return KNOWN_IDS.has(id.trim().toLowerCase());
}
