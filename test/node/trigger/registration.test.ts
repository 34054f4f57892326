import nock from 'nock';

import { recordLogLines } from '../../harness/secretScan';
import { useNock } from '../../harness/nockPerFile';
import { TriggerHarness } from '../../harness/triggerHarness';
import { API_HEADERS, API_ORIGIN, CREDENTIALS, CREDENTIALS_WITHOUT_SECRET, entityParameters, ISO_TIME, SECRET, sessionParameters } from './fixtures';

useNock();
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	nock.cleanAll();
});

const ENTITY_PATH = '/v1/entity/update_webhook/';

/** update_webhook with exactly this body; the webhook secret is never among what is sent. */
function expectUpdateWebhook(path: string, body: Record<string, unknown>, status = 200, reply: unknown = { message: 'success' }, headers: Record<string, string> = {}) {
	return nock(API_ORIGIN, { reqheaders: { ...API_HEADERS, 'content-type': 'application/json' }, badheaders: ['x-secret-key'] })
		.post(`/bank-connect${path}`, (sent) => JSON.stringify(sent) === JSON.stringify(body))
		.reply(status, reply as nock.Body, headers);
}

/** Every URL update_webhook was sent, in order. */
function recordUpdates(): string[] {
	const urls: string[] = [];
	nock(API_ORIGIN)
		.persist()
		.post(`/bank-connect${ENTITY_PATH}`)
		.reply((_uri, body) => {
			urls.push((body as { webhook_url: string }).webhook_url);
			return [200, { message: 'success' }];
		});
	return urls;
}

describe('BankConnect Trigger registration (webhookMethods through n8n-core HookContext)', () => {
	test('activation sets the entity webhook URL with the chosen mode and records it', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		const scope = expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		expect(trigger.productionUrl).toBe('https://n8n.example.com/webhook/5f0c6a52-9d3b-4c1e-9a57-2f1f0b7d7e01/webhook');

		await expect(trigger.activate()).resolves.toBe('created');

		expect(scope.isDone()).toBe(true);
		expect(trigger.nodeStaticData.registration).toEqual({
			url: trigger.productionUrl,
			flow: 'entity',
			mode: 1,
			registeredAt: ISO_TIME,
		});
		expect(trigger.nodeStaticData.activatedAt).toEqual(ISO_TIME);
	});

	test('"Net Banking Only" sends webhook_mode 0', async () => {
		const trigger = new TriggerHarness(entityParameters({ webhookMode: 0 }), CREDENTIALS);
		expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 0 });
		await expect(trigger.activate()).resolves.toBe('created');
	});

	test('the session flow registers through session_data/update_webhook with mode 3', async () => {
		const trigger = new TriggerHarness(sessionParameters(), CREDENTIALS);
		expectUpdateWebhook('/v1/session_data/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 3 });
		await expect(trigger.activate()).resolves.toBe('created');
		expect(trigger.nodeStaticData.registration).toMatchObject({ flow: 'session', mode: 3 });
	});

	test('every activation registers again, an n8n restart included: BankConnect cannot say where the URL points now', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		await trigger.activate();
		const firstActivation = trigger.nodeStaticData.activationId;

		// n8n restarts: the record says "registered", but the account may point elsewhere by now
		expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		await expect(trigger.activate('init')).resolves.toBe('created');
		expect(trigger.nodeStaticData.activationId).not.toBe(firstActivation);

		// the API cannot remove a URL: deactivation sends nothing and records the time
		await trigger.deactivate();
		expect(trigger.nodeStaticData.registration).toBeUndefined();
		expect(trigger.nodeStaticData.deactivatedAt).toEqual(ISO_TIME);

		expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		await expect(trigger.activate()).resolves.toBe('created');
	});

	test('a changed mode is registered with the next activation', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		await trigger.activate();
		trigger.node.parameters.webhookMode = 0;
		expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 0 });
		await expect(trigger.activate('init')).resolves.toBe('created');
	});

	test('with registration off nothing is sent', async () => {
		const trigger = new TriggerHarness(entityParameters({ registerWebhook: false }), CREDENTIALS);
		await expect(trigger.activate()).resolves.toBe('existed');
		expect(trigger.nodeStaticData.registration).toBeUndefined();
	});

	test('a refused registration fails the activation with BankConnect\'s message and records nothing', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 }, 401, { detail: 'Authentication credentials were not provided.' });
		await expect(trigger.activate()).rejects.toThrow('Authentication credentials were not provided.');
		expect(trigger.nodeStaticData.registration).toBeUndefined();
	});

	test('update_webhook is idempotent: a 503 and a 502 are retried and the activation succeeds', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		const body = { webhook_url: trigger.productionUrl, webhook_mode: 1 };
		expectUpdateWebhook(ENTITY_PATH, body, 503, 'upstream unavailable', { 'Retry-After': '0' });
		expectUpdateWebhook(ENTITY_PATH, body, 502, 'bad gateway', { 'Retry-After': '0' });
		expectUpdateWebhook(ENTITY_PATH, body);

		await expect(trigger.activate()).resolves.toBe('created');
		expect(trigger.nodeStaticData.registration).toMatchObject({ url: trigger.productionUrl });
	});

	describe('"Listen for test event"', () => {
		test('on an active workflow: the test URL while listening, the production URL again when the listen ends', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const updates = recordUpdates();
			await trigger.activate();

			await expect(trigger.listenForTestEvent()).resolves.toBe('created');
			expect(updates).toEqual([trigger.productionUrl, trigger.testUrl]);

			await trigger.stopListening();
			expect(updates).toEqual([trigger.productionUrl, trigger.testUrl, trigger.productionUrl]);
			// the production side's static data was never touched by the listen
			expect(trigger.nodeStaticData.registration).toMatchObject({ url: trigger.productionUrl });
		});

		test('a test delivery ends the listen, and the production URL is set again', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const updates = recordUpdates();
			await trigger.activate();
			await trigger.listenForTestEvent();

			const result = await trigger.deliver(
				{ body: { entity_id: 'ent-1', statement_id: 'stm-1', link_id: null, progress: 'completed', reason: '' }, headers: { 'x-secret-key': SECRET } },
				{ mode: 'manual' },
			);

			expect(result.started?.map((item) => item.json.statement_id)).toEqual(['stm-1']);
			expect(updates).toEqual([trigger.productionUrl, trigger.testUrl, trigger.productionUrl]);
		});

		test('an n8n restart after a listen (even one that never ended) registers the production URL', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const updates = recordUpdates();
			await trigger.activate();
			await trigger.listenForTestEvent();

			await trigger.activate('init');

			expect(updates).toEqual([trigger.productionUrl, trigger.testUrl, trigger.productionUrl]);
		});

		test('on an inactive workflow nothing is put back: there is no production URL to serve', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			const updates = recordUpdates();
			await trigger.activate();
			await trigger.deactivate();

			await trigger.listenForTestEvent();
			await trigger.stopListening();

			expect(updates).toEqual([trigger.productionUrl, trigger.testUrl]);
		});

		test('with registration off a listen sends nothing', async () => {
			const trigger = new TriggerHarness(entityParameters({ registerWebhook: false }), CREDENTIALS);
			await trigger.activate();
			await expect(trigger.listenForTestEvent()).resolves.toBe('existed');
			await trigger.stopListening();
		});

		test('when BankConnect refuses to take the production URL back, n8n is told in its log and the listen still ends', async () => {
			const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
			expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 });
			await trigger.activate();
			expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.testUrl, webhook_mode: 1 });
			await trigger.listenForTestEvent();
			expectUpdateWebhook(ENTITY_PATH, { webhook_url: trigger.productionUrl, webhook_mode: 1 }, 400, { webhook_url: ['Enter a valid URL.'] });

			const logs = recordLogLines();
			await expect(trigger.stopListening()).resolves.toBeUndefined();
			const lines = logs.stop();

			expect(lines.filter((line) => line.startsWith('warn'))).toEqual([
				'warn BankConnect Trigger "BankConnect Trigger": the account\'s webhook URL still points at the test URL after "Listen for test event" (webhook_url: Enter a valid URL.); activate the workflow again to restore it',
			]);
			expect(lines.join('\n')).not.toContain(SECRET);
		});
	});

	describe('Attach Analysis needs the Webhook Secret', () => {
		test.each([
			['entity', { attachAnalysis: 'salary' }],
			['session', { flow: 'session', attachSessionAnalysis: 'insights' }],
		])('%s flow: without a secret the activation is refused before any request', async (_flow, parameters) => {
			const trigger = new TriggerHarness(entityParameters(parameters), CREDENTIALS_WITHOUT_SECRET);

			const refused = trigger.activate();

			await expect(refused).rejects.toThrow(
				'Attach Analysis needs the Webhook Secret of the BankConnect credential: without it, anyone who learns this URL could make the trigger read any customer\'s analysis with your API key',
			);
			await expect(refused).rejects.toMatchObject({
				description: 'Set Webhook Secret in the BankConnect credential to the secret configured for your webhooks at FinBox, or set Attach Analysis to None',
			});
			expect(trigger.nodeStaticData.registration).toBeUndefined();
		});

		test('"Listen for test event" is refused the same way', async () => {
			const trigger = new TriggerHarness(entityParameters({ attachAnalysis: 'identity' }), CREDENTIALS_WITHOUT_SECRET);
			await expect(trigger.listenForTestEvent()).rejects.toThrow('Attach Analysis needs the Webhook Secret');
		});

		test('with the secret in the credential, or still in the deprecated node field, it activates', async () => {
			const withCredential = new TriggerHarness(entityParameters({ attachAnalysis: 'salary' }), CREDENTIALS);
			expectUpdateWebhook(ENTITY_PATH, { webhook_url: withCredential.productionUrl, webhook_mode: 1 });
			await expect(withCredential.activate()).resolves.toBe('created');

			const withParameter = new TriggerHarness(entityParameters({ attachAnalysis: 'salary', secret: SECRET }), CREDENTIALS_WITHOUT_SECRET);
			expectUpdateWebhook(ENTITY_PATH, { webhook_url: withParameter.productionUrl, webhook_mode: 1 });
			await expect(withParameter.activate()).resolves.toBe('created');
		});
	});
});
