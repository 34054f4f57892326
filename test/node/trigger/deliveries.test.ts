import nock from 'nock';

import { useNock } from '../../harness/nockPerFile';
import { TriggerHarness } from '../../harness/triggerHarness';
import { deduplicationStore } from '../../harness/deduplication';
import { recordLogLines } from '../../harness/secretScan';
import {
	API_ORIGIN,
	completed,
	CREDENTIALS,
	CREDENTIALS_WITHOUT_SECRET,
	entityKey,
	entityParameters,
	ISO_TIME,
	SECRET,
	sessionParameters,
	withSecret,
} from './fixtures';

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
						event_key: 'entity|ent-1|stm-1|completed',
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
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS_WITHOUT_SECRET);
			expect((await trigger.deliver({ body: completed() })).status).toBe(200);
		});

		test('a workflow saved with the secret in the node (before the credential had it) is still checked', async () => {
			const trigger = new TriggerHarness(entityParameters({ secret: SECRET }), CREDENTIALS_WITHOUT_SECRET);
			expect((await trigger.deliver({ body: completed(), headers: { 'x-secret-key': 'guess' } })).status).toBe(401);
			expect((await trigger.deliver({ body: completed(), headers: withSecret })).started).toHaveLength(1);
		});

		test('the credential\'s Webhook Secret wins over one left in the node', async () => {
			const trigger = new TriggerHarness(entityParameters({ secret: 'old-node-secret' }), CREDENTIALS);
			expect((await trigger.deliver({ body: completed(), headers: { 'x-secret-key': 'old-node-secret' } })).status).toBe(401);
			expect((await trigger.deliver({ body: completed(), headers: withSecret })).status).toBe(200);
		});

		test('a forged delivery to a trigger without a secret never makes it read analysis with the account\'s key', async () => {
			// activation refuses this combination; a delivery must not read unverified all the same
			const trigger = new TriggerHarness(entityParameters({ attachAnalysis: 'salary' }), CREDENTIALS_WITHOUT_SECRET);
			const read = nock(API_ORIGIN).get('/bank-connect/v1/entity/victim-entity/salary/').reply(200, { entity_id: 'victim-entity' });

			const result = await trigger.deliver({ body: completed('victim-entity') });

			expect(read.isDone()).toBe(false);
			expect(result.started?.[0].json).toMatchObject({
				entity_id: 'victim-entity',
				analysis_error:
					'Attach Analysis needs the Webhook Secret of the BankConnect credential: without it, anyone who learns this URL could make the trigger read any customer\'s analysis with your API key',
			});
			expect(result.started?.[0].json).not.toHaveProperty('analysis');
			nock.cleanAll();
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
					event_key: 'entity|ent-2||failed',
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
					event_key: `session|ses-1|${eventName}`,
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
					json: {
						...common,
						account_id: 'acc-1',
						bank_name: 'hdfc',
						status: 'completed',
						error_code: null,
						error_message: null,
						event_key: 'session|ses-1|ENRICHMENT_NOTIFICATION|acc-1|completed',
					},
					pairedItem: { item: 0 },
				},
				{
					json: {
						...common,
						account_id: 'acc-2',
						bank_name: 'sbi',
						status: 'failed',
						error_code: 'BALANCE_MISMATCH',
						error_message: 'Balances do not add up',
						event_key: 'session|ses-1|ENRICHMENT_NOTIFICATION|acc-2|failed',
					},
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

		test('the memory survives an n8n restart (static data); past the window n8n\'s database still knows the event', async () => {
			const trigger = new TriggerHarness(entityParameters({ registerWebhook: false, options: { dedupWindowHours: 1 } }), CREDENTIALS);
			await trigger.activate();
			await trigger.deliver({ body: completed(), headers: withSecret });
			await trigger.activate('init'); // new activation: the in-process memory no longer applies
			expect((await trigger.deliver({ body: completed(), headers: withSecret })).started).toBeUndefined();

			// move every remembered event 61 minutes into the past: the webhook lets the repeat through…
			const state = trigger.storedStaticData['node:BankConnect Trigger'] as { seen: Array<[string, number]> };
			state.seen = state.seen.map(([hash, at]) => [hash, at - 61 * 60]);
			await trigger.activate('init');
			const late = await trigger.deliver({ body: completed(), headers: withSecret });
			expect(late.responseBody).toEqual({ message: 'received', started: 1 });
			// …and the trigger's execute() stops it: it is among the Remembered Events in the database
			expect(late.started).toEqual([]);
			expect(trigger.executions).toHaveLength(1);
		});

		test('the memory is capped: the oldest events are forgotten first, in static data and in the database', async () => {
			const trigger = new TriggerHarness(entityParameters({ options: { dedupMaxEntries: 100 } }), CREDENTIALS);
			for (let index = 0; index < 150; index++) {
				await trigger.deliver({ body: completed('ent-1', `stm-${index}`), headers: withSecret });
			}
			const seen = (trigger.nodeStaticData.seen as unknown[]).length;
			expect(seen).toBe(100);
			expect(trigger.executions).toHaveLength(150);
			expect(await databaseRow(trigger)).toHaveLength(100);
		});
	});

	describe('repeats reaching another n8n process (queue mode: several webhook processes, one worker)', () => {
		test('webhook() of the other process lets a repeat through; the execution stops at the trigger, which found it in n8n\'s database', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const before = structuredClone(trigger.storedStaticData);
			const first = await trigger.deliver({ body: completed(), headers: withSecret });
			// the other process read static data before the first call saved it
			const repeat = await trigger.deliver({ body: completed(), headers: withSecret }, { process: 'other', staticData: before });

			expect(first.started?.map((item) => item.json.event_key)).toEqual([entityKey('ent-1', 'stm-1')]);
			expect(repeat.responseBody).toEqual({ message: 'received', started: 1 });
			expect(repeat.started).toEqual([]);
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.stoppedAtTrigger).toBe(1);
		});

		test('a repeat and its original at both processes at the same moment: one execution goes on', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const before = structuredClone(trigger.storedStaticData);

			const results = await Promise.all([
				trigger.deliver({ body: completed(), headers: withSecret }),
				trigger.deliver({ body: completed(), headers: withSecret }, { process: 'other', staticData: before }),
			]);

			expect(results.map((result) => result.responseBody)).toEqual([
				{ message: 'received', started: 1 },
				{ message: 'received', started: 1 },
			]);
			expect(trigger.executions).toEqual([[expect.objectContaining({ json: expect.objectContaining({ event_key: entityKey('ent-1', 'stm-1') }) })]]);
			expect(trigger.stoppedAtTrigger).toBe(1);
		});

		test('distinct events at the same moment are all started and all recorded', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const before = structuredClone(trigger.storedStaticData);

			await Promise.all(
				Array.from({ length: 10 }, async (_, index) =>
					await trigger.deliver({ body: completed('ent-1', `stm-${index}`), headers: withSecret }, index % 2 ? { process: 'other', staticData: before } : {}),
				),
			);

			expect(trigger.executions).toHaveLength(10);
			expect(await databaseRow(trigger)).toHaveLength(10);
		});

		test('a test delivery ("Listen for test event") is neither checked against nor recorded in the database', async () => {
			const trigger = new TriggerHarness(entityParameters({ registerWebhook: false }), CREDENTIALS);
			await trigger.activate();
			await trigger.listenForTestEvent();
			expect((await trigger.deliver({ body: completed(), headers: withSecret }, { mode: 'manual' })).started).toHaveLength(1);
			expect(await databaseRow(trigger)).toBeUndefined();

			expect((await trigger.deliver({ body: completed(), headers: withSecret })).started).toHaveLength(1);
		});

		test('if n8n\'s database cannot record the events, they start anyway (a possible repeat, never a lost event) and n8n logs why', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const store = await deduplicationStore();
			const failing = jest.spyOn(store, 'checkProcessedAndRecord').mockRejectedValue(new Error('connection terminated'));
			const logs = recordLogLines();
			try {
				const result = await trigger.deliver({ body: completed(), headers: withSecret });
				expect(result.started).toHaveLength(1);
				expect(failing).toHaveBeenCalledTimes(3);
			} finally {
				failing.mockRestore();
			}
			expect(logs.stop().filter((line) => line.startsWith('warn'))).toEqual([
				'warn BankConnect Trigger "BankConnect Trigger": n8n\'s database did not record the started events (connection terminated); they start the workflow without the check across n8n processes',
			]);
		});
	});
});

/** The hashes n8n's database remembers for this trigger (undefined before the first record). */
async function databaseRow(trigger: TriggerHarness): Promise<string[] | undefined> {
	return (await deduplicationStore()).rows.get(`${trigger.workflowId}|n:${trigger.node.id}`);
}
