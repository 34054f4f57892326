import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, type TestSandbox } from './harness';

describe('sandbox faults', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox();
	});
	afterAll(() => t.close());
	beforeEach(() => t.admin('DELETE', 'faults'));

	test('a status fault answers count matching requests with the status, body and Retry-After, then stops', async () => {
		const added = await t.admin('POST', 'faults', { route: 'entity/', method: 'post', status: 429, count: 2, retryAfter: 3 });
		expect(added.status).toBe(201);
		expect((await t.admin('GET', 'faults')).body.faults).toEqual([expect.objectContaining({ route: 'entity/', method: 'POST', status: 429, remaining: 2 })]);

		const other = await t.api('GET', 'entity/');
		expect(other.status).toBe(200); // GET does not match method POST
		for (let i = 0; i < 2; i += 1) {
			const response = await t.api('POST', 'entity/');
			expect(response.status).toBe(429);
			expect(response.headers.get('retry-after')).toBe('3');
			expect(response.body).toEqual({ detail: 'Request was throttled.' });
		}
		expect((await t.api('POST', 'entity/')).status).toBe(201);
		expect((await t.admin('GET', 'faults')).body.faults).toEqual([]);
	});

	test('a custom body and an HTTP-date Retry-After; DELETE clears pending faults', async () => {
		const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
		await t.admin('POST', 'faults', { route: 'net_banking_health/', status: 503, body: { detail: 'maintenance' }, retryAfter: date, count: 5 });
		const response = await t.api('GET', 'net_banking_health/');
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe(date);
		expect(response.body).toEqual({ detail: 'maintenance' });
		expect((await t.admin('GET', 'faults')).body.faults[0].remaining).toBe(4);
		await t.admin('DELETE', 'faults');
		expect((await t.api('GET', 'net_banking_health/')).status).toBe(200);
	});

	test('faults apply before auth: even an unauthenticated request gets the injected status', async () => {
		await t.admin('POST', 'faults', { route: 'banks/', status: 500 });
		const response = await t.api('GET', 'banks/catalogue/', { noAuth: true });
		expect(response.status).toBe(500);
		expect(response.body).toEqual({ detail: 'A server error occurred.' });
	});

	test('malformedJson answers a truncated JSON body', async () => {
		await t.admin('POST', 'faults', { route: 'banks/catalogue/', malformedJson: true });
		const response = await t.api('GET', 'banks/catalogue/');
		expect(response.status).toBe(200);
		expect(() => JSON.parse(response.text)).toThrow();
		expect(response.text.startsWith('{"count":')).toBe(true);
	});

	test('latencyMs delays the matching response', async () => {
		await t.admin('POST', 'faults', { route: 'net_banking_health/', latencyMs: 300 });
		const started = Date.now();
		expect((await t.api('GET', 'net_banking_health/')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	test('reset on an upload drops the connection after the statement was stored', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'reset' });
		await t.admin('POST', 'reset');
		await t.admin('POST', 'faults', { route: 'statement/upload/', reset: true });
		await expect(t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'hdfc' } })).rejects.toThrow();
		const { statements } = (await t.admin('GET', 'statements')).body;
		expect(statements).toHaveLength(1);
	});

	test('resetBeforeProcessing drops the connection and stores nothing', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'reset-early' });
		await t.admin('POST', 'reset');
		await t.admin('POST', 'faults', { route: 'statement/', resetBeforeProcessing: true });
		await expect(t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'hdfc' } })).rejects.toThrow();
		expect((await t.admin('GET', 'statements')).body.statements).toEqual([]);
		expect((await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'hdfc' } })).status).toBe(200);
	});

	test('a route written with a leading /v1/ matches the same requests', async () => {
		await t.admin('POST', 'faults', { route: '/v1/banks/', status: 502 });
		expect((await t.api('GET', 'banks/catalogue/')).status).toBe(502);
	});

	test('a fault without an effect or route is refused', async () => {
		expect((await t.admin('POST', 'faults', { route: 'entity/' })).status).toBe(400);
		expect((await t.admin('POST', 'faults', { status: 500 })).status).toBe(400);
	});
});

describe('sandbox --latency-ms', () => {
	test('every API response is delayed; /__sandbox routes are not', async () => {
		const t = await startTestSandbox({ latencyMs: 200 });
		try {
			let started = Date.now();
			await t.api('GET', 'net_banking_health/');
			expect(Date.now() - started).toBeGreaterThanOrEqual(190);
			started = Date.now();
			await t.admin('GET', 'faults');
			expect(Date.now() - started).toBeLessThan(150);
		} finally {
			await t.close();
		}
	});
});

describe('sandbox management routes', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox();
	});
	afterAll(() => t.close());

	test('net_banking_health: uppercase banks, UTC updated_at, issue text only when down', async () => {
		const response = await t.api('GET', 'net_banking_health/', { noHash: true });
		expect(response.status).toBe(200);
		expect(response.body.length).toBeGreaterThanOrEqual(24);
		for (const row of response.body) {
			expect(Object.keys(row).sort()).toEqual(['bank', 'health_up', 'issue_details', 'updated_at']);
			expect(row.bank).toBe(row.bank.toUpperCase());
			expect(row.updated_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			expect(row.health_up ? row.issue_details === null : typeof row.issue_details === 'string').toBe(true);
		}
		expect(response.body.filter((r: { health_up: boolean }) => !r.health_up).length).toBeGreaterThan(0);
		expect(response.body.map((r: { bank: string }) => r.bank)).toEqual(expect.arrayContaining(['AXIS', 'HDFC', 'SBI', 'PNBBNK', 'STANCHAR']));
	});

	test('banks/catalogue: count and the catalogue fields (every bank: banks.test.ts)', async () => {
		const response = await t.api('GET', 'banks/catalogue/');
		expect(response.body.count).toBe(response.body.banks.length);
		expect(response.body.banks.find((b: { name: string }) => b.name === 'AXIS')).toEqual({
			name: 'AXIS',
			full_name: 'Axis Bank',
			npci_code: 'UTIB',
			logo_url: expect.stringMatching(/^https:\/\//),
			is_pdf_upload_available: true,
			is_net_banking_available: true,
			is_aa_available: true,
		});
	});
});

describe('sandbox sample-statement', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox();
	});
	afterAll(() => t.close());

	test('returns the same PDF for the same seed, a different one for another seed', async () => {
		const a = await fetch(`${t.sandbox.origin}/__sandbox/sample-statement?bank=baroda&months=2&seed=s1`);
		expect(a.headers.get('content-type')).toBe('application/pdf');
		const bytesA = Buffer.from(await a.arrayBuffer());
		expect(bytesA.subarray(0, 5).toString()).toBe('%PDF-');
		const again = await sampleStatement(t.sandbox.origin, { bank: 'baroda', months: 2, seed: 's1' });
		const other = await sampleStatement(t.sandbox.origin, { bank: 'baroda', months: 2, seed: 's2' });
		expect(again.equals(bytesA)).toBe(true);
		expect(other.equals(bytesA)).toBe(false);
	});

	test.each([
		['bank=nobank', 'unknown bank "nobank"'],
		['bank=hdfc&months=0', 'months must be a whole number from 1 to 36'],
		['bank=hdfc&variant=blurry', 'variant must be text, image or corrupt'],
		['bank=hdfc&pattern=salary,lottery', 'pattern is a comma list of salary, emi, recurring'],
		['bank=hdfc&end=31/12/2025', 'end must be YYYY-MM-DD'],
	])('?%s → 400', async (query, detail) => {
		const response = await fetch(`${t.sandbox.origin}/__sandbox/sample-statement?${query}`);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ detail });
	});
});
