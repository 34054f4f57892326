/** Labels a transaction from its narration: channel, description and merchant category (contract vocabularies). */

export interface Enrichment {
	transaction_channel: string;
	description: string;
	merchant_category: string;
}

const LENDER_WORDS = /\b(EMI|LOAN|FINANCE|FINANCIAL|CAPITAL|CREDIT INDIA)\b/;

const MERCHANT_CATEGORIES: Array<[RegExp, string]> = [
	[/SWIGGY|ZOMATO|STARBUCKS|DOMINOS|MCDONALD/, 'food'],
	[/BIGBASKET|BLINKIT|DMART|RELIANCE SMART|GROFERS|ZEPTO/, 'groceries'],
	[/AMAZON|FLIPKART|MYNTRA|CROMA|AJIO/, 'shopping'],
	[/UBER|OLA CABS|IRCTC|MAKEMYTRIP|INDIGO|REDBUS/, 'travel'],
	[/APOLLO|PHARMACY|HOSPITAL|MEDPLUS/, 'medical'],
	[/INDIAN OIL|PETROL|SHELL|HPCL|BPCL/, 'fuel'],
	[/BOOKMYSHOW|NETFLIX|HOTSTAR|SPOTIFY|PVR/, 'entertainment'],
	[/ZERODHA|UPSTOX|ANGEL ONE/, 'trading'],
	[/GROWW|MUTUAL FUND|\bSIP\b/, 'investments'],
	[/PAYTM WALLET|MOBIKWIK|PHONEPE WALLET/, 'ewallet'],
	[/LIC |INSURANCE/, 'insurance'],
	[/ELECTRICITY|POSTPAID|BILLPAY|BROADBAND/, 'bills'],
];

/** Channel, description and merchant category of one statement line. */
export function enrich(narration: string, type: 'debit' | 'credit'): Enrichment {
	const note = narration.toUpperCase();
	const merchant = MERCHANT_CATEGORIES.find(([pattern]) => pattern.test(note))?.[1] ?? '';
	const result = (transaction_channel: string, description = '', merchant_category = merchant): Enrichment => ({
		transaction_channel,
		description,
		merchant_category,
	});

	if (type === 'credit' && /SALARY|\bSAL\b/.test(note)) return result('salary');
	if (/^(ACH|NACH|ECS)\b/.test(note)) {
		if (type === 'debit') return LENDER_WORDS.test(note) ? result('auto_debit_payment', 'lender_transaction', 'loans') : result('auto_debit_payment');
		return result('auto_credit');
	}
	if (/^ATM\b/.test(note)) return type === 'debit' ? result('cash_withdrawl') : result('cash_deposit', 'deposit_by_machine');
	if (/^POS\b/.test(note)) return result('debit_card');
	if (/^BILLPAY\b/.test(note)) {
		if (/ELECTRICITY|POWER/.test(note)) return result('bill_payment', 'electric_bill', 'bills');
		if (/AIRTEL|JIO|VODAFONE|POSTPAID|BSNL/.test(note)) return result('bill_payment', 'telco_bill', 'bills');
		if (/CREDIT CARD/.test(note)) return result('bill_payment', 'credit_card_bill', 'bills');
		return result('bill_payment', '', 'bills');
	}
	if (/INTEREST|INT\.PD/.test(note) && type === 'credit') return result('bank_interest');
	if (/CHARGES|\bCHG\b/.test(note) && type === 'debit') return result('bank_charge');
	if (/^UPI\b/.test(note)) return result('upi');
	if (/^(NEFT|IMPS|RTGS)\b/.test(note)) {
		if (type === 'credit' && (merchant === 'trading' || merchant === 'investments')) return result('investment_cashin');
		if (type === 'debit' && (merchant === 'trading' || merchant === 'investments')) return result('investment');
		return result('net_banking_transfer');
	}
	return result('Others');
}

/** Who is on the other side, for grouping recurring payments ("UPI/NETFLIX/…" → "NETFLIX"). */
export function counterparty(narration: string): string {
	const note = narration.toUpperCase();
	const parts = note.split(/[/]/).map((part) => part.trim());
	if (/^(UPI|ACH|NACH|ECS|BILLPAY)\b/.test(note) && parts[1]) return parts[1];
	if (/^IMPS\b/.test(note) && parts.length > 2) return parts.slice(1).join(' ');
	if (/^(NEFT|RTGS)-/.test(note)) return note.split('-')[1]?.trim() ?? note;
	if (/^POS\b/.test(note) && parts[1]) return parts[1];
	return note.replace(/\d+/g, '').trim();
}

/** The employer's name in a salary narration ("NEFT-ACME LTD-SALARY" → "ACME LTD"). */
export function cleanSalaryNote(narration: string): string {
	return counterparty(narration).replace(/\s*SALARY.*$/, '').trim();
}
