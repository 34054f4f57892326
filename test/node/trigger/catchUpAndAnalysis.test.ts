import nock from 'nock';

import { useNock } from '../../harness/nockPerFile';
import { TriggerHarness } from '../../harness/triggerHarness';
import { MAX_PENDING_CATCH_UP } from '../../../nodes/BankConnect/trigger/catchUp';
import { API_HEADERS, API_ORIGIN, completed, CREDENTIALS, entityKey, entityParameters, ISO_TIME, sessionParameters, withSecret } from './fixtures';

useNock();
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	nock.cleanAll();
});

function payload(entityId: string, statementId: string, progress: string, dateTime: string, linkId = 'link-A') {
	return { statement_id: statementId, entity_id: entityId, link_id: linkId, progress, reason: progress === 'failed' ? 'Password incorrect' : '', date_time: dateTime };
}

function expectPayloads(linkId: string, payloads: unknown[]) {
	return nock(API_ORIGIN, { reqheaders: API_HEADERS })
		.get('/bank-connect/v1/entity/webhook_payloads/')
		.query({ link_id: linkId })
		.reply(200, { payloads });
}

type Payload = ReturnType<typeof payload>;

/** BankConnect keeping the payloads of link-A as time goes on: every read lists them all, newest first. */
function keptPayloads(): Payload[] {
	const kept: Payload[] = [];
	nock(API_ORIGIN, { reqheaders: API_HEADERS })
		.persist()
		.get('/bank-connect/v1/entity/webhook_payloads/')
		.query({ link_id: 'link-A' })
		.reply(() => [200, { payloads: [...kept].sort((a, b) => (a.date_time < b.date_time ? 1 : -1)) }]);
	return kept;
}

function startedStatements(trigger: TriggerHarness): unknown[] {
	return trigger.executions.flat().map((item) => item.json.statement_id);
}

describe('BankConnect Trigger catch-up on activation', () => {
	const parameters = entityParameters({ registerWebhook: false, catchUp: true, linkIds: 'link-A, link-B' });

	test('payloads that arrived while inactive start the workflow with the next delivery, oldest first', async () => {
		const trigger = new TriggerHarness(parameters, CREDENTIALS);
		const before = [payload('ent-1', 'stm-1', 'completed', '2025-01-10 09:00:00')];
		// first activation: only records where to start, replays nothing (link-B has no payload yet: all of its later ones count)
		expectPayloads('link-A', before);
		expectPayloads('link-B', []);
		await trigger.activate();
		expect(trigger.nodeStaticData.lastPayloadTime).toEqual({ 'link-A': '2025-01-10 09:00:00', 'link-B': '' });
		expect(trigger.nodeStaticData.pendingCatchUp).toEqual([]);

		// the live delivery of stm-1 arrives while active
		await trigger.deliver({ body: completed('ent-1', 'stm-1', 'link-A'), headers: withSecret });

		// deactivation records the time; it reads nothing and marks nothing handled
		await trigger.deactivate();
		expect(trigger.nodeStaticData.deactivatedAt).toEqual(ISO_TIME);
		expect(trigger.nodeStaticData.lastPayloadTime).toEqual({ 'link-A': '2025-01-10 09:00:00', 'link-B': '' });

		// while inactive: three events (one of them on link-B)
		const missed = [
			payload('ent-2', 'stm-3', 'failed', '2025-01-11 08:30:00'),
			payload('ent-2', 'stm-2', 'completed', '2025-01-11 08:00:00'),
			...before,
		];
		expectPayloads('link-A', missed);
		expectPayloads('link-B', [payload('ent-9', 'stm-9', 'completed', '2025-01-10 23:59:59', 'link-B')]);
		await trigger.activate();
		expect(trigger.nodeStaticData.lastPayloadTime).toEqual({ 'link-A': '2025-01-11 08:30:00', 'link-B': '2025-01-10 23:59:59' });

		const next = await trigger.deliver({ body: completed('ent-5', 'stm-5', 'link-A'), headers: withSecret });
		expect(next.responseBody).toEqual({ message: 'received', started: 4 });
		expect(next.started?.map((item) => item.json)).toEqual([
			expect.objectContaining({ entity_id: 'ent-9', statement_id: 'stm-9', link_id: 'link-B', source: 'catch-up' }),
			{
				flow: 'entity',
				event: 'analysis completed',
				entity_id: 'ent-2',
				statement_id: 'stm-2',
				link_id: 'link-A',
				status: 'completed',
				reason: null,
				event_time: '2025-01-11 08:00:00',
				received_at: ISO_TIME,
				source: 'catch-up',
				event_key: entityKey('ent-2', 'stm-2'),
			},
			{
				flow: 'entity',
				event: 'analysis failed',
				entity_id: 'ent-2',
				statement_id: 'stm-3',
				link_id: 'link-A',
				status: 'failed',
				reason: 'Password incorrect',
				event_time: '2025-01-11 08:30:00',
				received_at: ISO_TIME,
				source: 'catch-up',
				event_key: entityKey('ent-2', 'stm-3', 'failed'),
			},
			expect.objectContaining({ entity_id: 'ent-5', source: 'webhook' }),
		]);
		expect(trigger.executions).toHaveLength(2);
		expect(trigger.nodeStaticData.pendingCatchUp).toEqual([]);

		// a late live delivery of a replayed event is a repeat
		expect((await trigger.deliver({ body: { ...completed('ent-2', 'stm-2', 'link-A') }, headers: withSecret })).started).toBeUndefined();
	});

	test('a same-second payload already started is not replayed; unwanted statuses are not started', async () => {
		const trigger = new TriggerHarness({ ...parameters, linkIds: 'link-A', entityEvents: ['completed'] }, CREDENTIALS);
		expectPayloads('link-A', [payload('ent-1', 'stm-1', 'completed', '2025-01-10 09:00:00')]);
		await trigger.activate();
		await trigger.deliver({ body: completed('ent-1', 'stm-1', 'link-A'), headers: withSecret });
		// n8n restarts (no deactivation hook ran); meanwhile two more payloads in the same second
		expectPayloads('link-A', [
			payload('ent-1', 'stm-5', 'completed', '2025-01-10 09:00:00'),
			payload('ent-1', 'stm-4', 'failed', '2025-01-10 09:00:00'),
			payload('ent-1', 'stm-1', 'completed', '2025-01-10 09:00:00'),
		]);
		await trigger.activate('init');
		const next = await trigger.deliver({ body: completed('ent-7', 'stm-7', 'link-A'), headers: withSecret });
		expect(next.started?.map((item) => [item.json.statement_id, item.json.source])).toEqual([
			['stm-5', 'catch-up'],
			['stm-7', 'webhook'],
		]);
	});

	test('a test delivery ("Listen for test event") leaves the missed payloads for production', async () => {
		const trigger = new TriggerHarness({ ...parameters, linkIds: 'link-A' }, CREDENTIALS);
		trigger.storedStaticData = {
			'node:BankConnect Trigger': { pendingCatchUp: [payload('ent-2', 'stm-2', 'completed', '2025-01-11 08:00:00')] },
		};
		await trigger.listenForTestEvent();
		const test = await trigger.deliver({ body: completed('ent-5', 'stm-5', 'link-A'), headers: withSecret }, { mode: 'manual' });
		expect(test.started?.map((item) => item.json.statement_id)).toEqual(['stm-5']);
		const live = await trigger.deliver({ body: completed('ent-6', 'stm-6', 'link-A'), headers: withSecret });
		expect(live.started?.map((item) => item.json.statement_id)).toEqual(['stm-2', 'stm-6']);
	});

	test('an event whose delivery never reached n8n while active is replayed after a deactivation, not marked handled', async () => {
		const trigger = new TriggerHarness({ ...parameters, linkIds: 'link-A' }, CREDENTIALS);
		const kept = keptPayloads();
		kept.push(payload('ent-1', 'stm-1', 'completed', '2025-01-10 09:00:00'));
		await trigger.activate();

		// while active: stm-2's delivery is lost on the way (a network failure), stm-3's arrives
		kept.push(payload('ent-1', 'stm-2', 'completed', '2025-01-10 10:00:00'));
		kept.push(payload('ent-1', 'stm-3', 'completed', '2025-01-10 11:00:00'));
		await trigger.deliver({ body: completed('ent-1', 'stm-3', 'link-A'), headers: withSecret });

		await trigger.deactivate();
		await trigger.activate();
		await trigger.deliver({ body: completed('ent-1', 'stm-4', 'link-A'), headers: withSecret });

		expect(startedStatements(trigger)).toEqual(['stm-3', 'stm-2', 'stm-4']);
	});

	test('a failed activation marks nothing handled: the next one replays what was missed', async () => {
		const trigger = new TriggerHarness({ ...parameters, registerWebhook: true, linkIds: 'link-A' }, CREDENTIALS);
		const kept = keptPayloads();
		const updateWebhook = (status: number) =>
			nock(API_ORIGIN).post('/bank-connect/v1/entity/update_webhook/').reply(status, status === 200 ? { message: 'success' } : { detail: 'Invalid webhook_url' });
		kept.push(payload('ent-1', 'stm-1', 'completed', '2025-01-10 09:00:00'));
		updateWebhook(200);
		await trigger.activate();
		await trigger.deactivate();

		// while inactive two deliveries get n8n's 404; then an activation fails (n8n runs the delete hook)
		kept.push(payload('ent-1', 'stm-2', 'completed', '2025-01-10 10:00:00'));
		kept.push(payload('ent-1', 'stm-3', 'failed', '2025-01-10 11:00:00'));
		updateWebhook(400);
		await expect(trigger.activate()).rejects.toThrow('Invalid webhook_url');

		updateWebhook(200);
		await trigger.activate();
		await trigger.deliver({ body: completed('ent-1', 'stm-4', 'link-A'), headers: withSecret });

		expect(startedStatements(trigger)).toEqual(['stm-2', 'stm-3', 'stm-4']);
	});

	test(`more than ${MAX_PENDING_CATCH_UP} missed payloads: the oldest start first, the rest after the next activation`, async () => {
		const trigger = new TriggerHarness({ ...parameters, linkIds: 'link-A' }, CREDENTIALS);
		const kept = keptPayloads();
		kept.push(payload('ent-0', 'stm-first', 'completed', '2025-01-01 00:00:00'));
		await trigger.activate();
		await trigger.deactivate();
		const missed = Array.from({ length: MAX_PENDING_CATCH_UP + 2 }, (_, index) => {
			const minute = String(index % 60).padStart(2, '0');
			const hour = String(Math.floor(index / 60)).padStart(2, '0');
			return payload('ent-1', `missed-${index}`, 'completed', `2025-01-02 ${hour}:${minute}:00`);
		});
		kept.push(...missed);

		await trigger.activate();
		await trigger.deliver({ body: completed('ent-1', 'live-1', 'link-A'), headers: withSecret });
		expect(startedStatements(trigger)).toEqual([...missed.slice(0, MAX_PENDING_CATCH_UP).map((p) => p.statement_id), 'live-1']);

		await trigger.deactivate();
		await trigger.activate();
		await trigger.deliver({ body: completed('ent-1', 'live-2', 'link-A'), headers: withSecret });
		expect(startedStatements(trigger).slice(MAX_PENDING_CATCH_UP + 1)).toEqual([...missed.slice(MAX_PENDING_CATCH_UP).map((p) => p.statement_id), 'live-2']);
	});
	test('payloads an earlier activation queued stay queued when a later one finds more than the cap', async () => {
		const trigger = new TriggerHarness({ ...parameters, linkIds: 'link-A, link-B' }, CREDENTIALS);
		const queuedBefore = payload('ent-1', 'stm-queued', 'completed', '2025-01-09 00:00:00');
		trigger.storedStaticData = {
			'node:BankConnect Trigger': {
				lastPayloadTime: { 'link-A': '2025-01-09 00:00:00', 'link-B': '' },
				lastPayloadKeys: { 'link-A': [entityKey('ent-1', 'stm-queued')], 'link-B': [] },
				pendingCatchUp: [queuedBefore],
			},
		};
		const linkB = Array.from({ length: MAX_PENDING_CATCH_UP }, (_, index) =>
			payload('ent-2', `b-${index}`, 'completed', `2025-01-02 ${String(Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00`, 'link-B'),
		);
		expectPayloads('link-A', [queuedBefore]);
		expectPayloads('link-B', [...linkB].reverse());
		await trigger.activate();

		const next = await trigger.deliver({ body: completed('ent-1', 'live', 'link-A'), headers: withSecret });
		const started = next.started?.map((item) => item.json.statement_id);
		expect(started).toHaveLength(MAX_PENDING_CATCH_UP + 1);
		expect(started?.slice(-2)).toEqual(['stm-queued', 'live']);

		// the one link-B payload without room comes with the next activation
		await trigger.deactivate();
		expectPayloads('link-A', [queuedBefore]);
		expectPayloads('link-B', [...linkB].reverse());
		await trigger.activate();
		const after = await trigger.deliver({ body: completed('ent-1', 'live-2', 'link-A'), headers: withSecret });
		expect(after.started?.map((item) => item.json.statement_id)).toEqual([`b-${MAX_PENDING_CATCH_UP - 1}`, 'live-2']);
	});
});

describe('BankConnect Trigger attaching the analysis', () => {
	const SALARY = {
		entity_id: 'ent-1',
		progress: [{ status: 'completed', message: null, statement_id: 'stm-1' }],
		accounts: [],
		fraud: { fraudulent_statements: [], fraud_type: [] },
		transactions: [{ amount: 85000, date: '2025-01-01 00:00:00', clean_transaction_note: 'ACME PAYROLL', month_year: 'Jan-2025' }],
	};

	test('answers 200 first, then reads the salary and attaches it; failed events get no read', async () => {
		const trigger = new TriggerHarness(entityParameters({ attachAnalysis: 'salary' }), CREDENTIALS);
		const order: string[] = [];
		nock(API_ORIGIN, { reqheaders: API_HEADERS })
			.get('/bank-connect/v1/entity/ent-1/salary/')
			.reply(() => {
				order.push('salary read');
				return [200, SALARY];
			});
		const result = await trigger.deliver({
			body: completed(),
			headers: withSecret,
			onResponse: (status) => order.push(`answered ${status}`),
		});
		expect(order).toEqual(['answered 200', 'salary read']);
		expect(result.started?.[0].json.analysis).toEqual(SALARY);

		const failed = await trigger.deliver({ body: { ...completed('ent-3'), progress: 'failed' }, headers: withSecret });
		expect(failed.started?.[0].json).not.toHaveProperty('analysis');
	});

	test('a failed read still starts the workflow, with analysis_error', async () => {
		const trigger = new TriggerHarness(entityParameters({ attachAnalysis: 'identity' }), CREDENTIALS);
		nock(API_ORIGIN).get('/bank-connect/v1/entity/ent-1/identity/').reply(404, { detail: 'Not found.' });
		const result = await trigger.deliver({ body: completed(), headers: withSecret });
		expect(result.status).toBe(200);
		expect(result.started?.[0].json.analysis_error).toBe('entity ent-1 not found');
	});

	test('session insights: each completed enrichment account gets its own part', async () => {
		const trigger = new TriggerHarness(sessionParameters({ attachSessionAnalysis: 'insights' }), CREDENTIALS);
		const insights = {
			session_id: 'ses-1',
			accounts: { 'acc-1': { account_details: [{ account_number: 'XXXX1234' }], salary_transactions: [{ amount: 85000 }] } },
		};
		nock(API_ORIGIN, { reqheaders: API_HEADERS }).get('/bank-connect/v1/session_data/ses-1/insights/').once().reply(200, insights);
		const result = await trigger.deliver({
			body: {
				session_id: 'ses-1',
				event_name: 'ENRICHMENT_NOTIFICATION',
				accounts: [
					{ bank_name: 'hdfc', account_id: 'acc-1', account_status: 'completed', error_code: null, error_message: null },
					{ bank_name: 'sbi', account_id: 'acc-2', account_status: 'failed', error_code: 'BALANCE_MISMATCH', error_message: 'x' },
				],
			},
			headers: withSecret,
		});
		expect(result.started?.map((item) => item.json.analysis)).toEqual([
			{ session_id: 'ses-1', account_id: 'acc-1', account_details: [{ account_number: 'XXXX1234' }], salary_transactions: [{ amount: 85000 }] },
			undefined,
		]);
	});

	test('session insights in today\'s shape (accounts as a list of {account_id, data}): each account gets its own part', async () => {
		const trigger = new TriggerHarness(sessionParameters({ attachSessionAnalysis: 'insights' }), CREDENTIALS);
		const insights = {
			session_id: 'ses-1',
			link_id: 'loan-7',
			accounts: [
				{ account_id: 'acc-1', data: { account_details: { bank: 'hdfc' }, salary_transactions: [{ amount: 85000 }] } },
				{ account_id: 'acc-2', data: { account_details: { bank: 'sbi' }, salary_transactions: [] } },
			],
			aggregate_monthly_analysis: { opening_balance: { 'Jan-2025': 5900 } },
		};
		nock(API_ORIGIN, { reqheaders: API_HEADERS }).get('/bank-connect/v1/session_data/ses-1/insights/').once().reply(200, insights);
		const result = await trigger.deliver({
			body: {
				session_id: 'ses-1',
				event_name: 'ENRICHMENT_NOTIFICATION',
				accounts: [
					{ bank_name: 'hdfc', account_id: 'acc-1', account_status: 'completed', error_code: null, error_message: null },
					{ bank_name: 'sbi', account_id: 'acc-2', account_status: 'completed', error_code: null, error_message: null },
				],
			},
			headers: withSecret,
		});
		expect(result.started?.map((item) => item.json.analysis)).toEqual([
			{ session_id: 'ses-1', account_id: 'acc-1', account_details: { bank: 'hdfc' }, salary_transactions: [{ amount: 85000 }] },
			{ session_id: 'ses-1', account_id: 'acc-2', account_details: { bank: 'sbi' }, salary_transactions: [] },
		]);
	});
});
