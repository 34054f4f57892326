import nock from 'nock';

import { useNock } from '../../harness/nockPerFile';
import { TriggerHarness } from '../../harness/triggerHarness';
import { API_HEADERS, API_ORIGIN, completed, CREDENTIALS, entityParameters, ISO_TIME, sessionParameters, withSecret } from './fixtures';

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

describe('BankConnect Trigger catch-up on activation', () => {
	const parameters = entityParameters({ registerWebhook: false, catchUp: true, linkIds: 'link-A, link-B' });

	test('payloads that arrived while inactive start the workflow with the next delivery, oldest first', async () => {
		const trigger = new TriggerHarness(parameters, CREDENTIALS);
		const before = [payload('ent-1', 'stm-1', 'completed', '2025-01-10 09:00:00')];
		// first activation: only records where to start, replays nothing
		expectPayloads('link-A', before);
		expectPayloads('link-B', []);
		await trigger.activate();
		expect(trigger.nodeStaticData.lastPayloadTime).toEqual({ 'link-A': '2025-01-10 09:00:00' });
		expect(trigger.nodeStaticData.pendingCatchUp).toEqual([]);

		// the live delivery of stm-1 arrives while active
		await trigger.deliver({ body: completed('ent-1', 'stm-1', 'link-A'), headers: withSecret });

		// deactivation records the time and the newest payload known
		expectPayloads('link-A', before);
		expectPayloads('link-B', []);
		await trigger.deactivate();
		expect(trigger.nodeStaticData.deactivatedAt).toEqual(ISO_TIME);

		// while inactive: three events (one of them on link-B)
		const missed = [
			payload('ent-2', 'stm-3', 'failed', '2025-01-11 08:30:00'),
			payload('ent-2', 'stm-2', 'completed', '2025-01-11 08:00:00'),
			...before,
		];
		expectPayloads('link-A', missed);
		expectPayloads('link-B', [payload('ent-9', 'stm-9', 'completed', '2025-01-10 23:59:59', 'link-B')]);
		await trigger.activate();
		// link-B had no starting point yet: its first payloads only set it
		expect(trigger.nodeStaticData.lastPayloadTime).toEqual({ 'link-A': '2025-01-11 08:30:00', 'link-B': '2025-01-10 23:59:59' });

		const next = await trigger.deliver({ body: completed('ent-5', 'stm-5', 'link-A'), headers: withSecret });
		expect(next.responseBody).toEqual({ message: 'received', started: 3 });
		expect(next.started?.map((item) => item.json)).toEqual([
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
		const test = await trigger.deliver({ body: completed('ent-5', 'stm-5', 'link-A'), headers: withSecret }, 'manual');
		expect(test.started?.map((item) => item.json.statement_id)).toEqual(['stm-5']);
		const live = await trigger.deliver({ body: completed('ent-6', 'stm-6', 'link-A'), headers: withSecret });
		expect(live.started?.map((item) => item.json.statement_id)).toEqual(['stm-2', 'stm-6']);
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
});
