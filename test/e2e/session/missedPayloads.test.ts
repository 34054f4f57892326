/**
 * Missed webhook payloads after an outage, through the engine against the sandbox process:
 * Webhook → Update URL (entity flow, manual uploads too) points at a receiver that answers 500;
 * statements go to entities of two link IDs a few sandbox minutes apart (one fails processing);
 * every delivery fails twice; Webhook → Get Missed Payloads then returns what BankConnect kept,
 * newest first, filtered by After and Progress.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { INode, INodeExecutionData } from 'n8n-workflow';

import { bankConnectCredentials, runWorkflow } from '../../harness/engine';
import type { WorkflowJson } from '../../harness/engine';
import { PACKAGE_NAME } from '../../harness/repository';
import { runNodeOk } from '../../harness/runNode';
import { advanceClock, listDeliveries } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { sampleUrl, startReceiver, waitFor } from './helpers';
import type { WebhookReceiver } from './helpers';

jest.setTimeout(90_000);

const FAILURE_REASON = 'Transactions could not be extracted from the statement';

let sandbox: SandboxProcess;
let outage: WebhookReceiver;

function bankConnectNode(name: string, x: number, parameters: Record<string, unknown>): INode {
	return {
		id: name,
		name,
		type: `${PACKAGE_NAME}.bankConnect`,
		typeVersion: 1,
		position: [x, 0],
		parameters: parameters as INode['parameters'],
		credentials: { bankConnectApi: { id: '1', name: 'BankConnect account' } },
	};
}

/** Start → Entity → Create (the item's link ID) → Statement → Upload (the item's statement URL), no waiting. */
const uploadToNewEntity: WorkflowJson = {
	nodes: [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		bankConnectNode('Create Entity', 200, { resource: 'entity', operation: 'create', linkId: '={{ $json.link_id }}', isSingleAccount: false, metaDataFormat: 'text', metaData: '' }),
		bankConnectNode('Upload Statement', 400, {
			resource: 'statement',
			operation: 'upload',
			source: 'url',
			fileUrl: "={{ $('Start').item.json.statement_url }}",
			bankMode: 'detect',
			target: 'entity',
			entityId: '={{ $json.entity_id }}',
			then: 'none',
		}),
	],
	connections: {
		Start: { main: [[{ node: 'Create Entity', type: NodeConnectionTypes.Main, index: 0 }]] },
		'Create Entity': { main: [[{ node: 'Upload Statement', type: NodeConnectionTypes.Main, index: 0 }]] },
	},
};

interface Upload {
	linkId: string;
	entityId: string;
	statementId: string;
}

/** Uploads one statement to a new entity of the link ID and waits for both failed deliveries of its payload. */
async function uploadDuringOutage(linkId: string, spec: { bank: string; months: number; seed: string }): Promise<Upload> {
	const run = await runWorkflow(uploadToNewEntity, {
		credentials: bankConnectCredentials(sandbox.baseUrl),
		startItems: [{ json: { link_id: linkId, statement_url: sampleUrl(sandbox, spec) } }],
	});
	expect(run.run.data.resultData.error).toBeUndefined();
	const [uploaded] = run.output('Upload Statement');
	expect(uploaded.json).toMatchObject({ entity_id: run.output('Create Entity')[0].json.entity_id, bank_name: spec.bank });
	const upload = { linkId, entityId: uploaded.json.entity_id as string, statementId: uploaded.json.statement_id as string };
	await waitFor(() => outage.received.filter((request) => request.body.statement_id === upload.statementId).length === 2, `both deliveries of ${upload.statementId}`);
	return upload;
}

async function missedPayloads(linkIds: unknown, options: Record<string, unknown> = {}): Promise<INodeExecutionData[]> {
	return await runNodeOk({ resource: 'webhook', operation: 'getMissedPayloads', linkIds, options }, { sandbox });
}

const LINK = 'outage-loan-2001';
const OTHER_LINK = 'outage-loan-2002';
let first: Upload;
let second: Upload;
let failed: Upload;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '100', '--webhook-attempts', '2', '--webhook-backoff-ms', '50']);
	outage = await startReceiver(500);

	const [updated] = await runNodeOk({ resource: 'webhook', operation: 'updateUrl', flow: 'entity', webhookUrl: outage.url, webhookMode: 1 }, { sandbox });
	expect(updated.json).toEqual({ flow: 'entity', webhook_url: outage.url, webhook_mode: 1, message: 'success' });

	// a few sandbox minutes apart, so each payload has its own date_time
	first = await uploadDuringOutage(LINK, { bank: 'hdfc', months: 2, seed: 'outage-first' });
	await advanceClock(sandbox.origin, 120_000);
	second = await uploadDuringOutage(LINK, { bank: 'sbi', months: 2, seed: 'outage-second' });
	await advanceClock(sandbox.origin, 120_000);
	const response = await fetch(`${sandbox.origin}/__sandbox/processing-failures`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ count: 1, reason: FAILURE_REASON }),
	});
	expect(response.status).toBe(201);
	failed = await uploadDuringOutage(OTHER_LINK, { bank: 'axis', months: 2, seed: 'outage-failed' });
});

afterAll(async () => {
	await outage?.close();
	await sandbox?.stop();
});

const payloadOf = (upload: Upload, progress = 'completed', reason = '') => ({
	statement_id: upload.statementId,
	entity_id: upload.entityId,
	link_id: upload.linkId,
	progress,
	reason,
	date_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
});

test('the sandbox tried every payload twice at the outage receiver and logged each failed attempt', async () => {
	const attempts = (await listDeliveries(sandbox.origin)).filter((delivery) => delivery.flow === 'entity');
	expect(attempts.map((delivery) => [delivery.body.statement_id, delivery.attempt, delivery.status, delivery.url])).toEqual(
		[first, second, failed].flatMap((upload) => [
			[upload.statementId, 1, 500, outage.url],
			[upload.statementId, 2, 500, outage.url],
		]),
	);
	expect(outage.received.map((request) => request.body)).toEqual(
		[first, second, failed].flatMap((upload) => {
			const body = upload === failed ? { ...payloadOf(upload, 'failed', FAILURE_REASON) } : { ...payloadOf(upload) };
			delete (body as Partial<typeof body>).date_time;
			return [body, body];
		}),
	);
});

test('Get Missed Payloads for the link ID: both payloads, newest first, completed', async () => {
	const items = await missedPayloads(LINK);
	expect(items.map((item) => item.json)).toEqual([payloadOf(second), payloadOf(first)]);
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	expect((items[0].json.date_time as string) > (items[1].json.date_time as string)).toBe(true);
});

test('two link IDs (one per line) merge newest first; Progress keeps the failed or the completed ones', async () => {
	const both = `${LINK}\n${OTHER_LINK}`;
	expect((await missedPayloads(both)).map((item) => item.json)).toEqual([payloadOf(failed, 'failed', FAILURE_REASON), payloadOf(second), payloadOf(first)]);
	expect((await missedPayloads(both, { progress: 'failed' })).map((item) => item.json)).toEqual([payloadOf(failed, 'failed', FAILURE_REASON)]);
	expect((await missedPayloads(both, { progress: 'completed' })).map((item) => item.json)).toEqual([payloadOf(second), payloadOf(first)]);
});

test('After keeps only payloads sent later than it', async () => {
	const [newest, oldest] = (await missedPayloads(LINK)).map((item) => item.json.date_time as string);
	const isoOf = (dateTime: string) => dateTime.replace(' ', 'T');

	expect((await missedPayloads(LINK, { after: isoOf(oldest) })).map((item) => item.json)).toEqual([payloadOf(second)]);
	expect((await missedPayloads([LINK, OTHER_LINK], { after: isoOf(newest) })).map((item) => item.json)).toEqual([payloadOf(failed, 'failed', FAILURE_REASON)]);
	expect(await missedPayloads(LINK, { after: isoOf(newest) })).toEqual([]);
});
