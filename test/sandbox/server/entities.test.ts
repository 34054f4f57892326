import * as http from 'http';
import { startTestSandbox, UUID, type TestSandbox } from './harness';

describe('sandbox entities', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox();
	});
	afterAll(() => t.close());
	beforeEach(() => t.admin('POST', 'reset'));

	test('create with a urlencoded form → 201 {entity_id, link_id, meta_data}', async () => {
		const response = await t.api('POST', 'entity/', { form: { link_id: 'cust-1', meta_data: '{"id":123}', is_single_account: 'true' } });
		expect(response.status).toBe(201);
		expect(response.body).toEqual({ entity_id: expect.stringMatching(UUID), link_id: 'cust-1', meta_data: '{"id":123}' });
	});

	test('create with a multipart form, and with no fields at all', async () => {
		const multipart = await t.api('POST', 'entity/', { multipart: { link_id: 'cust-2' } });
		expect(multipart.status).toBe(201);
		expect(multipart.body).toMatchObject({ link_id: 'cust-2', meta_data: null });
		const empty = await t.api('POST', 'entity/');
		expect(empty.status).toBe(201);
		expect(empty.body).toEqual({ entity_id: expect.stringMatching(UUID), link_id: null, meta_data: null });
	});

	test('a non-boolean is_single_account → 400 field error', async () => {
		const response = await t.api('POST', 'entity/', { form: { is_single_account: 'maybe' } });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ is_single_account: ['Must be a valid boolean.'] });
	});

	test('get one entity; unknown id → 404 {"detail": "Not found."}', async () => {
		const created = (await t.api('POST', 'entity/', { form: { link_id: 'L' } })).body;
		const got = await t.api('GET', `entity/${created.entity_id}/`);
		expect(got.status).toBe(200);
		expect(got.body).toEqual(created);
		for (const path of ['entity/unknown-id/', 'entity/unknown-id/get_pdfs/', 'entity/unknown-id/transactions/']) {
			const missing = await t.api('GET', path);
			expect(missing.status).toBe(404);
			expect(missing.body).toEqual({ detail: 'Not found.' });
		}
	});

	test('the list pages 10 at a time; next/previous are full URLs that work to the end', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 23; i += 1) ids.push((await t.api('POST', 'entity/', { form: { link_id: i % 2 ? 'odd' : 'even' } })).body.entity_id);
		const seen: string[] = [];
		let url: string | null = `${t.sandbox.url}/v1/entity/`;
		const previous: Array<string | null> = [];
		while (url !== null) {
			const response = await fetch(url, { headers: { 'x-api-key': 'sandbox_api_key', 'server-hash': 'sandbox_server_hash' } });
			expect(response.status).toBe(200);
			const page = (await response.json()) as { count: number; next: string | null; previous: string | null; results: Array<{ entity_id: string }> };
			expect(page.count).toBe(23);
			expect(page.results.length).toBeLessThanOrEqual(10);
			seen.push(...page.results.map((r) => r.entity_id));
			previous.push(page.previous);
			url = page.next;
		}
		expect(seen).toEqual(ids);
		expect(previous).toEqual([
			null,
			`${t.sandbox.url}/v1/entity/?page=1`,
			`${t.sandbox.url}/v1/entity/?page=2`,
		]);
	});

	test('link_id filters the list and stays in the page links; a page past the end → 404', async () => {
		for (let i = 0; i < 14; i += 1) await t.api('POST', 'entity/', { form: { link_id: i < 12 ? 'wanted' : 'other' } });
		const first = await t.api('GET', 'entity/', { query: { link_id: 'wanted' } });
		expect(first.body.count).toBe(12);
		expect(first.body.results).toHaveLength(10);
		expect(first.body.results.every((r: { link_id: string }) => r.link_id === 'wanted')).toBe(true);
		expect(first.body.next).toBe(`${t.sandbox.url}/v1/entity/?link_id=wanted&page=2`);
		const second = (await (await fetch(first.body.next, { headers: { 'x-api-key': 'sandbox_api_key', 'server-hash': 'sandbox_server_hash' } })).json()) as { results: unknown[]; next: string | null };
		expect(second.results).toHaveLength(2);
		expect(second.next).toBeNull();
		const past = await t.api('GET', 'entity/', { query: { page: '3', link_id: 'wanted' } });
		expect(past.status).toBe(404);
		const none = await t.api('GET', 'entity/', { query: { link_id: 'nobody' } });
		expect(none.body).toEqual({ count: 0, next: null, previous: null, results: [] });
	});

	test('page links follow the Host the client used', async () => {
		for (let i = 0; i < 11; i += 1) await t.api('POST', 'entity/');
		const port = new URL(t.sandbox.origin).port;
		// fetch may not set Host; node's http client can
		const body = await new Promise<string>((resolve, reject) => {
			const req = http.get(
				`${t.sandbox.url}/v1/entity/`,
				{ headers: { host: `localhost:${port}`, 'x-api-key': 'sandbox_api_key', 'server-hash': 'sandbox_server_hash' } },
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => (text += chunk));
					res.on('end', () => resolve(text));
				},
			);
			req.on('error', reject);
		});
		expect(JSON.parse(body).next).toBe(`http://localhost:${port}/bank-connect/v1/entity/?page=2`);
	});

	test('link_overview: every entity of the link; bank null and months [] before processing', async () => {
		const a = (await t.api('POST', 'entity/', { form: { link_id: 'lo' } })).body.entity_id;
		const b = (await t.api('POST', 'entity/', { form: { link_id: 'lo' } })).body.entity_id;
		const response = await t.api('GET', 'entity/link_overview/', { query: { link_id: 'lo' } });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			progress_data: [
				{ entity_id: a, months: [], bank: null },
				{ entity_id: b, months: [], bank: null },
			],
			link_id: 'lo',
		});
		const missing = await t.api('GET', 'entity/link_overview/');
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual({ link_id: ['This field is required.'] });
	});
});
