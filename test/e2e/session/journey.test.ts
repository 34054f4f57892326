/**
 * The session journey as one workflow through the n8n engine against the sandbox process:
 * Create Session → Upload HDFC Statement → Upload SBI Statement (both into the session, fetched by
 * URL) → Get Upload Status and Initiate Processing (Process and Wait, a row per transaction) →
 * Get Insights and Monthly Balances. Then the same journey with the session webhook pointed at a
 * local receiver: it gets the session's events as the sandbox delivers them.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { bankConnectCredentials, readWorkflow, runWorkflow } from '../../harness/engine';
import type { WorkflowRun } from '../../harness/engine';
import { runNodeOk } from '../../harness/runNode';
import { listDeliveries, listStatements } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { expectNoSecrets } from '../../harness/secrets';
import { contentOf } from '../statement/helpers';
import { sampleUrl, startReceiver, waitFor } from './helpers';
import type { WebhookReceiver } from './helpers';

jest.setTimeout(120_000);

const workflow = readWorkflow('test/fixtures/workflows/sessionJourney.json');
const HDFC = { bank: 'hdfc', months: 2, seed: 'session-journey-hdfc' };
const SBI = { bank: 'sbi', months: 3, seed: 'session-journey-sbi' };

let sandbox: SandboxProcess;
let receiver: WebhookReceiver;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '150', '--webhook-backoff-ms', '50']);
	receiver = await startReceiver(200);
});

afterAll(async () => {
	await receiver?.close();
	await sandbox?.stop();
});

async function runJourney(applicationId: string, specs = { hdfc: HDFC, sbi: SBI }): Promise<WorkflowRun> {
	const run = await runWorkflow(workflow, {
		credentials: bankConnectCredentials(sandbox.baseUrl),
		startItems: [{ json: { application_id: applicationId, hdfc_url: sampleUrl(sandbox, specs.hdfc), sbi_url: sampleUrl(sandbox, specs.sbi) } }],
	});
	expect(run.run.data.resultData.error).toBeUndefined();
	return run;
}

const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** The parts of one account of `insights/` (today's shape: a list of `{account_id, data}`) these tests read. */
interface InsightsAccount {
	account_id: string;
	data: {
		account_details: { bank: string };
		transactions: unknown[];
		monthly_analysis: { opening_balance: Record<string, number>; closing_balance: Record<string, number> };
	};
}

test('Create → Upload → Upload → Initiate Processing: every node’s output, and the transactions add up to the insights', async () => {
	const run = await runJourney('loan-application-1042');
	expect(run.executionOrder).toEqual([
		'Loan Application',
		'Create Session',
		'Upload HDFC Statement',
		'Upload SBI Statement',
		'Get Upload Status',
		'Initiate Processing',
		'Get Insights',
		'Monthly Balances',
	]);

	const [created, ...moreCreated] = run.output('Create Session');
	expect(moreCreated).toHaveLength(0);
	const sessionId = created.json.session_id as string;
	expect(created.json).toEqual({
		session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
		redirect_url: `${sandbox.origin}/__sandbox/session/?session_id=${sessionId}`,
		link_id: 'loan-application-1042',
	});

	const hdfc = contentOf(HDFC);
	const sbi = contentOf(SBI);
	const [hdfcUpload] = run.output('Upload HDFC Statement');
	const [sbiUpload] = run.output('Upload SBI Statement');
	for (const [upload, spec, content] of [[hdfcUpload, HDFC, hdfc], [sbiUpload, SBI, sbi]] as const) {
		expect(upload.json).toMatchObject({
			session_id: sessionId,
			bank_name: spec.bank,
			statement_id: expect.any(String),
			date_range: { from_date: content.fromDate, to_date: content.toDate },
			identity: { account_number: content.identity.account_number, name: content.identity.name },
		});
		expect(upload.pairedItem).toEqual({ item: 0 });
	}

	// statements split: one item per uploaded statement, each under its own account and bank
	const statements = run.output('Get Upload Status');
	expect(statements).toHaveLength(2);
	expect(statements.map((item) => [item.json.session_id, item.json.bank_name, item.json.statement_id])).toEqual(
		expect.arrayContaining([
			[sessionId, 'hdfc', hdfcUpload.json.statement_id],
			[sessionId, 'sbi', sbiUpload.json.statement_id],
		]),
	);
	const accountIdOf = (bank: string) => statements.find((item) => item.json.bank_name === bank)?.json.account_id as string;
	const accounts = { hdfc: accountIdOf('hdfc'), sbi: accountIdOf('sbi') };
	expect(accounts.hdfc).toEqual(expect.any(String));
	expect(accounts.sbi).toEqual(expect.any(String));
	expect(accounts.hdfc).not.toBe(accounts.sbi);
	const stored = (await listStatements(sandbox.origin)).filter((statement) => statement.session_id === sessionId);
	expect(stored.map((statement) => [statement.bank, statement.account_id, statement.status]).sort()).toEqual([
		['hdfc', accounts.hdfc, 'completed'],
		['sbi', accounts.sbi, 'completed'],
	]);

	// a row per transaction of both accounts, in each statement's order
	const transactions = run.output('Initiate Processing');
	expect(transactions.every((item) => item.json.session_id === sessionId)).toBe(true);
	const rowsOf = (accountId: string) => transactions.filter((item) => item.json.account_id === accountId);
	expect(rowsOf(accounts.hdfc).map((item) => item.json.date)).toEqual(hdfc.lines.map((line) => line.date));
	expect(rowsOf(accounts.sbi).map((item) => item.json.date)).toEqual(sbi.lines.map((line) => line.date));
	expect(transactions).toHaveLength(hdfc.lines.length + sbi.lines.length);
	expect(transactions.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

	// the whole insights, read once: the same accounts and as many transactions
	const [insights, ...moreInsights] = run.output('Get Insights');
	expect(moreInsights).toHaveLength(0);
	expect(insights.json.session_id).toBe(sessionId);
	const insightAccounts = insights.json.accounts as unknown as InsightsAccount[];
	expect(insightAccounts.map((account) => account.account_id).sort()).toEqual([accounts.hdfc, accounts.sbi].sort());
	expect(insightAccounts.find((account) => account.account_id === accounts.hdfc)!.data.account_details.bank).toBe('hdfc');
	expect(insightAccounts.find((account) => account.account_id === accounts.sbi)!.data.account_details.bank).toBe('sbi');
	const insightTransactions = insightAccounts.reduce((sum, account) => sum + account.data.transactions.length, 0);
	expect(transactions).toHaveLength(insightTransactions);

	// monthly balances: a row per account and month, opening and closing as the insights have them
	const balances = jsonOf(run.output('Monthly Balances'));
	expect(balances.length).toBeGreaterThanOrEqual(HDFC.months + SBI.months);
	for (const { account_id: accountId, data: account } of insightAccounts) {
		const { opening_balance: opening, closing_balance: closing } = account.monthly_analysis;
		expect(balances.filter((row) => row.account_id === accountId)).toEqual(
			Object.keys(closing).map((month) => ({ session_id: sessionId, account_id: accountId, month, opening_balance: opening[month], closing_balance: closing[month] })),
		);
	}
	expectNoSecrets(run.run.data.resultData);
});

test('Webhook → Update URL (session flow) to a local receiver: the journey’s session gets both events', async () => {
	const [updated] = await runNodeOk({ resource: 'webhook', operation: 'updateUrl', flow: 'session', webhookUrl: receiver.url }, { sandbox });
	expect(updated.json).toEqual({ flow: 'session', webhook_url: receiver.url, webhook_mode: 3, message: 'success' });

	const run = await runJourney('loan-application-1043', {
		hdfc: { ...HDFC, seed: 'session-webhook-hdfc' },
		sbi: { ...SBI, seed: 'session-webhook-sbi' },
	});
	const sessionId = run.output('Create Session')[0].json.session_id as string;
	const statements = run.output('Get Upload Status');
	const eventsOf = () => receiver.received.filter((request) => request.body.session_id === sessionId);
	await waitFor(() => eventsOf().some((request) => request.body.event_name === 'ENRICHMENT_NOTIFICATION'), 'the enrichment notification');

	const events = eventsOf();
	expect(events.map((request) => request.body.event_name)).toEqual(['SESSION_REQUIREMENT_COMPLETION_NOTIFICATION', 'ENRICHMENT_NOTIFICATION']);
	expect(events.every((request) => request.method === 'POST' && request.path === '/bankconnect-events')).toBe(true);
	expect(events.every((request) => request.headers['content-type']?.startsWith('application/json'))).toBe(true);
	const [requirement, enrichment] = events.map((request) => request.body);
	const accountIds = statements.map((item) => item.json.account_id).sort();
	expect((requirement.accounts as Array<{ account_id: string }>).map((account) => account.account_id).sort()).toEqual(accountIds);
	expect(enrichment.accounts).toEqual(
		expect.arrayContaining(
			statements.map((item) => expect.objectContaining({ account_id: item.json.account_id, bank_name: item.json.bank_name, account_status: 'completed' })),
		),
	);
	expect(enrichment.accounts).toHaveLength(2);

	const deliveries = (await listDeliveries(sandbox.origin)).filter((delivery) => delivery.flow === 'session' && delivery.body.session_id === sessionId);
	expect(deliveries.map((delivery) => [delivery.body.event_name, delivery.url, delivery.status, delivery.attempt])).toEqual([
		['SESSION_REQUIREMENT_COMPLETION_NOTIFICATION', receiver.url, 200, 1],
		['ENRICHMENT_NOTIFICATION', receiver.url, 200, 1],
	]);
});
