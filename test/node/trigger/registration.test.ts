import nock from 'nock';

import { useNock } from '../../harness/nockPerFile';
import { TriggerHarness } from '../../harness/triggerHarness';
import { API_HEADERS, API_ORIGIN, CREDENTIALS, entityParameters, ISO_TIME, sessionParameters } from './fixtures';

useNock();
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	nock.cleanAll();
});

function expectUpdateWebhook(path: string, body: Record<string, unknown>, status = 200, reply: unknown = { message: 'success' }) {
	return nock(API_ORIGIN, { reqheaders: { ...API_HEADERS, 'content-type': 'application/json' } })
		.post(`/bank-connect${path}`, (sent) => JSON.stringify(sent) === JSON.stringify(body))
		.reply(status, reply as nock.Body);
}

describe('BankConnect Trigger registration (webhookMethods through n8n-core HookContext)', () => {
	test('activation sets the entity webhook URL with the chosen mode and records it', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		const scope = expectUpdateWebhook('/v1/entity/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 1 });
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
		expectUpdateWebhook('/v1/entity/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 0 });
		await expect(trigger.activate()).resolves.toBe('created');
	});

	test('the session flow registers through session_data/update_webhook with mode 3', async () => {
		const trigger = new TriggerHarness(sessionParameters(), CREDENTIALS);
		expectUpdateWebhook('/v1/session_data/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 3 });
		await expect(trigger.activate()).resolves.toBe('created');
		expect(trigger.nodeStaticData.registration).toMatchObject({ flow: 'session', mode: 3 });
	});

	test('checkExists compares with the record: a restart registers nothing, a deactivation forgets it', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		expectUpdateWebhook('/v1/entity/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		await trigger.activate();
		const firstActivation = trigger.nodeStaticData.activationId;

		// n8n restarts: checkExists finds the same URL, flow and mode recorded → no request
		await expect(trigger.activate('init')).resolves.toBe('existed');
		expect(trigger.nodeStaticData.activationId).not.toBe(firstActivation);

		// the API cannot remove a URL: deactivation only records the time
		await trigger.deactivate();
		expect(trigger.nodeStaticData.registration).toBeUndefined();
		expect(trigger.nodeStaticData.deactivatedAt).toEqual(ISO_TIME);

		// activating again registers again (someone may have replaced the URL meanwhile)
		expectUpdateWebhook('/v1/entity/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		await expect(trigger.activate()).resolves.toBe('created');
	});

	test('a changed mode is not "existing": it is registered again', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		expectUpdateWebhook('/v1/entity/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 1 });
		await trigger.activate();
		trigger.node.parameters.webhookMode = 0;
		expectUpdateWebhook('/v1/entity/update_webhook/', { webhook_url: trigger.productionUrl, webhook_mode: 0 });
		await expect(trigger.activate('init')).resolves.toBe('created');
	});

	test('with registration off nothing is sent', async () => {
		const trigger = new TriggerHarness(entityParameters({ registerWebhook: false }), CREDENTIALS);
		await expect(trigger.activate()).resolves.toBe('existed');
		expect(trigger.nodeStaticData.registration).toBeUndefined();
	});

	test('a refused registration fails the activation with BankConnect\'s message and records nothing', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		expectUpdateWebhook(
			'/v1/entity/update_webhook/',
			{ webhook_url: trigger.productionUrl, webhook_mode: 1 },
			401,
			{ detail: 'Authentication credentials were not provided.' },
		);
		await expect(trigger.activate()).rejects.toThrow('Authentication credentials were not provided.');
		expect(trigger.nodeStaticData.registration).toBeUndefined();
	});

	test('"Listen for test event" registers the test URL', async () => {
		const trigger = new TriggerHarness(entityParameters(), CREDENTIALS);
		expectUpdateWebhook('/v1/entity/update_webhook/', {
			webhook_url: 'https://n8n.example.com/webhook-test/5f0c6a52-9d3b-4c1e-9a57-2f1f0b7d7e01/webhook',
			webhook_mode: 1,
		});
		await expect(trigger.activate('manual', 'manual')).resolves.toBe('created');
	});
});
