/** A bank the sandbox knows: what the catalogue, the health API and the statement header need. */
export interface SandboxBank {
	/** lowercase identifier used in requests and responses, e.g. `hdfc` */
	id: string;
	fullName: string;
	npciCode: string;
	/** first four letters of the bank's IFSC codes */
	ifscPrefix: string;
	logoUrl: string;
	isPdfUploadAvailable: boolean;
	isNetBankingAvailable: boolean;
	isAaAvailable: boolean;
	/** net-banking health as reported by `GET /v1/net_banking_health/` */
	healthUp: boolean;
	issueDetails: string | null;
}

const LOGO_BASE = 'https://finbox-cdn.s3.ap-south-1.amazonaws.com/bank-logos';

function bank(
	id: string,
	fullName: string,
	code: string,
	health: { up: true } | { up: false; issue: string } = { up: true },
	modes: { netBanking?: boolean; aa?: boolean } = {},
): SandboxBank {
	return {
		id,
		fullName,
		npciCode: code,
		ifscPrefix: code,
		logoUrl: `${LOGO_BASE}/${id}.png`,
		isPdfUploadAvailable: true,
		isNetBankingAvailable: modes.netBanking ?? true,
		isAaAvailable: modes.aa ?? true,
		healthUp: health.up,
		issueDetails: health.up ? null : health.issue,
	};
}

/** Every bank the sandbox serves, in catalogue order. */
export const BANKS: SandboxBank[] = [
	bank('axis', 'Axis Bank', 'UTIB'),
	bank('hdfc', 'HDFC Bank', 'HDFC', {
		up: false,
		issue: 'Some cases are failing, when users are entering wrong captcha',
	}),
	bank('sbi', 'State Bank of India', 'SBIN'),
	bank('icici', 'ICICI Bank', 'ICIC'),
	bank('kotak', 'Kotak Mahindra Bank', 'KKBK'),
	bank('boi', 'Bank of India', 'BKID'),
	bank('baroda', 'Bank of Baroda', 'BARB'),
	bank('canara', 'Canara Bank', 'CNRB'),
	bank('central', 'Central Bank of India', 'CBIN', {
		up: false,
		issue: 'Bank website is down for scheduled maintenance',
	}),
	bank('idbi', 'IDBI Bank', 'IBKL'),
	bank('idfc', 'IDFC FIRST Bank', 'IDFB'),
	bank('indusind', 'IndusInd Bank', 'INDB'),
	bank('iob', 'Indian Overseas Bank', 'IOBA', { up: true }, { aa: false }),
	bank('pnbbnk', 'Punjab National Bank', 'PUNB'),
	bank('ubi', 'Union Bank of India', 'UBIN'),
	bank('uco', 'UCO Bank', 'UCBA', {
		up: false,
		issue: 'OTP is not being delivered to registered mobile numbers',
	}),
	bank('yesbnk', 'Yes Bank', 'YESB'),
	bank('federal', 'The Federal Bank', 'FDRL'),
	bank('rbl', 'RBL Bank', 'RATN'),
	bank('ausfbnk', 'AU Small Finance Bank', 'AUBL'),
	bank('dcbbnk', 'DCB Bank', 'DCBL', { up: true }, { aa: false }),
	bank('citi', 'Citibank', 'CITI', { up: true }, { netBanking: false, aa: false }),
	bank('hsbc', 'HSBC', 'HSBC', { up: true }, { aa: false }),
	bank('stanchar', 'Standard Chartered Bank', 'SCBL'),
];

/** The bank with this identifier (case-insensitive), or undefined. */
export function findBank(id: string): SandboxBank | undefined {
	const wanted = id.trim().toLowerCase();
	return BANKS.find((b) => b.id === wanted);
}
