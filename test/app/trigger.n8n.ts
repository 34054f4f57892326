import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { createInstance, importCredential, importWorkflow } from '../harness/app/instance';
import { runN8nOk } from '../harness/app/n8nCli';
import { N8nRest } from '../harness/app/n8nRest';
import { startN8nProcess } from '../harness/app/n8nServer';
import type { N8nProcess } from '../harness/app/n8nServer';
import { ACCOUNT, HOLDER, uploadSampleStatement, waitForDelivery, waitForWebhookRegistrations } from '../harness/app/sandboxFlow';
import { productionWebhookUrl, triggerWorkflow } from '../harness/app/workflows';

const SECRET = 'n8n-app-webhook-secret';
const WORKFLOW_ID = 'TriggerToIdentit';
const WEBHOOK_ID = '3f6f7a52-2b1c-4d8e-9a0b-5c1d2e3f4a5b';

/**
 * `n8n start` with the trigger workflow published: the trigger registers n8n's production webhook
 * URL with the sandbox on activation, the sandbox delivers there, and n8n runs the workflow.
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
		await importCredential(instance, sandbox);
		await importWorkflow(instance, WORKFLOW_ID, triggerWorkflow('Statement analysed → identity', WEBHOOK_ID, SECRET));
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
});
