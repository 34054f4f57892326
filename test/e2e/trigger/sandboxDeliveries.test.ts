/**
 * The trigger receiving for real: a local HTTP receiver hands every request to the trigger's
 * webhook() (n8n-core WebhookContext, static data loaded and saved per request as n8n does).
 * Part 1: the sandbox delivers for real — the trigger registers the receiver with update_webhook,
 * statements are uploaded and processed, the sandbox POSTs the events with its x-secret-key.
 * Part 2: 1,000 deliveries at concurrency 50 are POSTed by this test in the sandbox's delivery
 * format (the sandbox makes one delivery per processed statement, too slow for 1,000): 10% repeats,
 * 5% with a wrong secret. Part 3: catch-up through the sandbox's webhook_payloads (the sandbox
 * tries each delivery once here, so a delivery refused while inactive is only recovered by catch-up).
 */
import { createServer } from 'http';
import type { Server } from 'http';
import type { AddressInfo } from 'net';

import { bankConnectCredentials } from '../../harness/engine';
import { listDeliveries, sampleStatement } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { TriggerHarness } from '../../harness/triggerHarness';

jest.setTimeout(180_000);

const SECRET = 'e2e-webhook-secret';
const LINK_ID = 'e2e-trigger-link';

let sandbox: SandboxProcess;
let receiver: Server;
let receiverBase: string;
let trigger: TriggerHarness;
/** the n8n workflow is inactive: its production URL answers 404, as n8n does */
let inactive = false;
/** requests whose webhook() or execution has not finished (the 200 is sent before the analysis read) */
let inFlight = 0;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--webhook-secret', SECRET, '--processing-ms', '100', '--webhook-attempts', '1']);
	receiver = createServer((req, res) => {
		if (inactive) {
			req.resume();
			res.statusCode = 404;
			res.end('{"message":"The requested webhook is not registered."}');
			return;
		}
		inFlight++;
		trigger
			.handleHttp(req, res)
			.catch((error: Error) => {
				res.statusCode = 500;
				res.end(JSON.stringify({ message: error.message }));
			})
			.finally(() => inFlight--);
	});
	// fetch keeps connections alive: the server must not close one idle under load just as the next request goes out
	receiver.keepAliveTimeout = 120_000;
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
	trigger = new TriggerHarness(
		{ flow: 'entity', registerWebhook: true, webhookMode: 1, catchUp: true, linkIds: LINK_ID },
		bankConnectCredentials(sandbox.baseUrl, { webhookSecret: SECRET }),
		{ webhookBaseUrl: receiverBase },
	);
});

afterAll(async () => {
	await new Promise((resolve) => receiver?.close(resolve));
	await sandbox?.stop();
});

async function api(method: string, path: string, body?: FormData): Promise<Record<string, unknown>> {
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash },
		body,
	});
	const json = (await response.json()) as Record<string, unknown>;
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
	return json;
}

async function uploadStatements(entityId: string, seeds: string[]): Promise<string[]> {
	const ids: string[] = [];
	for (const seed of seeds) {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 1, seed, account: `5010${seed.replace(/\D/g, '').padStart(8, '0')}` });
		const form = new FormData();
		form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `${seed}.pdf`);
		form.append('bank_name', 'hdfc');
		form.append('entity_id', entityId);
		ids.push((await api('POST', '/v1/statement/upload/', form)).statement_id as string);
	}
	return ids;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function startedKeys(): string[] {
	return trigger.executions.flat().map((item) => `${item.json.entity_id}|${item.json.statement_id}|${item.json.status}`);
}

let entityId: string;

test('the sandbox delivers processed statements to the registered trigger; each starts once', async () => {
	await expect(trigger.activate()).resolves.toBe('created');
	const form = new FormData();
	form.append('link_id', LINK_ID);
	entityId = (await api('POST', '/v1/entity/', form)).entity_id as string;

	const statementIds = await uploadStatements(entityId, ['101', '102', '103', '104', '105']);
	await waitFor(async () => startedKeys().length >= statementIds.length, 'five real deliveries');

	const deliveries = (await listDeliveries(sandbox.origin)).filter((d) => d.flow === 'entity');
	expect(deliveries.map((d) => d.url)).toEqual(statementIds.map(() => trigger.productionUrl));
	expect(deliveries.every((d) => d.status === 200 && d.headers['x-secret-key'] === '[present]')).toBe(true);
	expect(startedKeys().sort()).toEqual(statementIds.map((id) => `${entityId}|${id}|completed`).sort());
	expect(trigger.executions.flat().every((item) => item.json.link_id === LINK_ID && item.json.source === 'webhook')).toBe(true);
});

test('1,000 deliveries at concurrency 50, 10% repeats and 5% bad secrets: every distinct event starts exactly once', async () => {
	const startedBefore = startedKeys().length;
	type Delivery = { body: Record<string, unknown>; secret: string; kind: 'new' | 'repeat' | 'bad' };
	const deliveries: Delivery[] = [];
	const distinct: Delivery[] = [];
	for (let index = 0; index < 1000; index++) {
		if (index % 20 === 7) {
			// a forged event nobody else sends: it must never start
			deliveries.push({ kind: 'bad', secret: 'guessed-secret', body: { entity_id: `forged-${index}`, statement_id: `stm-${index}`, link_id: LINK_ID, progress: 'completed', reason: '' } });
		} else if (index % 10 === 3 && distinct.length > 0) {
			deliveries.push({ ...distinct[(index * 7) % distinct.length], kind: 'repeat' });
		} else {
			const progress = index % 4 === 0 ? 'failed' : 'completed';
			const delivery: Delivery = {
				kind: 'new',
				secret: SECRET,
				body: { entity_id: `ent-${index % 97}`, statement_id: `bulk-${index}`, link_id: LINK_ID, progress, reason: progress === 'failed' ? 'PDF is not parsable' : '' },
			};
			distinct.push(delivery);
			deliveries.push(delivery);
		}
	}
	expect(deliveries.filter((d) => d.kind === 'repeat')).toHaveLength(100);
	expect(deliveries.filter((d) => d.kind === 'bad')).toHaveLength(50);

	// with an analysis read after the 200, static data is saved only after an await: deliveries
	// overlap as they do in n8n, and the duplicate check must hold anyway
	trigger.node.parameters.attachAnalysis = 'identity';
	const statuses = new Array<number>(deliveries.length);
	let next = 0;
	const worker = async () => {
		while (next < deliveries.length) {
			const index = next++;
			const response = await fetch(trigger.productionUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-secret-key': deliveries[index].secret },
				body: JSON.stringify(deliveries[index].body),
			});
			await response.text();
			statuses[index] = response.status;
		}
	};
	await Promise.all(Array.from({ length: 50 }, worker));
	await waitFor(async () => inFlight === 0, 'the executions to finish');
	trigger.node.parameters.attachAnalysis = 'none';

	expect(deliveries.filter((d, i) => d.kind === 'bad' && statuses[i] !== 401)).toEqual([]);
	expect(deliveries.filter((d, i) => d.kind !== 'bad' && statuses[i] !== 200)).toEqual([]);
	const started = startedKeys().slice(startedBefore);
	const expected = distinct.map((d) => `${d.body.entity_id}|${d.body.statement_id}|${d.body.progress}`);
	expect(started.length).toBe(expected.length); // none twice
	expect(new Set(started)).toEqual(new Set(expected)); // none lost
	expect(started.filter((key) => key.startsWith('forged-'))).toEqual([]); // no bad one
});

test('events the sandbox sent while the workflow was inactive are replayed from webhook_payloads on activation', async () => {
	const before = startedKeys().length;
	await trigger.deactivate();
	inactive = true;
	const missedIds = await uploadStatements(entityId, ['201', '202']);
	await waitFor(
		async () => (await listDeliveries(sandbox.origin)).filter((d) => missedIds.includes(d.body.statement_id as string) && d.status === 404).length >= 2,
		'the deliveries refused while inactive',
	);
	inactive = false;
	await expect(trigger.activate()).resolves.toBe('created');
	// payloads from the second of the last one known are queued too; the duplicate memory drops those already started
	const pending = (trigger.nodeStaticData.pendingCatchUp as Array<{ statement_id: string }>).map((p) => p.statement_id);
	expect(pending).toEqual(expect.arrayContaining(missedIds));

	// the next real delivery brings them along in one execution
	const [liveId] = await uploadStatements(entityId, ['203']);
	await waitFor(async () => startedKeys().length >= before + 3, 'the next delivery with the missed events');
	const execution = trigger.executions[trigger.executions.length - 1];
	expect(execution.map((item) => [item.json.statement_id, item.json.source])).toEqual([
		...missedIds.map((id) => [id, 'catch-up']),
		[liveId, 'webhook'],
	]);
	expect(startedKeys().length).toBe(before + 3);
});
