/**
 * Every example workflow (examples/*.json, examples/main-job/*.json) in the real n8n app, in one
 * `n8n start` against the sandbox: Form Triggers get real form submissions, BankConnect Triggers
 * real deliveries from the sandbox, Schedule Triggers fire (every few seconds instead of every
 * 15 minutes), and If, Set, HTTP Request and the BankConnect nodes run as they are, with their
 * expressions evaluated by n8n. Only the nodes of outside services (Slack, Send Email, Gmail,
 * Google Sheets, HubSpot, Twilio, an HTTP Request to a CRM) post what they would send to a local
 * recorder (test/harness/app/examples.ts), and a Gmail Trigger is a stand-in.
 */
import ExcelJS from 'exceljs';

import { composeStatement } from '../../sandbox/statements/compose';
import { BANKS } from '../../sandbox/banks';
import { exampleFiles, forTheApp, readExample } from '../harness/app/examples';
import { submitForm } from '../harness/app/forms';
import type { FormFile } from '../harness/app/forms';
import { createInstance, importCredential, importWorkflows } from '../harness/app/instance';
import { N8nRest } from '../harness/app/n8nRest';
import type { ExecutionDetail } from '../harness/app/n8nRest';
import { startN8nProcess } from '../harness/app/n8nServer';
import type { N8nProcess } from '../harness/app/n8nServer';
import { startRecordingServer } from '../harness/app/recordingServer';
import type { RecordedCall, RecordingServer } from '../harness/app/recordingServer';
import { ACCOUNT, HOLDER, waitForWebhookRegistrations } from '../harness/app/sandboxFlow';
import { listRequests, sampleStatement, setNetBankingOutages } from '../harness/sandboxClient';
import type { SampleStatementQuery } from '../harness/sandboxClient';
import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';

/** Each example under an id of its own (16 letters or digits, as n8n's). */
const IDS: Record<string, string> = {
	'01-net-banking-health-alert.json': 'ExHealthAlert001',
	'02-statement-intake-to-sheet.json': 'ExIntakeToSheet2',
	'02b-statement-intake-from-gmail.json': 'ExIntakeGmail02b',
	'03-trigger-to-crm.json': 'ExTriggerToCrm03',
	'04-customer-journey.json': 'ExCustJourney004',
	'05-replay-missed-webhooks.json': 'ExReplayMissed05',
	'main-job/banks-down.json': 'ExMainBanksDown1',
	'main-job/password-protected-statement.json': 'ExMainProtected1',
	'main-job/statement-to-excel.json': 'ExMainStmtExcel1',
};
/** Examples whose outside services cannot be stood in for here, run in a file of their own (Google Drive → the sandbox's statements). */
const RUN_ELSEWHERE: Record<string, string> = {
	'06-statement-batch-wait-loop.json': 'test/app/batchWaitLoop.n8n.ts',
};
/** Published at the start: their triggers wait for forms and BankConnect's deliveries. */
const ACTIVE_FROM_THE_START = ['02-statement-intake-to-sheet.json', '03-trigger-to-crm.json', '04-customer-journey.json', 'main-job/password-protected-statement.json', 'main-job/statement-to-excel.json'];

const APPLICANT = 'asha@example.com';
const GMAIL_SENDER = 'ravi@example.com';
const INTAKE = { bank: 'sbi', months: 3, seed: 'app-intake', end: '2026-10-31' };
const INTAKE_LINES = composeStatement({ bank: INTAKE.bank, months: INTAKE.months, seed: INTAKE.seed, endDate: INTAKE.end }).lines;
const MAIN_STATEMENT = { bank: 'hdfc', months: 3, seed: 'app-main-job', holder: HOLDER, account: ACCOUNT };
const PDF_PASSWORD = 'Ex4mple-Pass';
const DEFAULT_DOWN = BANKS.filter((bank) => !bank.healthUp);

let sandbox: SandboxProcess;
let recorder: RecordingServer;
let instance: ReturnType<typeof createInstance>;
let n8n: N8nProcess;
let rest: N8nRest;

function sampleUrl(query: SampleStatementQuery): string {
	const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
	return `${sandbox.origin}/__sandbox/sample-statement?${params.toString()}`;
}

async function pdf(query: SampleStatementQuery, fileName = 'statement.pdf'): Promise<FormFile> {
	return { bytes: await sampleStatement(sandbox.origin, query), fileName, mimeType: 'application/pdf' };
}

function webhookIdOf(file: string, nodeName: string): string {
	const node = readExample(file).nodes.find((candidate) => candidate.name === nodeName);
	if (!node?.webhookId) throw new Error(`${file} has no node "${nodeName}" with a webhookId`);
	return node.webhookId;
}

/** What a node of an example sent the recorder, one call per item. */
function sent(file: string, nodeName: string): RecordedCall[] {
	return recorder.calls(`${IDS[file]}/${nodeName}`);
}

async function waitForSent(file: string, nodeName: string, count: number): Promise<RecordedCall[]> {
	return await recorder.waitForCalls(`${IDS[file]}/${nodeName}`, count, 120_000);
}

/** The item the node was given (sent as `$json`). */
function itemOf(call: RecordedCall): Record<string, unknown> {
	return JSON.parse(call.fields.$json) as Record<string, unknown>;
}

/** The finished execution of an example that `matches`, polling its executions. */
async function executionWhere(file: string, matches: (execution: ExecutionDetail) => boolean, timeoutMs = 120_000): Promise<ExecutionDetail> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		for (const summary of await rest.executions(IDS[file])) {
			if (summary.stoppedAt === null) continue;
			const execution = await rest.execution(summary.id);
			if (matches(execution)) return execution;
		}
		if (Date.now() > deadline) throw new Error(`no execution of ${file} matched within ${timeoutMs} ms`);
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
}

/** The one finished execution of an example that ran this node, which must have succeeded. */
async function succeeded(file: string, nodeName: string): Promise<ExecutionDetail> {
	const execution = await executionWhere(file, (candidate) => candidate.nodesRun.includes(nodeName) || candidate.status === 'error');
	expect({ status: execution.status, error: execution.error?.message }).toEqual({ status: 'success', error: undefined });
	return execution;
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '300']);
	recorder = await startRecordingServer();
	instance = createInstance();
	await importCredential(instance, sandbox);
	const statementUrl = sampleUrl({ bank: 'hdfc', months: 2, seed: 'app-gmail' });
	await importWorkflows(
		instance,
		exampleFiles()
			.filter((file) => !RUN_ELSEWHERE[file])
			.map((file) => ({
				id: IDS[file],
				workflow: forTheApp(readExample(file), { recorderUrl: `${recorder.url}/${IDS[file]}`, statementUrl, sender: GMAIL_SENDER, scheduleSeconds: 2 }),
			})),
	);
	n8n = await startN8nProcess(instance, 'start');
	rest = new N8nRest(n8n.url);
	await rest.setupOwner();
	for (const file of ACTIVE_FROM_THE_START) await rest.activate(IDS[file]);
	// the entity-flow trigger (03) and the session-flow trigger (04) registered n8n's URLs
	await waitForWebhookRegistrations(sandbox, 2);
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await recorder?.stop();
	await sandbox?.stop();
	instance?.remove();
});

test('every example file runs here or in the file named for it', () => {
	expect(exampleFiles().sort()).toEqual([...Object.keys(IDS), ...Object.keys(RUN_ELSEWHERE)].sort());
});

describe('main-job/banks-down.json', () => {
	test('"Execute workflow" lists the banks that are down now, by full name, checked in UTC', async () => {
		const file = 'main-job/banks-down.json';
		const execution = await rest.finishedExecution(await rest.runManually(IDS[file], 'Check Now'));

		expect(execution.status).toBe('success');
		expect(execution.output('Banks That Are Down')).toEqual(
			DEFAULT_DOWN.map((bank) => ({
				bank: bank.id.toUpperCase(),
				bank_name: bank.fullName,
				updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/),
				health_up: false,
				issue_details: bank.issueDetails,
			})),
		);
	});
});

describe('01-net-banking-health-alert.json, published, its schedule firing', () => {
	const file = '01-net-banking-health-alert.json';

	afterAll(async () => {
		await rest.deactivate(IDS[file]).catch(() => undefined);
		await setNetBankingOutages(sandbox.origin, Object.fromEntries(DEFAULT_DOWN.map((bank) => [bank.id, bank.issueDetails ?? ''])));
	});

	test('an outage is posted once when it starts and once when it ends: down banks take the If’s true branch, banks back up the false one', async () => {
		await rest.activate(IDS[file]);

		// first run: every bank that is down is new
		const alerts = await waitForSent(file, 'Alert on Slack', DEFAULT_DOWN.length);
		expect(alerts.map((call) => call.fields.text)).toEqual(
			DEFAULT_DOWN.map((bank) => expect.stringMatching(new RegExp(`^:rotating_light: Net banking of \\*${bank.fullName}\\* is down: .+ \\(since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\)$`))),
		);
		expect(alerts[0].json).toMatchObject({ select: 'channel', channelId: { value: '#ops-alerts' } });
		expect((await waitForSent(file, 'Alert by Email', DEFAULT_DOWN.length)).map((call) => call.fields.subject)).toEqual(
			DEFAULT_DOWN.map((bank) => `Net banking of ${bank.fullName} is down`),
		);

		// UCO comes back up, SBI goes down
		const uco = DEFAULT_DOWN.find((bank) => bank.id === 'uco')!;
		const stillDown = DEFAULT_DOWN.filter((bank) => bank.id !== 'uco');
		await setNetBankingOutages(sandbox.origin, { ...Object.fromEntries(stillDown.map((bank) => [bank.id, bank.issueDetails ?? ''])), sbi: 'Login page not loading' });

		const [backUp] = await waitForSent(file, 'Back Up on Slack', 1);
		expect(backUp.fields.text).toMatch(/^:white_check_mark: Net banking of \*UCO Bank\* is back up \(down since \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC, checked \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\)$/);
		expect(itemOf(backUp)).toMatchObject({ event: 'back up', bank: uco.id.toUpperCase(), health_up: true });
		const newAlerts = await waitForSent(file, 'Alert on Slack', DEFAULT_DOWN.length + 1);
		expect(newAlerts[DEFAULT_DOWN.length].fields.text).toBe(
			`:rotating_light: Net banking of *State Bank of India* is down: Login page not loading (since ${itemOf(newAlerts[DEFAULT_DOWN.length]).down_since as string})`,
		);
		const change = await executionWhere(file, (execution) => execution.nodesRun.includes('Back Up on Slack'));
		expect(change.output('Is It Down?', 0).map((item) => item.bank)).toEqual(['SBI']);
		expect(change.output('Is It Down?', 1).map((item) => item.bank)).toEqual(['UCO']);

		// later runs find nothing new: nothing is posted again
		const runsSoFar = (await rest.executions(IDS[file])).length;
		await rest.waitForExecutions(IDS[file], runsSoFar + 2, 30_000);
		await rest.deactivate(IDS[file]);
		expect(sent(file, 'Alert on Slack')).toHaveLength(DEFAULT_DOWN.length + 1);
		expect(sent(file, 'Back Up on Slack')).toHaveLength(1);
		expect((await rest.executions(IDS[file])).every((execution) => execution.status === 'success')).toBe(true);
	});
});

/** Checks the sheet rows and the Excel reply of example 02 or 02b; returns the uploaded entity's id. */
async function checkIntake(file: string, replyNode: string, rows: number): Promise<string> {
	const appended = await waitForSent(file, 'Append to Sheet', rows);
	const first = itemOf(appended[0]);
	expect(Object.keys(first).slice(0, 5)).toEqual(['date', 'transaction_type', 'amount', 'balance', 'transaction_note']);
	expect(Object.keys(first).slice(-3)).toEqual(['entity_id', 'account_id', 'hash']);
	expect(appended[0].json).toMatchObject({ operation: 'append', columns: { mappingMode: 'autoMapInputData' } });
	const [reply] = await waitForSent(file, replyNode, 1);
	const report = reply.files['attachment:report'];
	// named by the account's bank and number, read beside the Detailed report (whose answer lists no accounts)
	expect(report.fileName).toMatch(/^(sbi|hdfc)_\w+\.xlsx$/);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(report.bytes as unknown as ArrayBuffer);
	// the Detailed Excel Report (xlsx_report/): the raw one has no Monthly Analysis sheet
	expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions', 'Monthly Analysis']);
	return first.entity_id as string;
}

async function entityOf(entityId: string): Promise<Record<string, unknown>> {
	const response = await fetch(`${sandbox.baseUrl}/v1/entity/${entityId}/`, { headers: { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash } });
	return (await response.json()) as Record<string, unknown>;
}

describe('02-statement-intake-to-sheet.json → 03-trigger-to-crm.json', () => {
	let entityId: string;

	test('the form’s statement becomes one sheet row per transaction, led by date; the Detailed Excel Report is emailed to the applicant', async () => {
		const file = '02-statement-intake-to-sheet.json';
		await submitForm(n8n.url, webhookIdOf(file, 'Statement Form'), [APPLICANT, await pdf(INTAKE), '']);

		entityId = await checkIntake(file, 'Reply with Report', INTAKE_LINES.length);
		await succeeded(file, 'Reply with Report');
		const rows = sent(file, 'Append to Sheet').map(itemOf);
		expect(rows.map((row) => [row.date, row.amount])).toEqual(INTAKE_LINES.map((line) => [line.date, line.debit ?? line.credit]));
		const [reply] = sent(file, 'Reply with Report');
		expect(reply.fields).toMatchObject({
			toEmail: APPLICANT,
			subject: 'Your bank statement analysis',
			text: expect.stringMatching(/^Thank you\. We analysed your sbi statement \(account \S+\); the Excel report is attached\.$/),
		});
		// Link ID = the applicant's email, so the CRM example finds the contact
		expect(await entityOf(entityId)).toMatchObject({ entity_id: entityId, link_id: APPLICANT });
	});

	test('BankConnect’s delivery for that entity starts 03, which updates the HubSpot contact of that email with the salary', async () => {
		const file = '03-trigger-to-crm.json';
		const execution = await executionWhere(file, (candidate) => candidate.nodesRun.includes('Get Salary') && candidate.output('Statement Analysed')[0]?.entity_id === entityId);

		expect(execution.status).toBe('success');
		expect(execution.output('Statement Analysed')).toEqual([expect.objectContaining({ event: 'analysis completed', entity_id: entityId, link_id: APPLICANT, source: 'webhook' })]);
		const salary = execution.output('Get Salary')[0] as { transactions: Array<{ amount: number; date: string }> };
		const hubspot = sent(file, 'Update HubSpot Contact').filter((call) => (call.json as { email?: string }).email === APPLICANT);
		expect(hubspot).toHaveLength(1);
		expect(hubspot[0].json).toMatchObject({
			resource: 'contact',
			operation: 'upsert',
			email: APPLICANT,
			additionalFields: {
				customPropertiesUi: {
					customPropertiesValues: [
						{ property: 'bankconnect_entity_id', value: entityId },
						{ property: 'bankconnect_salary_credits', value: salary.transactions.length },
						{ property: 'bankconnect_last_salary', value: salary.transactions[salary.transactions.length - 1].amount },
					],
				},
			},
		});
		const crm = sent(file, 'Send to Your CRM').filter((call) => (call.json as { applicant?: string }).applicant === APPLICANT);
		expect(crm.map((call) => call.json)).toEqual([
			{ applicant: APPLICANT, entity_id: entityId, salary_credits: salary.transactions.length, salary: salary.transactions.map(({ date, amount }) => ({ date, amount })) },
		]);
	});
});

describe('02b-statement-intake-from-gmail.json', () => {
	test('the mail’s attachment is uploaded under the sender’s Link ID; rows to the sheet, the Detailed Excel Report as a reply in the thread', async () => {
		const file = '02b-statement-intake-from-gmail.json';
		const execution = await rest.finishedExecution(await rest.runManually(IDS[file], 'Gmail Stand-in Start'));
		expect({ status: execution.status, error: execution.error?.message }).toEqual({ status: 'success', error: undefined });
		const transactions = execution.output('Upload and Get Transactions');

		const entityId = await checkIntake(file, 'Reply with Report', transactions.length);
		const [reply] = sent(file, 'Reply with Report');
		expect(reply.fields).toMatchObject({ operation: 'reply', messageId: '19a2b3c4d5e6f708', emailType: 'text' });
		expect(reply.fields.message).toMatch(/^Thank you\. We analysed your hdfc statement \(account \S+\); the Excel report is attached\.$/);
		expect(await entityOf(entityId)).toMatchObject({ link_id: GMAIL_SENDER });
	});
});

describe('04-customer-journey.json', () => {
	const file = '04-customer-journey.json';
	let sessionId: string;

	test('the application form creates a session; Twilio would text its link to the applicant’s number', async () => {
		await submitForm(n8n.url, webhookIdOf(file, 'Application Form'), ['APP-2001', '98765 43210']);

		const [sms] = await waitForSent(file, 'Text the Link', 1);
		const session = itemOf(sms);
		sessionId = session.session_id as string;
		expect(session).toMatchObject({ session_id: expect.any(String), link_id: 'APP-2001' });
		expect(sms.json).toMatchObject({
			resource: 'sms',
			operation: 'send',
			to: '+919876543210',
			message: `Please share your bank statements for loan application APP-2001 here: ${session.redirect_url as string}`,
		});
	});

	test('when the customer completes the session, BankConnect’s event starts the second flow: processed, one sheet row per transaction', async () => {
		// the customer uploads a statement and finishes the journey, as BankConnect's pages would
		const form = new FormData();
		form.append('session_id', sessionId);
		form.append('upload_type', 'PDF');
		form.append('file', new Blob([new Uint8Array(await sampleStatement(sandbox.origin, { bank: 'sbi', months: 2, seed: 'app-journey' }))], { type: 'application/pdf' }), 'sbi.pdf');
		const headers = { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash };
		expect((await fetch(`${sandbox.baseUrl}/v1/statement/upload_session/`, { method: 'POST', headers, body: form })).status).toBe(200);
		expect((await fetch(`${sandbox.baseUrl}/v1/session_data/${sessionId}/initiate_processing/`, { method: 'POST', headers })).status).toBe(202);

		const execution = await executionWhere(file, (candidate) => candidate.nodesRun.includes('Process and Get Transactions'));
		expect({ status: execution.status, error: execution.error?.message }).toEqual({ status: 'success', error: undefined });
		expect(execution.output('Session Completed')).toEqual([expect.objectContaining({ session_id: sessionId, status: 'requirements completed' })]);
		const transactions = execution.output('Process and Get Transactions');
		expect(transactions.length).toBeGreaterThan(10);
		const rows = (await waitForSent(file, 'Append to Sheet', transactions.length)).map(itemOf);
		expect(rows).toEqual(transactions);
		expect(rows.every((row) => row.session_id === sessionId)).toBe(true);
	});
});

describe('05-replay-missed-webhooks.json', () => {
	test('the hourly replay reads the completed payloads of both applicants and updates each HubSpot contact', async () => {
		const file = '05-replay-missed-webhooks.json';
		const execution = await rest.finishedExecution(await rest.runManually(IDS[file], 'Every Hour'));

		expect({ status: execution.status, error: execution.error?.message }).toEqual({ status: 'success', error: undefined });
		const payloads = execution.output('Get Missed Payloads');
		expect(payloads.map((payload) => payload.link_id).sort()).toEqual([APPLICANT, GMAIL_SENDER]);
		expect(payloads.every((payload) => payload.progress === 'completed')).toBe(true);
		const hubspot = await waitForSent(file, 'Update HubSpot Contact', 2);
		expect(hubspot.map((call) => [(call.json as { email: string }).email, (call.json as { additionalFields: { customPropertiesUi: { customPropertiesValues: Array<{ value: unknown }> } } }).additionalFields.customPropertiesUi.customPropertiesValues[0].value])).toEqual(
			payloads.map((payload) => [payload.link_id, payload.entity_id]),
		);
		expect((await waitForSent(file, 'Send to Your CRM', 2)).map((call) => (call.json as { applicant: string }).applicant)).toEqual(payloads.map((payload) => payload.link_id));
	});
});

describe('main-job/statement-to-excel.json', () => {
	test('the form’s statement is uploaded and read back: transactions, accounts, salary, recurring, lender and the Detailed Excel Report', async () => {
		const file = 'main-job/statement-to-excel.json';
		await submitForm(n8n.url, webhookIdOf(file, 'Statement Form'), [await pdf(MAIN_STATEMENT)]);

		const execution = await succeeded(file, 'Get Excel Report');
		const transactions = execution.output('Upload and Get Transactions');
		const entityId = transactions[0].entity_id;
		expect(transactions.length).toBeGreaterThan(50);
		expect(Object.keys(transactions[0]).slice(0, 3)).toEqual(['date', 'transaction_type', 'amount']);
		expect(transactions).toContainEqual(expect.objectContaining({ transaction_note: 'NEFT-ACME TECHNOLOGIES PVT LTD-SALARY', transaction_type: 'credit', transaction_channel: 'salary' }));
		expect(execution.output('Get Accounts')).toEqual([expect.objectContaining({ entity_id: entityId, account_number: ACCOUNT, bank: 'hdfc' })]);
		expect(execution.output('Get Salary').every((row) => row.clean_transaction_note === 'ACME TECHNOLOGIES PVT LTD')).toBe(true);
		expect(execution.output('Get Recurring Transactions').map((row) => `${row.direction} ${row.transaction_channel}`)).toEqual(expect.arrayContaining(['credit SALARY']));
		expect(execution.output('Get Lender Transactions').every((row) => row.description === 'lender_transaction')).toBe(true);
		expect(execution.output('Get Excel Report')).toEqual([{ entity_id: entityId, account_id: expect.any(String), bank: 'hdfc', account_number: ACCOUNT, file_name: `hdfc_${ACCOUNT}.xlsx` }]);
		// version 2 reads the Detailed Excel Report and names it from one read of the accounts (Get Accounts reads them too);
		// after the upload's wait, each read waits no more than one request (example 03's trigger reads this entity's salary as well)
		const reads = (await listRequests(sandbox.origin)).filter((request) => request.path.includes(`/entity/${entityId}/`)).map((request) => request.path.split(`/entity/${entityId}/`)[1]);
		expect(reads.filter((read) => read.endsWith('report/'))).toEqual(['xlsx_report/']);
		expect(reads.filter((read) => read === 'accounts/')).toHaveLength(2);
		expect(reads.filter((read) => ['recurring_transactions/', 'lender_transactions/'].includes(read)).sort()).toEqual(['lender_transactions/', 'recurring_transactions/']);
	});
});

describe('main-job/password-protected-statement.json', () => {
	test('the form’s protected statement opens with the password given: identity, then the transactions', async () => {
		const file = 'main-job/password-protected-statement.json';
		await submitForm(n8n.url, webhookIdOf(file, 'Protected Statement Form'), [await pdf({ ...MAIN_STATEMENT, seed: 'app-protected', password: PDF_PASSWORD }), PDF_PASSWORD]);

		const execution = await succeeded(file, 'Get Transactions');
		expect(execution.output('Upload and Get Identity')).toEqual([expect.objectContaining({ name: HOLDER, account_number: ACCOUNT })]);
		expect(execution.output('Get Transactions').length).toBeGreaterThan(50);
	});
});
