import nock from 'nock';

import { useNock } from '../../harness/nockPerFile';
import { TriggerHarness } from '../../harness/triggerHarness';
import { completed, CREDENTIALS, entityParameters, ISO_TIME, SECRET, sessionParameters, withSecret } from './fixtures';

useNock();
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	nock.cleanAll();
});

const SESSION_ACCOUNT = {
	account_id: 'acc-1',
	account_number: 'XXXX1234',
	bank_name: 'hdfc',
	account_status: 'COMPLETED',
	months: ['2024-01'],
	missing_data: [],
	created_at: '2024-02-01 10:00:00',
	last_updated_at: '2024-02-01 10:05:00',
	statements: [],
};

describe('BankConnect Trigger deliveries (webhook() through n8n-core WebhookContext)', () => {
	describe('secret', () => {
		test('a matching x-secret-key starts the workflow with the flattened event', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const result = await trigger.deliver({ body: completed(), headers: withSecret });
			expect(result.status).toBe(200);
			expect(result.responseBody).toEqual({ message: 'received', started: 1 });
			expect(result.started).toEqual([
				{
					json: {
						flow: 'entity',
						event: 'analysis completed',
						entity_id: 'ent-1',
						statement_id: 'stm-1',
						link_id: 'link-1',
						status: 'completed',
						reason: null,
						event_time: ISO_TIME,
						received_at: ISO_TIME,
						source: 'webhook',
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		test.each([
			['wrong', { 'x-secret-key': `${SECRET}x` }, 'Refused: the x-secret-key header is wrong'],
			['missing', {}, 'Refused: the x-secret-key header is missing'],
			['empty', { 'x-secret-key': '' }, 'Refused: the x-secret-key header is missing'],
		])('a %s secret gets 401, starts nothing and leaves no trace', async (_case, headers, message) => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const result = await trigger.deliver({ body: completed(), headers });
			expect(result).toEqual({ status: 401, responseBody: { message }, started: undefined });
			expect(trigger.storedStaticData).toEqual({});
			// the genuine delivery afterwards is not taken for a repeat
			expect((await trigger.deliver({ body: completed(), headers: withSecret })).started).toHaveLength(1);
		});

		test('without a configured secret any delivery is accepted', async () => {
			const trigger = new TriggerHarness(entityParameters({ secret: '' }), CREDENTIALS);
			expect((await trigger.deliver({ body: completed() })).status).toBe(200);
		});
	});

	describe('bodies', () => {
		test('malformed JSON gets 400 and starts nothing', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const result = await trigger.deliver({ rawBody: '{"entity_id": "ent-1", ', contentType: 'text/plain', headers: withSecret });
			expect(result).toEqual({ status: 400, responseBody: { message: 'Refused: the body is not JSON' }, started: undefined });
		});

		test.each([
			[{}, 'entity_id is missing'],
			[{ entity_id: 'ent-1', progress: 'processing' }, 'progress must be "completed" or "failed"'],
			[{ session_id: 's-1', event_name: 'ENRICHMENT_NOTIFICATION', accounts: [] }, 'entity_id is missing'],
			[[completed()], 'the body is not a JSON object'],
		])('an unknown payload %j gets 400 naming the problem', async (body, problem) => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const result = await trigger.deliver({ body, headers: withSecret });
			expect(result).toEqual({
				status: 400,
				responseBody: { message: `Refused: not a BankConnect entity-flow payload (${problem})` },
				started: undefined,
			});
		});

		test('an unknown session event gets 400', async () => {
			const trigger = new TriggerHarness(sessionParameters(), CREDENTIALS);
			const result = await trigger.deliver({ body: { session_id: 's-1', event_name: 'SESSION_DELETED', accounts: [] }, headers: withSecret });
			expect(result.status).toBe(400);
			expect(result.responseBody).toEqual({
				message: 'Refused: not a BankConnect session-flow payload (event_name "SESSION_DELETED" is not a BankConnect session event)',
			});
		});

		test('a failed statement with statement_id "" and link_id null', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const result = await trigger.deliver({
				body: { entity_id: 'ent-2', statement_id: '', link_id: null, progress: 'failed', reason: 'PDF is not parsable' },
				headers: withSecret,
			});
			expect(result.started?.map((item) => item.json)).toEqual([
				{
					flow: 'entity',
					event: 'analysis failed',
					entity_id: 'ent-2',
					statement_id: null,
					link_id: null,
					status: 'failed',
					reason: 'PDF is not parsable',
					event_time: ISO_TIME,
					received_at: ISO_TIME,
					source: 'webhook',
				},
			]);
		});

		test.each([
			['SESSION_REQUIREMENT_COMPLETION_NOTIFICATION', 'requirements completed', 'Session requirements completed'],
			['SESSION_EXPIRY_NOTIFICATION', 'expired', 'Session expired'],
		])('session event %s', async (eventName, status, message) => {
			const trigger = new TriggerHarness(sessionParameters(), CREDENTIALS);
			const body = {
				session_id: 'ses-1',
				event_name: eventName,
				message,
				session_date_range: { from_date: '01/08/2024', to_date: '31/01/2025' },
				accounts: [SESSION_ACCOUNT],
			};
			const result = await trigger.deliver({ body, headers: withSecret });
			expect(result.started?.map((item) => item.json)).toEqual([
				{
					flow: 'session',
					event: eventName,
					session_id: 'ses-1',
					status,
					message,
					from_date: '01/08/2024',
					to_date: '31/01/2025',
					account_count: 1,
					accounts: [SESSION_ACCOUNT],
					event_time: ISO_TIME,
					received_at: ISO_TIME,
					source: 'webhook',
				},
			]);
		});

		test('an enrichment notification gives one item per account', async () => {
			const trigger = new TriggerHarness(sessionParameters(), CREDENTIALS);
			const body = {
				session_id: 'ses-1',
				event_name: 'ENRICHMENT_NOTIFICATION',
				accounts: [
					{ bank_name: 'hdfc', account_id: 'acc-1', account_status: 'completed', error_code: null, error_message: null },
					{ bank_name: 'sbi', account_id: 'acc-2', account_status: 'failed', error_code: 'BALANCE_MISMATCH', error_message: 'Balances do not add up' },
				],
			};
			const result = await trigger.deliver({ body, headers: withSecret });
			const common = { flow: 'session', event: 'ENRICHMENT_NOTIFICATION', session_id: 'ses-1', event_time: ISO_TIME, received_at: ISO_TIME, source: 'webhook' };
			expect(result.started).toEqual([
				{
					json: { ...common, account_id: 'acc-1', bank_name: 'hdfc', status: 'completed', error_code: null, error_message: null },
					pairedItem: { item: 0 },
				},
				{
					json: { ...common, account_id: 'acc-2', bank_name: 'sbi', status: 'failed', error_code: 'BALANCE_MISMATCH', error_message: 'Balances do not add up' },
					pairedItem: { item: 1 },
				},
			]);
		});
	});

	describe('filters', () => {
		test('an entity event not chosen is acknowledged and starts nothing', async () => {
			const trigger = new TriggerHarness(entityParameters({ entityEvents: ['failed'] }), CREDENTIALS);
			const result = await trigger.deliver({ body: completed(), headers: withSecret });
			expect(result).toEqual({ status: 200, responseBody: { message: 'received', started: 0 }, started: undefined });
			const failed = await trigger.deliver({ body: { ...completed(), progress: 'failed' }, headers: withSecret });
			expect(failed.started?.map((item) => item.json.status)).toEqual(['failed']);
		});

		test('session events and enrichment account statuses', async () => {
			const trigger = new TriggerHarness(
				sessionParameters({ sessionEvents: ['ENRICHMENT_NOTIFICATION'], enrichmentStatuses: ['failed'] }),
				CREDENTIALS,
			);
			const expiry = { session_id: 'ses-1', event_name: 'SESSION_EXPIRY_NOTIFICATION', message: 'Session expired', session_date_range: null, accounts: [] };
			expect((await trigger.deliver({ body: expiry, headers: withSecret })).started).toBeUndefined();
			const enrichment = {
				session_id: 'ses-1',
				event_name: 'ENRICHMENT_NOTIFICATION',
				accounts: [
					{ bank_name: 'hdfc', account_id: 'acc-1', account_status: 'completed', error_code: null, error_message: null },
					{ bank_name: 'sbi', account_id: 'acc-2', account_status: 'failed', error_code: 'NULL_ACCOUNT_NUMBER', error_message: 'x' },
				],
			};
			const result = await trigger.deliver({ body: enrichment, headers: withSecret });
			expect(result.started?.map((item) => item.json.account_id)).toEqual(['acc-2']);
		});
	});

	describe('duplicates', () => {
		test('a repeated delivery starts the workflow once; another status of the same statement is a new event', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			expect((await trigger.deliver({ body: completed(), headers: withSecret })).started).toHaveLength(1);
			const repeat = await trigger.deliver({ body: { ...completed(), reason: 'resent' }, headers: withSecret });
			expect(repeat).toEqual({ status: 200, responseBody: { message: 'received', started: 0 }, started: undefined });
			expect((await trigger.deliver({ body: { ...completed(), progress: 'failed' }, headers: withSecret })).started).toHaveLength(1);
			expect((await trigger.deliver({ body: completed('ent-1', 'stm-2'), headers: withSecret })).started).toHaveLength(1);
			expect(trigger.executions).toHaveLength(3);
		});

		test('the memory survives an n8n restart (static data), and forgets after the window', async () => {
			const trigger = new TriggerHarness(entityParameters({ registerWebhook: false, options: { dedupWindowHours: 1 } }), CREDENTIALS);
			await trigger.activate();
			await trigger.deliver({ body: completed(), headers: withSecret });
			await trigger.activate('init'); // new activation: the in-process memory no longer applies
			expect((await trigger.deliver({ body: completed(), headers: withSecret })).started).toBeUndefined();

			// move every remembered event 61 minutes into the past
			const state = trigger.storedStaticData['node:BankConnect Trigger'] as { seen: Array<[string, number]> };
			state.seen = state.seen.map(([hash, at]) => [hash, at - 61 * 60]);
			await trigger.activate('init');
			expect((await trigger.deliver({ body: completed(), headers: withSecret })).started).toHaveLength(1);
		});

		test('the memory is capped: the oldest events are forgotten first', async () => {
			const trigger = new TriggerHarness(entityParameters({ options: { dedupMaxEntries: 100 } }), CREDENTIALS);
			for (let index = 0; index < 150; index++) {
				await trigger.deliver({ body: completed('ent-1', `stm-${index}`), headers: withSecret });
			}
			const seen = (trigger.nodeStaticData.seen as unknown[]).length;
			expect(seen).toBe(100);
			expect(trigger.executions).toHaveLength(150);
		});
	});
});
