import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, UUID, waitFor, type TestSandbox } from './harness';
import { startReceiver } from './receiver';

describe('sandbox webhooks', () => {
	let t: TestSandbox;
	let pdf: Buffer;
	beforeAll(async () => {
		t = await startTestSandbox({ processingMs: 50, webhookAttempts: 4, webhookBackoffMs: 30, webhookSecret: 'cli-secret' });
		pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'hooks', end: '2026-06-30' });
	});
	afterAll(() => t.close());
	beforeEach(() => t.admin('POST', 'reset'));

	async function uploadForLink(linkId: string): Promise<{ entity_id: string; statement_id: string }> {
		const entity = (await t.api('POST', 'entity/', { form: { link_id: linkId } })).body.entity_id;
		return (await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'hdfc', entity_id: entity } })).body;
	}

	test('update_webhook validates its JSON body', async () => {
		expect((await t.api('POST', 'entity/update_webhook/', { json: {} })).body).toEqual({ webhook_url: ['This field is required.'] });
		expect((await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: 'nope' } })).body).toEqual({ webhook_url: ['Enter a valid URL.'] });
		const badMode = await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: 'http://127.0.0.1:1/x', webhook_mode: 3 } });
		expect(badMode.status).toBe(400);
		expect(badMode.body).toEqual({ webhook_mode: ['"3" is not a valid choice.'] });
		const ok = await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: 'http://127.0.0.1:1/x', webhook_mode: 1 } });
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({ message: 'success' });
	});

	test('mode 1: the classic payload is POSTed with x-secret-key; webhook_payloads lists it', async () => {
		const receiver = await startReceiver();
		try {
			await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: receiver.url, webhook_mode: 1, webhook_secret: 's3cret' } });
			const { entity_id, statement_id } = await uploadForLink('link-a');
			await waitFor(async () => (receiver.received.length > 0 ? true : undefined));
			expect(receiver.received[0].body).toEqual({ entity_id, statement_id, link_id: 'link-a', progress: 'completed', reason: '' });
			expect(receiver.received[0].headers['content-type']).toBe('application/json');
			expect(receiver.received[0].headers['x-secret-key']).toBe('s3cret');
			const deliveries = (await t.admin('GET', 'webhook-deliveries')).body.deliveries;
			expect(deliveries).toEqual([
				expect.objectContaining({ flow: 'entity', url: receiver.url, status: 200, attempt: 1, error: null, headers: { 'content-type': 'application/json', 'x-secret-key': '[present]' } }),
			]);
			const payloads = await t.api('GET', 'entity/webhook_payloads/', { query: { link_id: 'link-a' } });
			expect(payloads.body).toEqual({
				payloads: [{ statement_id, entity_id, link_id: 'link-a', progress: 'completed', reason: '', date_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) }],
			});
		} finally {
			await receiver.close();
		}
	});

	test('without webhook_secret the --webhook-secret default is sent; failed progress carries the reason', async () => {
		const receiver = await startReceiver();
		try {
			await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: receiver.url, webhook_mode: 1 } });
			await t.admin('POST', 'processing-failures', { reason: 'Could not extract' });
			const { statement_id } = await uploadForLink('link-f');
			await waitFor(async () => (receiver.received.length > 0 ? true : undefined));
			expect(receiver.received[0].headers['x-secret-key']).toBe('cli-secret');
			expect(receiver.received[0].body).toEqual(expect.objectContaining({ statement_id, progress: 'failed', reason: 'Could not extract' }));
		} finally {
			await receiver.close();
		}
	});

	test('mode 0 (net banking only, also what an update without a mode means) delivers nothing for uploads', async () => {
		const receiver = await startReceiver();
		try {
			await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: receiver.url, webhook_mode: 1 } });
			await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: receiver.url } });
			await uploadForLink('link-0');
			await waitFor(async () => {
				const { statements } = (await t.admin('GET', 'statements')).body;
				return statements[0]?.status === 'completed' ? true : undefined;
			});
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(receiver.received).toEqual([]);
			expect((await t.admin('GET', 'webhook-deliveries')).body.deliveries).toEqual([]);
			expect((await t.api('GET', 'entity/webhook_payloads/', { query: { link_id: 'link-0' } })).body.payloads).toHaveLength(1);
		} finally {
			await receiver.close();
		}
	});

	test('failed deliveries are retried with backoff until acknowledged', async () => {
		const receiver = await startReceiver(2);
		try {
			await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: receiver.url, webhook_mode: 1 } });
			await uploadForLink('link-r');
			await waitFor(async () => (receiver.received.length >= 3 ? true : undefined));
			const deliveries = (await t.admin('GET', 'webhook-deliveries')).body.deliveries as Array<{ attempt: number; status: number; eventId: string; time: string }>;
			expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 500], [3, 200]]);
			expect(new Set(deliveries.map((d) => d.eventId)).size).toBe(1);
			const gaps = deliveries.slice(1).map((d, i) => Date.parse(d.time) - Date.parse(deliveries[i].time));
			expect(gaps[0]).toBeGreaterThanOrEqual(25);
			expect(gaps[1]).toBeGreaterThanOrEqual(55);
		} finally {
			await receiver.close();
		}
	});

	test('retries stop after the configured number of attempts', async () => {
		const receiver = await startReceiver(100);
		try {
			await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: receiver.url, webhook_mode: 1 } });
			await uploadForLink('link-x');
			await waitFor(async () => (receiver.received.length >= 4 ? true : undefined));
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(receiver.received).toHaveLength(4);
			const deliveries = (await t.admin('GET', 'webhook-deliveries')).body.deliveries as Array<{ attempt: number; status: number }>;
			expect(deliveries.map((d) => d.attempt)).toEqual([1, 2, 3, 4]);
		} finally {
			await receiver.close();
		}
	});

	test('an unreachable webhook URL is recorded with its error', async () => {
		await t.api('POST', 'entity/update_webhook/', { json: { webhook_url: 'http://127.0.0.1:1/none', webhook_mode: 1 } });
		await uploadForLink('link-u');
		const deliveries = await waitFor(async () => {
			const list = (await t.admin('GET', 'webhook-deliveries')).body.deliveries;
			return list.length >= 4 ? list : undefined;
		});
		expect(deliveries[0]).toEqual(expect.objectContaining({ status: null, error: expect.any(String), attempt: 1 }));
	});

	test('webhook_payloads lists newest first and needs link_id', async () => {
		const first = await uploadForLink('link-n');
		const entity = first.entity_id;
		const pdf2 = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: 'hooks-2', end: '2026-06-30' });
		const second = (await t.api('POST', 'statement/upload/', { multipart: { file: pdf2, bank_name: 'hdfc', entity_id: entity } })).body;
		await waitFor(async () => {
			const list = (await t.api('GET', 'entity/webhook_payloads/', { query: { link_id: 'link-n' } })).body.payloads;
			return list.length === 2 ? list : undefined;
		}).then((list) => expect(list.map((p: { statement_id: string }) => p.statement_id)).toEqual([second.statement_id, first.statement_id]));
		const missing = await t.api('GET', 'entity/webhook_payloads/');
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual({ link_id: ['This field is required.'] });
	});

	test('session webhooks (mode 3): requirement completion, enrichment and expiry events', async () => {
		const receiver = await startReceiver();
		try {
			const update = await t.api('POST', 'session_data/update_webhook/', { json: { webhook_url: receiver.url, webhook_mode: 3 } });
			expect(update.body).toEqual({ message: 'success' });
			const create = { link_id: 'u', api_key: 'sandbox_api_key', from_date: '01/04/2026', to_date: '30/06/2026' };
			const sessionId = (await t.api('POST', 'session/', { form: create })).body.session_id;
			const uploaded = (await t.api('POST', 'statement/upload_session/', { multipart: { file: pdf, session_id: sessionId, bank_name: 'hdfc', upload_type: 'PDF' } })).body;
			await t.api('POST', `session_data/${sessionId}/initiate_processing/`);
			await waitFor(async () => (receiver.received.length >= 2 ? true : undefined));
			expect(receiver.received.map((r) => r.body.event_name)).toEqual(['SESSION_REQUIREMENT_COMPLETION_NOTIFICATION', 'ENRICHMENT_NOTIFICATION']);
			expect(receiver.received[0].body).toEqual(
				expect.objectContaining({ session_id: sessionId, message: expect.any(String), session_date_range: { from_date: '2026-04-01', to_date: '2026-06-30' }, accounts: [expect.objectContaining({ account_id: uploaded.account_id })] }),
			);
			expect(receiver.received[1].body).toEqual({
				session_id: sessionId,
				event_name: 'ENRICHMENT_NOTIFICATION',
				accounts: [{ bank_name: 'hdfc', account_id: uploaded.account_id, account_status: 'completed', error_code: null, error_message: null }],
			});
			expect(receiver.received[1].headers['x-secret-key']).toBe('cli-secret');

			const waiting = (await t.api('POST', 'session/', { form: create })).body.session_id;
			await t.admin('POST', `sessions/${waiting}/expire`);
			await waitFor(async () => (receiver.received.length >= 3 ? true : undefined));
			expect(receiver.received[2].body).toEqual(expect.objectContaining({ session_id: waiting, event_name: 'SESSION_EXPIRY_NOTIFICATION', accounts: [] }));
			expect(receiver.received[2].body.session_id).toMatch(UUID);
		} finally {
			await receiver.close();
		}
	});

	test('a session that runs out of sandbox time sends SESSION_EXPIRY_NOTIFICATION once', async () => {
		const receiver = await startReceiver();
		try {
			await t.api('POST', 'session_data/update_webhook/', { json: { webhook_url: receiver.url } });
			const sessionId = (await t.api('POST', 'session/', { form: { link_id: 'u', api_key: 'sandbox_api_key', session_expiry: '10' } })).body.session_id;
			await t.admin('POST', 'clock', { advanceMs: 9 * 60_000 });
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(receiver.received).toEqual([]);
			await t.admin('POST', 'clock', { advanceMs: 2 * 60_000 });
			await waitFor(async () => (receiver.received.length > 0 ? true : undefined));
			await t.admin('POST', 'clock', { advanceMs: 60_000 });
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(receiver.received.map((r) => [r.body.event_name, r.body.session_id])).toEqual([['SESSION_EXPIRY_NOTIFICATION', sessionId]]);
		} finally {
			await receiver.close();
		}
	});

	test('session webhooks with a mode other than 3 deliver nothing', async () => {
		const receiver = await startReceiver();
		try {
			await t.api('POST', 'session_data/update_webhook/', { json: { webhook_url: receiver.url, webhook_mode: 1 } });
			const sessionId = (await t.api('POST', 'session/', { form: { link_id: 'u', api_key: 'sandbox_api_key' } })).body.session_id;
			await t.admin('POST', `sessions/${sessionId}/expire`);
			await new Promise((resolve) => setTimeout(resolve, 150));
			expect(receiver.received).toEqual([]);
		} finally {
			await receiver.close();
		}
	});
});
