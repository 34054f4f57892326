/**
 * The session flow end to end through the n8n engine against the sandbox: a workflow creates a
 * session, uploads two statements of two banks into it, reads the upload status, initiates
 * processing and waits for the insights; then expiry, delete, the session webhook at a local
 * receiver and missed entity-flow payloads after a receiver outage.
 */
import { createServer } from 'http';
import type { IncomingHttpHeaders, Server } from 'http';
import type { AddressInfo } from 'net';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { INode, INodeExecutionData } from 'n8n-workflow';

import { bankConnectCredentials, PACKAGE_NAME, runWorkflow, singleNodeWorkflow } from '../../helpers/engine';
import type { WorkflowJson, WorkflowRun } from '../../helpers/engine';
import { expireSession, listDeliveries } from '../../helpers/sandboxClient';
import { startSandboxProcess } from '../../helpers/sandboxProcess';
import type { SandboxProcess } from '../../helpers/sandboxProcess';
import { contentOf } from '../statement/helpers';

let sandbox: SandboxProcess;

const HDFC = { bank: 'hdfc', months: 3, seed: 'session-journey-hdfc' };
const SBI = { bank: 'sbi', months: 2, seed: 'session-journey-sbi' };

function sampleUrl(spec: { bank: string; months: number; seed: string }): string {
	return `${sandbox.origin}/__sandbox/sample-statement?${new URLSearchParams({ bank: spec.bank, months: String(spec.months), seed: spec.seed })}`;
}

/** Manual Trigger → the given BankConnect nodes, one after another. */
function chain(steps: Array<[string, Record<string, unknown>]>): WorkflowJson {
	const names = ['Start', ...steps.map(([name]) => name)];
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...steps.map(([name, parameters], index): INode => ({
			id: `step-${index}`,
			name,
			type: `${PACKAGE_NAME}.bankConnect`,
			typeVersion: 1,
			position: [200 * (index + 1), 0],
			parameters: parameters as INode['parameters'],
			credentials: { bankConnectApi: { id: '1', name: 'BankConnect account' } },
		})),
	];
	const connections = Object.fromEntries(
		names.slice(0, -1).map((name, index) => [name, { main: [[{ node: names[index + 1], type: NodeConnectionTypes.Main, index: 0 }]] }]),
	);
	return { nodes, connections };
}

async function run(workflow: WorkflowJson): Promise<WorkflowRun> {
	return await runWorkflow(workflow, { credentials: bankConnectCredentials(sandbox.baseUrl) });
}

/** Runs one BankConnect node and returns its items, failing the test with the node's error. */
async function runOne(parameters: Record<string, unknown>): Promise<INodeExecutionData[]> {
	const result = await run(singleNodeWorkflow(parameters));
	const error = result.nodeError('BankConnect');
	if (error) throw error;
	return result.output('BankConnect');
}

async function runOneFailing(parameters: Record<string, unknown>): Promise<Error & { httpCode?: string; description?: string }> {
	const error = (await run(singleNodeWorkflow(parameters))).nodeError('BankConnect');
	if (!error) throw new Error('expected the node to fail');
	return error;
}

const sessionOf = "={{ $('Create Session').item.json.session_id }}";
const uploadInto = (spec: typeof HDFC) => ({
	resource: 'statement',
	operation: 'upload',
	source: 'url',
	fileUrl: sampleUrl(spec),
	bankMode: 'known',
	bankName: spec.bank,
	target: 'session',
	sessionId: sessionOf,
});

/** The journey workflow: create → upload HDFC → upload SBI → upload status (one item, so one Initiate) → initiate, process and wait. */
function journey(linkId: string, output = 'transactions'): WorkflowJson {
	return chain([
		['Create Session', { resource: 'session', operation: 'create', linkId, redirectUrl: 'https://lender.example/done', additionalFields: { sessionExpiry: 30 } }],
		['Upload HDFC', uploadInto(HDFC)],
		['Upload SBI', uploadInto(SBI)],
		['Upload Status', { resource: 'session', operation: 'getUploadStatus', sessionId: sessionOf, output: 'whole' }],
		['Process', { resource: 'session', operation: 'initiateProcessing', sessionId: sessionOf, processAndWait: true, maxWaitSeconds: 60, output }],
	]);
}

function nodeErrors(result: WorkflowRun, names: string[]): string[] {
	return names.map((name) => result.nodeError(name)?.message).filter((message): message is string => message !== undefined);
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '300', '--webhook-attempts', '2', '--webhook-backoff-ms', '100']);
});

afterAll(async () => {
	await sandbox?.stop();
});

describe('the session journey in one workflow', () => {
	let result: WorkflowRun;
	let sessionId: string;

	beforeAll(async () => {
		result = await run(journey('journey-1'));
		expect(nodeErrors(result, ['Create Session', 'Upload HDFC', 'Upload SBI', 'Upload Status', 'Process'])).toEqual([]);
		sessionId = result.output('Create Session')[0].json.session_id as string;
	});

	test('Create outputs the session, its journey link and the link ID', () => {
		expect(result.output('Create Session')).toEqual([
			{
				json: { session_id: expect.stringMatching(/^[0-9a-f-]{36}$/), redirect_url: expect.stringContaining(sessionId), link_id: 'journey-1' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('both uploads land in the session with their banks', () => {
		for (const [node, bank] of [['Upload HDFC', 'hdfc'], ['Upload SBI', 'sbi']]) {
			const [upload, ...rest] = result.output(node);
			expect(rest).toEqual([]);
			expect(upload.json).toMatchObject({ session_id: sessionId, bank_name: bank, statement_id: expect.any(String), account_id: expect.any(String) });
		}
	});

	test('Get Upload Status: the session was in progress with two accounts; one item per statement lists both statements', async () => {
		const [status] = result.output('Upload Status');
		expect(status.json).toMatchObject({ session_id: sessionId, upload_status: 'IN_PROGRESS' });
		expect((status.json.accounts as Array<{ bank_name: string }>).map((account) => account.bank_name)).toEqual(['hdfc', 'sbi']);

		const statements = (await runOne({ resource: 'session', operation: 'getUploadStatus', sessionId, output: 'statements' })).map((item) => item.json);
		expect(statements.map((s) => [s.session_id, s.bank_name, s.statement_id, s.account_id])).toEqual([
			[sessionId, 'hdfc', result.output('Upload HDFC')[0].json.statement_id, result.output('Upload HDFC')[0].json.account_id],
			[sessionId, 'sbi', result.output('Upload SBI')[0].json.statement_id, result.output('Upload SBI')[0].json.account_id],
		]);
	});

	test('Initiate Processing with Process and Wait returns every transaction of both statements as items', () => {
		const items = result.output('Process');
		const hdfcAccount = result.output('Upload HDFC')[0].json.account_id;
		const sbiAccount = result.output('Upload SBI')[0].json.account_id;
		const perAccount = (account: unknown) => items.filter((item) => item.json.account_id === account).length;
		expect(perAccount(hdfcAccount)).toBe(contentOf(HDFC).lines.length);
		expect(perAccount(sbiAccount)).toBe(contentOf(SBI).lines.length);
		expect(items).toHaveLength(contentOf(HDFC).lines.length + contentOf(SBI).lines.length);
		expect(items.every((item) => item.json.session_id === sessionId && item.pairedItem !== undefined)).toBe(true);
	});

	test('Get Insights: the whole response has the same transactions; monthly balances come one item per account and month', async () => {
		const [whole] = await runOne({ resource: 'session', operation: 'getInsights', sessionId, output: 'whole' });
		const accounts = whole.json.accounts as Record<string, { transactions: unknown[]; monthly_analysis: { opening_balance: Record<string, number> } }>;
		expect(Object.values(accounts).reduce((sum, account) => sum + account.transactions.length, 0)).toBe(result.output('Process').length);

		const months = await runOne({ resource: 'session', operation: 'getInsights', sessionId, output: 'monthlyBalances' });
		const expected = Object.entries(accounts).flatMap(([accountId, account]) =>
			Object.keys(account.monthly_analysis.opening_balance).map((month) => [accountId, month]),
		);
		expect(months.map((item) => [item.json.account_id, item.json.month])).toEqual(expected);
		expect(expected.length).toBeGreaterThanOrEqual(5); // 3 + 2 months at least
		for (const item of months) {
			expect(item.json).toEqual({
				session_id: sessionId,
				account_id: expect.any(String),
				month: expect.stringMatching(/^[A-Z][a-z]{2}-\d{4}$/),
				opening_balance: expect.any(Number),
				closing_balance: expect.any(Number),
			});
		}
	});

	test('Get Status lists both accounts completed; a repeated Initiate is reported, or is a success with the option', async () => {
		const [status] = await runOne({ resource: 'session', operation: 'getStatus', sessionId });
		expect((status.json.accounts as Array<{ bank_name: string; account_status: string }>).map((a) => [a.bank_name, a.account_status])).toEqual([
			['hdfc', 'completed'],
			['sbi', 'completed'],
		]);

		const error = await runOneFailing({ resource: 'session', operation: 'initiateProcessing', sessionId, processAndWait: false });
		expect(error.message).toMatch(/^DUPLICATE_PROCESSING_REQUEST: /);
		expect(error.httpCode).toBe('409');

		const again = await runOne({ resource: 'session', operation: 'initiateProcessing', sessionId, processAndWait: false, options: { alreadyRequestedIsSuccess: true } });
		expect(again.map((item) => item.json)).toEqual([{ session_id: sessionId, message: 'already requested' }]);
	});
});

describe('expiry and delete', () => {
	test('an expired session reports EXPIRED and refuses uploads with SESSION_EXPIRED', async () => {
		const [created] = await runOne({ resource: 'session', operation: 'create', linkId: 'journey-expiry', redirectUrl: '', additionalFields: { sessionExpiry: 5 } });
		const sessionId = created.json.session_id as string;
		await expireSession(sandbox.origin, sessionId);

		const [status] = await runOne({ resource: 'session', operation: 'getUploadStatus', sessionId, output: 'whole' });
		expect(status.json).toMatchObject({ session_id: sessionId, upload_status: 'EXPIRED', accounts: [] });

		const error = await runOneFailing({ ...uploadInto(HDFC), sessionId });
		expect(error.message).toBe('SESSION_EXPIRED: The session has expired');
		expect(error.httpCode).toBe('400');
	});

	test('Delete removes the session: {session_id, deleted: true}, then reads fail with SESSION_DELETED 410', async () => {
		const [created] = await runOne({ resource: 'session', operation: 'create', linkId: 'journey-delete', redirectUrl: '', additionalFields: {} });
		const sessionId = created.json.session_id as string;

		expect((await runOne({ resource: 'session', operation: 'delete', sessionId })).map((item) => item.json)).toEqual([{ session_id: sessionId, deleted: true }]);

		const error = await runOneFailing({ resource: 'session', operation: 'getStatus', sessionId });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('SESSION_DELETED: The session has been deleted');
		expect(error.httpCode).toBe('410');
		expect(error.description).toContain('create a new session');
	});
});

interface Received {
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
}

/** A local webhook endpoint answering `status`, recording every body. */
async function startReceiver(status: () => number): Promise<{ url: string; received: Received[]; server: Server }> {
	const received: Received[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
			response.writeHead(status()).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/bankconnect`, received, server };
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
	for (let tries = 0; tries < 100; tries++) {
		if (check()) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
}

describe('webhooks', () => {
	const servers: Server[] = [];
	afterAll(async () => {
		await Promise.all(servers.map(async (server) => await new Promise((resolve) => server.close(resolve))));
	});

	test('Update URL (session flow) points the account at a receiver, which then gets the session events', async () => {
		const receiver = await startReceiver(() => 200);
		servers.push(receiver.server);
		const [updated] = await runOne({ resource: 'webhook', operation: 'updateUrl', flow: 'session', webhookUrl: receiver.url });
		expect(updated.json).toEqual({ flow: 'session', webhook_url: receiver.url, webhook_mode: 3, message: 'success' });

		const result = await run(journey('journey-webhook', 'whole'));
		const sessionId = result.output('Create Session')[0].json.session_id;
		await waitFor(() => receiver.received.some((r) => r.body.event_name === 'ENRICHMENT_NOTIFICATION'), 'the enrichment event');

		const events = receiver.received.filter((r) => r.body.session_id === sessionId);
		expect(events.map((r) => r.body.event_name)).toEqual(['SESSION_REQUIREMENT_COMPLETION_NOTIFICATION', 'ENRICHMENT_NOTIFICATION']);
		expect(events.every((r) => r.headers['content-type']?.startsWith('application/json'))).toBe(true);
		const enriched = events[1].body.accounts as Array<{ bank_name: string; account_status: string }>;
		expect(enriched.map((a) => [a.bank_name, a.account_status])).toEqual([
			['hdfc', 'completed'],
			['sbi', 'completed'],
		]);
	});

	test('after a receiver outage, Get Missed Payloads replays what BankConnect kept for the link ID', async () => {
		const outage = await startReceiver(() => 500);
		servers.push(outage.server);
		await runOne({ resource: 'webhook', operation: 'updateUrl', flow: 'entity', webhookUrl: outage.url, webhookMode: 1 });
		const linkId = `outage-${Date.now()}`;

		const uploads = await run(
			chain([
				['Create Entity', { resource: 'entity', operation: 'create', linkId, isSingleAccount: false, metaDataFormat: 'text', metaData: '' }],
				[
					'Upload',
					{
						resource: 'statement',
						operation: 'upload',
						source: 'url',
						fileUrl: sampleUrl({ bank: 'axis', months: 2, seed: 'outage-axis' }),
						bankMode: 'known',
						bankName: 'axis',
						target: 'entity',
						entityId: "={{ $('Create Entity').item.json.entity_id }}",
						then: 'transactions',
						maxWaitSeconds: 60,
						output: 'whole',
					},
				],
			]),
		);
		expect(nodeErrors(uploads, ['Create Entity', 'Upload'])).toEqual([]);
		const entityId = uploads.output('Create Entity')[0].json.entity_id;
		await waitFor(() => outage.received.filter((r) => r.body.entity_id === entityId).length === 2, 'both failed delivery attempts');

		const attempts = (await listDeliveries(sandbox.origin)).filter((d) => d.url === outage.url);
		expect(attempts.map((d) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 500],
		]);

		const missed = await runOne({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: linkId, options: {} });
		expect(missed.map((item) => item.json)).toEqual([
			{
				entity_id: entityId,
				statement_id: expect.any(String),
				link_id: linkId,
				progress: 'completed',
				reason: expect.anything(),
				date_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			},
		]);
		expect(missed[0].json.statement_id).toBe(outage.received[0].body.statement_id);

		const later = await runOne({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: linkId, options: { after: '2999-01-01T00:00:00' } });
		expect(later).toEqual([]);
		const failedOnly = await runOne({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: linkId, options: { progress: 'failed' } });
		expect(failedOnly).toEqual([]);
	});
});
