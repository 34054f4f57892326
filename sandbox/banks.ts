import { BANK_CATALOGUE } from './bankCatalogue';

/** A bank the sandbox knows: what the catalogue, the health API and the statement header need. */
export interface SandboxBank {
	/** lowercase identifier used in requests and responses, e.g. `hdfc` */
	id: string;
	/** the identifier as the vendor's bank list spells it, e.g. `HDFC` (the catalogue's `name`) */
	identifier: string;
	fullName: string;
	/** the bank's IFSC / NPCI code, null where the sandbox does not know it (as the catalogue allows) */
	npciCode: string | null;
	/** first four letters of the bank's IFSC codes (printed on generated statements) */
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

/** IFSC codes of the banks the sandbox's statements and tests use most; the others answer `npci_code: null`. */
const NPCI_CODES: Record<string, string> = {
	axis: 'UTIB', hdfc: 'HDFC', sbi: 'SBIN', icici: 'ICIC', kotak: 'KKBK', boi: 'BKID', baroda: 'BARB', canara: 'CNRB',
	central: 'CBIN', idbi: 'IBKL', idfc: 'IDFB', indusind: 'INDB', iob: 'IOBA', pnbbnk: 'PUNB', ubi: 'UBIN', uco: 'UCBA',
	yesbnk: 'YESB', federal: 'FDRL', rbl: 'RATN', ausfbnk: 'AUBL', dcbbnk: 'DCBL', citi: 'CITI', hsbc: 'HSBC', stanchar: 'SCBL',
	bandhan: 'BDBL', mahabk: 'MAHB', indbnk: 'IDIB', karnataka: 'KARB', sib: 'SIBL', city_union: 'CIUB', dbsbnk: 'DBSS',
};

/** Banks offering Account Aggregator in the sandbox: a fixed mix, so some modes are unavailable (MODE_NOT_AVAILABLE). */
const AA_BANKS = new Set([
	'axis', 'hdfc', 'icici', 'kotak', 'indusind', 'idfc', 'federal', 'yesbnk', 'ausfbnk', 'pnbbnk', 'ubi', 'idbi', 'rbl', 'boi',
	'bandhan', 'sib', 'karnataka', 'indbnk', 'mahabk', 'dbsbnk', 'city_union', 'csbbnk', 'stanchar',
]);

/** Net-banking outages the health API reports (everything else is up). */
const OUTAGES: Record<string, string> = {
	hdfc: 'Some cases are failing, when users are entering wrong captcha',
	central: 'Bank website is down for scheduled maintenance',
	uco: 'OTP is not being delivered to registered mobile numbers',
};

function ifscPrefixOf(id: string): string {
	return id.replace(/[^a-z]/g, '').slice(0, 4).toUpperCase().padEnd(4, 'X');
}

function bank([identifier, fullName, netBanking]: (typeof BANK_CATALOGUE)[number]): SandboxBank {
	const id = identifier.toLowerCase();
	const npciCode = NPCI_CODES[id] ?? null;
	const issue = OUTAGES[id];
	return {
		id,
		identifier,
		fullName,
		npciCode,
		ifscPrefix: npciCode ?? ifscPrefixOf(id),
		logoUrl: `${LOGO_BASE}/${encodeURIComponent(id)}.png`,
		isPdfUploadAvailable: true,
		isNetBankingAvailable: netBanking,
		isAaAvailable: AA_BANKS.has(id),
		healthUp: issue === undefined,
		issueDetails: issue ?? null,
	};
}

/** Every bank the sandbox serves (the public appendix's 346 identifiers), in catalogue order. */
export const BANKS: SandboxBank[] = BANK_CATALOGUE.map(bank);

const BY_ID = new Map(BANKS.map((b) => [b.id, b]));

/** The bank with this identifier (case-insensitive), or undefined. */
export function findBank(id: string): SandboxBank | undefined {
	return BY_ID.get(id.trim().toLowerCase());
}
