import { listRequests } from '../harness/sandboxClient';
import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { createInstance, importCredential, importWorkflow } from '../harness/app/instance';
import { runN8nOk } from '../harness/app/n8nCli';
import { N8nRest } from '../harness/app/n8nRest';
import type { ExecutionSummary } from '../harness/app/n8nRest';
import { startN8nProcess } from '../harness/app/n8nServer';
import type { N8nProcess } from '../harness/app/n8nServer';
import { ACCOUNT, HOLDER, uploadSampleStatement, waitForDelivery, waitForWebhookRegistrations } from '../harness/app/sandboxFlow';
import { productionWebhookUrl, testWebhookUrl, triggerWorkflow } from '../harness/app/workflows';

const SECRET = 'n8n-app-webhook-secret';
const WORKFLOW_ID = 'TriggerToIdentit';
const WEBHOOK_ID = '3f6f7a52-2b1c-4d8e-9a0b-5c1d2e3f4a5b';

/**
 * `n8n start` with the trigger workflow published: the trigger registers n8n's production webhook
 * URL with the sandbox on activation, the sandbox delivers there, and n8n runs the workflow. The
 * webhook secret is the credential's. "Listen for test event" is what the editor's button sends.
 */
describe('n8n start, the BankConnect Trigger receiving the sandbox’s webhooks', () => {
	let sandbox: SandboxProcess;
	let instance: ReturnType<typeof createInstance>;
	let main: N8nProcess;
	let rest: N8nRest;
	let webhookUrl: string;

	beforeAll(async () => {
		sandbox = await startSandboxProcess(['--processing-ms', '300', '--webhook-secret', SECRET]);
		instance = createInstance();
		await importCredential(instance, sandbox, { webhookSecret: SECRET });
		await importWorkflow(instance, WORKFLOW_ID, triggerWorkflow('Statement analysed → identity', WEBHOOK_ID));
		await runN8nOk(instance, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		main = await startN8nProcess(instance, 'start');
		webhookUrl = productionWebhookUrl(main.url, WEBHOOK_ID);
		rest = new N8nRest(main.url);
		await rest.setupOwner();
		await waitForWebhookRegistrations(sandbox, 1);
	});

	afterAll(async () => {
		await main?.stop();
		await sandbox?.stop();
		instance?.remove();
	});

	let delivered: Record<string, unknown>;

	it('runs the workflow once per delivered analysis, the trigger’s item feeding the next BankConnect node', async () => {
		const uploaded = await uploadSampleStatement(sandbox, 'trigger-1');
		const delivery = await waitForDelivery(sandbox, uploaded.entity_id);
		delivered = delivery.body;

		expect(delivery).toMatchObject({ url: webhookUrl, status: 200, attempt: 1 });
		expect(delivery.body).toEqual({ entity_id: uploaded.entity_id, statement_id: uploaded.statement_id, link_id: null, progress: 'completed', reason: '' });
		const [summary] = await rest.waitForExecutions(WORKFLOW_ID, 1);
		expect(summary).toMatchObject({ mode: 'webhook', status: 'success' });
		const execution = await rest.execution(summary.id);
		expect(execution.output('Statement Analysed')).toEqual([
			{
				flow: 'entity',
				event: 'analysis completed',
				entity_id: uploaded.entity_id,
				statement_id: uploaded.statement_id,
				link_id: null,
				status: 'completed',
				reason: null,
				event_time: expect.any(String),
				received_at: expect.any(String),
				source: 'webhook',
				event_key: `entity|${uploaded.entity_id}|${uploaded.statement_id}|completed`,
			},
		]);
		expect(execution.output('Identity')).toEqual([expect.objectContaining({ account_number: ACCOUNT, name: HOLDER })]);
	});

	it('answers a wrong or missing x-secret-key with 401 and starts nothing', async () => {
		const wrong = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-secret-key': 'not-the-secret' },
			body: JSON.stringify({ ...delivered, statement_id: 'forged-statement' }),
		});
		const missing = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...delivered, statement_id: 'forged-statement' }),
		});

		expect(wrong.status).toBe(401);
		expect(await wrong.json()).toEqual({ message: 'Refused: the x-secret-key header is wrong' });
		expect(missing.status).toBe(401);
		expect(await missing.json()).toEqual({ message: 'Refused: the x-secret-key header is missing' });
		await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
		expect(await rest.executions(WORKFLOW_ID)).toHaveLength(1);
	});

	it('starts nothing for a repeat of a delivered event', async () => {
		const repeat = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-secret-key': SECRET },
			body: JSON.stringify(delivered),
		});

		expect(repeat.status).toBe(200);
		expect(await repeat.json()).toEqual({ message: 'received', started: 0 });
		await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
		expect(await rest.executions(WORKFLOW_ID)).toHaveLength(1);
	});

	/** The editor's "Listen for test event" (Execute workflow from the trigger) on the published workflow. */
	async function listenForTestEvent(): Promise<void> {
		expect(await rest.json('POST', `/rest/workflows/${WORKFLOW_ID}/run`, { triggerToStartFrom: { name: 'Statement Analysed' } })).toEqual({
			data: { waitingForWebhook: true },
		});
	}

	async function registrations(): Promise<number> {
		return (await listRequests(sandbox.origin)).filter((r) => r.path.endsWith('/update_webhook/') && r.status === 200).length;
	}

	/** The production executions (mode webhook), once there are `count` finished. */
	async function productionExecutions(count: number): Promise<ExecutionSummary[]> {
		for (let attempt = 0; attempt < 200; attempt++) {
			const production = (await rest.executions(WORKFLOW_ID)).filter((e) => e.mode === 'webhook' && e.stoppedAt !== null);
			if (production.length >= count) return production.sort((a, b) => Number(a.id) - Number(b.id));
			await new Promise((resolveWait) => setTimeout(resolveWait, 300));
		}
		throw new Error(`fewer than ${count} production executions`);
	}

	it('after "Listen for test event" ends with a test delivery, the account points at the production URL again', async () => {
		const before = await registrations();
		await listenForTestEvent();
		await waitForWebhookRegistrations(sandbox, before + 1);

		const tested = await uploadSampleStatement(sandbox, 'trigger-test-listen');
		expect(await waitForDelivery(sandbox, tested.entity_id)).toMatchObject({ url: testWebhookUrl(main.url, WEBHOOK_ID), status: 200 });
		await waitForWebhookRegistrations(sandbox, before + 2);

		const live = await uploadSampleStatement(sandbox, 'trigger-after-listen');
		expect(await waitForDelivery(sandbox, live.entity_id)).toMatchObject({ url: webhookUrl, status: 200 });
		const production = await productionExecutions(2);
		expect((await rest.execution(production[1].id)).output('Statement Analysed')).toEqual([expect.objectContaining({ entity_id: live.entity_id })]);
	});

	it('after a listen is stopped, too', async () => {
		const before = await registrations();
		await listenForTestEvent();
		await waitForWebhookRegistrations(sandbox, before + 1);
		await rest.json('DELETE', `/rest/test-webhook/${WORKFLOW_ID}`);
		await waitForWebhookRegistrations(sandbox, before + 2);

		const live = await uploadSampleStatement(sandbox, 'trigger-after-stop');
		expect(await waitForDelivery(sandbox, live.entity_id)).toMatchObject({ url: webhookUrl, status: 200 });
		const production = await productionExecutions(3);
		expect((await rest.execution(production[2].id)).output('Statement Analysed')).toEqual([expect.objectContaining({ entity_id: live.entity_id })]);
	});
});
