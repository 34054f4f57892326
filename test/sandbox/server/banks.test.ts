/**
 * Every bank of the vendor's public list: the catalogue serves all 346 identifiers with their full
 * names and modes, and the health API, uploads and session create accept each of them.
 */
import { BANK_CATALOGUE } from '../../../sandbox/bankCatalogue';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, type TestSandbox } from './harness';

interface CatalogueBank {
	name: string;
	full_name: string;
	npci_code: string | null;
	logo_url: string;
	is_pdf_upload_available: boolean;
	is_net_banking_available: boolean;
	is_aa_available: boolean;
}

let t: TestSandbox;
beforeAll(async () => {
	t = await startTestSandbox();
});
afterAll(() => t.close());

describe('GET /v1/banks/catalogue/', () => {
	test('346 banks as the public appendix lists them, with full names and the modes each supports', async () => {
		const response = await t.api('GET', 'banks/catalogue/');
		expect(response.status).toBe(200);
		const banks = response.body.banks as CatalogueBank[];
		expect(response.body.count).toBe(346);
		expect(banks).toHaveLength(346);
		expect(new Set(banks.map((b) => b.name.toLowerCase())).size).toBe(346);
		for (const bank of banks) {
			expect(Object.keys(bank).sort()).toEqual(['full_name', 'is_aa_available', 'is_net_banking_available', 'is_pdf_upload_available', 'logo_url', 'name', 'npci_code']);
			expect(bank.full_name).toEqual(expect.any(String));
			expect(bank.logo_url).toMatch(/^https:\/\//);
			expect(bank.npci_code === null || /^[A-Z]{4}$/.test(bank.npci_code)).toBe(true);
		}
		// the appendix spells identifiers in upper case, except one; two contain a space
		expect(banks.filter((b) => b.name !== b.name.toUpperCase()).map((b) => b.name)).toEqual(['model']);
		expect(banks.map((b) => b.name)).toEqual(expect.arrayContaining(['BANDHAN', 'PUNE MERCHANTS', 'PRATHAMA GRAMIN']));
		expect(banks.find((b) => b.name === 'SBI')).toEqual({
			name: 'SBI',
			full_name: 'State Bank of India',
			npci_code: 'SBIN',
			logo_url: expect.stringMatching(/^https:\/\//),
			is_pdf_upload_available: true,
			is_net_banking_available: true,
			is_aa_available: false,
		});
		// mixed availability: 18 banks with net banking, some with Account Aggregator, every one with PDF upload
		expect(banks.filter((b) => b.is_net_banking_available).map((b) => b.name).sort()).toEqual(
			['ALLAHABAD', 'AXIS', 'BOI', 'CANARA', 'FEDERAL', 'HDFC', 'ICICI', 'IDFC', 'INDBNK', 'INDUSIND', 'KARNATAKA', 'KOTAK', 'PNBBNK', 'RBL', 'SBI', 'SIB', 'UBI', 'YESBNK'].sort(),
		);
		const aa = banks.filter((b) => b.is_aa_available).length;
		expect(aa).toBeGreaterThan(10);
		expect(aa).toBeLessThan(346);
		expect(banks.every((b) => b.is_pdf_upload_available)).toBe(true);
		expect(banks.some((b) => b.npci_code === null)).toBe(true);
	});

	test('the same without the trailing slash (some clients call it so)', async () => {
		const response = await t.api('GET', 'banks/catalogue');
		expect(response.status).toBe(200);
		expect(response.body.count).toBe(346);
	});

	test('needs the server-hash, as the docs say', async () => {
		expect((await t.api('GET', 'banks/catalogue/', { noHash: true })).status).toBe(401);
		expect((await t.api('GET', 'banks/catalogue/', { noAuth: true })).status).toBe(401);
	});
});

describe('every identifier is accepted', () => {
	test('the health API lists every catalogue bank (upper case), some of them down', async () => {
		const health = (await t.api('GET', 'net_banking_health/')).body as Array<{ bank: string; health_up: boolean }>;
		expect(health.map((row) => row.bank).sort()).toEqual(BANK_CATALOGUE.map(([identifier]) => identifier.toUpperCase()).sort());
		expect(health.filter((row) => !row.health_up).length).toBeGreaterThan(0);
	});

	test('a test can take banks down and bring them back up (PUT /__sandbox/net-banking-health); reset restores the three outages', async () => {
		const down = async () => ((await t.api('GET', 'net_banking_health/')).body as Array<{ bank: string; health_up: boolean; issue_details: string | null }>).filter((row) => !row.health_up);
		expect((await down()).map((row) => row.bank)).toEqual(['CENTRAL', 'HDFC', 'UCO']);

		const set = await t.admin('PUT', 'net-banking-health', { outages: { sbi: 'Login failing', HDFC: 'Captcha errors' } });
		expect(set.status).toBe(200);
		expect(await down()).toEqual([
			expect.objectContaining({ bank: 'HDFC', issue_details: 'Captcha errors' }),
			expect.objectContaining({ bank: 'SBI', issue_details: 'Login failing' }),
		]);
		expect((await t.admin('PUT', 'net-banking-health', { outages: { atlantis: 'sunk' } })).status).toBe(400);
		expect((await t.admin('GET', 'net-banking-health')).body).toEqual({ outages: { sbi: 'Login failing', hdfc: 'Captcha errors' } });

		await t.admin('POST', 'reset');
		expect((await down()).map((row) => row.bank)).toEqual(['CENTRAL', 'HDFC', 'UCO']);
	});

	test('Statement → upload with each identifier, in any case, gets past the bank_name check', async () => {
		const notAPdf = Buffer.from('not a statement');
		for (const [identifier] of BANK_CATALOGUE) {
			for (const bankName of [identifier, identifier.toLowerCase()]) {
				const response = await t.api('POST', 'statement/upload/', { multipart: { file: notAPdf, bank_name: bankName } });
				expect([bankName, response.status, response.body.message]).toEqual([bankName, 400, 'PDF is not parsable']);
			}
		}
		const unknown = await t.api('POST', 'statement/upload/', { multipart: { file: notAPdf, bank_name: 'bank_of_nowhere' } });
		expect(unknown.body).toEqual({ bank_name: ['"bank_of_nowhere" is not a valid choice.'] });
	});

	test('session create takes each identifier as bank_name', async () => {
		for (const [identifier] of BANK_CATALOGUE) {
			const response = await t.api('POST', 'session/', { form: { link_id: 'banks', api_key: t.sandbox.options.apiKey, bank_name: identifier } });
			expect([identifier, response.status]).toEqual([identifier, 200]);
		}
	});

	test('session create checks the mode against the catalogue: no AA for SBI, no net banking for Bandhan', async () => {
		const create = (fields: Record<string, string>) => t.api('POST', 'session/', { form: { link_id: 'modes', api_key: t.sandbox.options.apiKey, ...fields } });
		expect((await create({ bank_name: 'SBI', mode: 'aa' })).body).toEqual({ error: { code: 'MODE_NOT_AVAILABLE', message: expect.any(String) } });
		expect((await create({ bank_name: 'bandhan', mode: 'online' })).body).toEqual({ error: { code: 'MODE_NOT_AVAILABLE', message: expect.any(String) } });
		expect((await create({ bank_name: 'bandhan', mode: 'aa' })).status).toBe(200);
		expect((await create({ bank_name: 'Bandhan', mode: 'pdf' })).status).toBe(200);
	});

	test.each(['bandhan', 'mahabk', 'model', 'pune merchants', 'karnataka'])('a %s statement is read and its bank detected', async (bank) => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank, months: 1, seed: `catalogue-${bank}` });
		const known = await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: bank.toUpperCase() } });
		expect([known.status, known.body.bank_name]).toEqual([200, bank]);
		const detected = await t.api('POST', 'statement/bankless_upload/', { multipart: { file: pdf } });
		expect([detected.status, detected.body.bank_name]).toEqual([200, bank]);
	});
});
