import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { createInstance, importCredential, importWorkflow } from '../harness/app/instance';
import { runN8nOk } from '../harness/app/n8nCli';
import { N8nRest } from '../harness/app/n8nRest';
import { startN8nProcess } from '../harness/app/n8nServer';
import type { N8nProcess } from '../harness/app/n8nServer';
import { startQueueServices } from '../harness/app/queueServices';
import type { QueueServices } from '../harness/app/queueServices';
import { startRoundRobin } from '../harness/app/roundRobin';
import type { RoundRobin } from '../harness/app/roundRobin';
import { ACCOUNT, HOLDER, uploadSampleStatement, waitForDelivery, waitForWebhookRegistrations } from '../harness/app/sandboxFlow';
import { productionWebhookUrl, triggerWorkflow } from '../harness/app/workflows';

const SECRET = 'n8n-queue-webhook-secret';
const WORKFLOW_ID = 'QueueTriggerIden';
const WEBHOOK_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

/**
 * Queue mode: `n8n start` (no production webhooks), two `n8n webhook` processes behind a round-robin
 * balancer that the trigger registers as n8n's webhook URL, and an `n8n worker`, on Redis and
 * PostgreSQL. The sandbox delivers to the balancer; executions run on the worker.
 */
describe('queue mode: main, two webhook processes and a worker', () => {
	let services: QueueServices;
	let sandbox: SandboxProcess;
	let instance: ReturnType<typeof createInstance>;
	let balancer: RoundRobin;
	const targets: string[] = [];
	const processes: N8nProcess[] = [];
	let worker: N8nProcess;
	let webhookA: N8nProcess;
	let webhookB: N8nProcess;
	let rest: N8nRest;

	beforeAll(async () => {
		[services, sandbox] = await Promise.all([startQueueServices(), startSandboxProcess(['--processing-ms', '300', '--webhook-secret', SECRET])]);
		instance = createInstance(services.env);
		await importCredential(instance, sandbox, { webhookSecret: SECRET });
		await importWorkflow(instance, WORKFLOW_ID, triggerWorkflow('Statement analysed → identity (queue)', WEBHOOK_ID));
		await runN8nOk(instance, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		balancer = await startRoundRobin(targets);
		const main = await startN8nProcess(instance, 'start', { webhookUrl: balancer.url, env: { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } });
		processes.push(main);
		[webhookA, webhookB, worker] = await Promise.all([
			startN8nProcess(instance, 'webhook', { webhookUrl: balancer.url }),
			startN8nProcess(instance, 'webhook', { webhookUrl: balancer.url }),
			startN8nProcess(instance, 'worker'),
		]);
		processes.push(webhookA, webhookB, worker);
		targets.push(webhookA.url, webhookB.url);
		rest = new N8nRest(main.url);
		await rest.setupOwner();
		await waitForWebhookRegistrations(sandbox, 1);
	}, 300_000);

	afterAll(async () => {
		await Promise.all(processes.map(async (process) => await process.stop()));
		await balancer?.close();
		await sandbox?.stop();
		await services?.stop();
		instance?.remove();
	}, 60_000);

	let delivered: Record<string, unknown>;

	it('runs the delivered analysis on the worker, the BankConnect nodes included', async () => {
		const uploaded = await uploadSampleStatement(sandbox, 'queue-1');
		const delivery = await waitForDelivery(sandbox, uploaded.entity_id);
		delivered = delivery.body;

		expect(delivery).toMatchObject({ url: productionWebhookUrl(balancer.url, WEBHOOK_ID), status: 200, attempt: 1 });
		const [summary] = await rest.waitForExecutions(WORKFLOW_ID, 1);
		expect(summary).toMatchObject({ mode: 'webhook', status: 'success' });
		const execution = await rest.execution(summary.id);
		expect(execution.output('Statement Analysed')).toEqual([
			expect.objectContaining({ event: 'analysis completed', entity_id: uploaded.entity_id, statement_id: uploaded.statement_id, source: 'webhook' }),
		]);
		expect(execution.output('Identity')).toEqual([expect.objectContaining({ account_number: ACCOUNT, name: HOLDER })]);
		expect(worker.log()).toContain(`Worker started execution ${summary.id} `);
		for (const other of processes.filter((process) => process !== worker)) {
			expect(other.log()).not.toContain(`Worker started execution ${summary.id} `);
		}
	});

	async function deliver(to: N8nProcess, body: Record<string, unknown>): Promise<{ message: string; started: number }> {
		const response = await fetch(productionWebhookUrl(to.url, WEBHOOK_ID), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-secret-key': SECRET },
			body: JSON.stringify(body),
		});
		expect(response.status).toBe(200);
		return (await response.json()) as { message: string; started: number };
	}

	it('starts each event once when its repeats reach both webhook processes, at the same moment or after', async () => {
		const before = (await rest.executions(WORKFLOW_ID)).length;
		const events = Array.from({ length: 12 }, (_, index) => ({ ...delivered, statement_id: `repeated-${index}` }));
		const answers: Array<{ started: number }> = [];
		// the original at A and its repeat at B at the same moment
		for (const event of events.slice(0, 6)) answers.push(...(await Promise.all([deliver(webhookA, event), deliver(webhookB, event)])));
		// the repeat at B once A has answered (A saves static data only after its answer)
		for (const event of events.slice(6)) {
			answers.push(await deliver(webhookA, event));
			answers.push(await deliver(webhookB, event));
		}
		// every event once more at B, seconds later, and the first delivered event again
		for (const event of [...events, delivered]) answers.push(await deliver(webhookB, event));

		const handedOver = answers.reduce((sum, answer) => sum + answer.started, 0);
		const executions = (await rest.waitForExecutions(WORKFLOW_ID, before + handedOver)).slice(before);
		await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
		expect(await rest.executions(WORKFLOW_ID)).toHaveLength(before + handedOver);

		const started: unknown[] = [];
		let stoppedAtTrigger = 0;
		for (const summary of executions) {
			const execution = await rest.execution(summary.id);
			expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
			expect(worker.log()).toContain(`Worker started execution ${summary.id} `);
			const items = execution.output('Statement Analysed');
			if (items.length === 0) {
				stoppedAtTrigger++;
				expect(execution.nodesRun).toEqual(['Statement Analysed']);
			} else {
				started.push(...items.map((item) => item.statement_id));
				expect(execution.output('Identity')).toEqual([expect.objectContaining({ account_number: ACCOUNT })]);
			}
		}
		// every event went on exactly once; the repeats the webhook processes let through stopped at the trigger
		expect(started.sort()).toEqual(events.map((event) => event.statement_id).sort());
		expect(stoppedAtTrigger).toBe(handedOver - events.length);
		expect(stoppedAtTrigger).toBeGreaterThan(0);
	});
});
