/**
 * The importable examples of examples/: each one's BankConnect part runs in the engine against the
 * sandbox; the nodes of other packages (Schedule Trigger, If, Slack, Email, Form Trigger, Google
 * Sheets, Gmail, HubSpot, HTTP Request) are recording stand-ins, and the test checks what they
 * would have received — items and parameters resolved per item. Examples 1-3 run here; 4 and 5 in
 * customerJourney.test.ts and replayMissedWebhooks.test.ts.
 */
import ExcelJS from 'exceljs';
import { readdirSync } from 'fs';
import { join } from 'path';
import type { INodeExecutionData } from 'n8n-workflow';

import { BANKS } from '../../sandbox/banks';
import { composeStatement } from '../../sandbox/statements/compose';
import { formSubmission, storedBinary } from '../harness/binaryItems';
import { readWorkflow } from '../harness/engine';
import type { WorkflowJson } from '../harness/engine';
import { Recorder } from '../harness/recorder';
import { REPO_ROOT } from '../harness/repository';
import { sampleStatement } from '../harness/sandboxClient';
import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { runExample as runExampleOn } from './runExample';
import type { ExampleRun } from './runExample';

const SPEC = { bank: 'sbi', months: 3, seed: 'examples', end: '2026-10-31' };
const EXPECTED = composeStatement({ bank: SPEC.bank, months: SPEC.months, seed: SPEC.seed, endDate: SPEC.end });
const BANKS_DOWN = BANKS.filter((bank) => !bank.healthUp);

let sandbox: SandboxProcess;
let pdf: Buffer;

/** Runs an example against this file's sandbox. */
function runExample(workflow: WorkflowJson, startItems: INodeExecutionData[], enable: string[] = []): Promise<ExampleRun> {
	return runExampleOn(sandbox.baseUrl, workflow, startItems, { enable });
}

function amountOf(line: (typeof EXPECTED.lines)[number]): number {
	return (line.debit ?? line.credit) as number;
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200']);
	pdf = await sampleStatement(sandbox.origin, SPEC);
});

afterAll(async () => {
	await sandbox?.stop();
});

test('every example file is covered by a test and carries sticky notes', () => {
	const files = readdirSync(join(REPO_ROOT, 'examples')).filter((file) => file.endsWith('.json'));
	expect(files.sort()).toEqual([
		'01-net-banking-health-alert.json',
		'02-statement-intake-to-sheet.json',
		'02b-statement-intake-from-gmail.json',
		'03-trigger-to-crm.json',
		'04-customer-journey.json',
		'05-replay-missed-webhooks.json',
		'06-statement-batch-wait-loop.json', // loops through n8n's Wait node: runs in the real app, test/app/batchWaitLoop.n8n.ts
	]);
	for (const file of [...files.map((f) => `examples/${f}`), ...readdirSync(join(REPO_ROOT, 'examples/main-job')).map((f) => `examples/main-job/${f}`)]) {
		const workflow = readWorkflow(file);
		const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		expect(notes.length).toBeGreaterThanOrEqual(2);
		const working = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
		for (const node of working) {
			if (node.type.startsWith('n8n-nodes-bankconnect.')) expect(node.credentials).toEqual({ bankConnectApi: { id: '', name: 'BankConnect account' } });
		}
		expect(new Set(workflow.nodes.map((node) => node.name)).size).toBe(workflow.nodes.length);
	}
});

describe('1. net banking health alert', () => {
	const workflow = readWorkflow('examples/01-net-banking-health-alert.json');
	const tick = [{ json: { timestamp: '2026-11-02T10:15:00.000+05:30', Hour: '10', Minute: '15' } }];

	test('first run: Slack gets one message per bank that is down, with its full name, the issue and since when', async () => {
		const { recorder } = await runExample(workflow, tick);
		expect(recorder.received('Is It Down?').map((item) => [item.json.event, item.json.bank])).toEqual(BANKS_DOWN.map((bank) => ['went down', bank.id.toUpperCase()]));
		const messages = recorder.received('Alert on Slack');
		expect(messages.map((item) => item.parameters.text)).toEqual(
			BANKS_DOWN.map((bank) =>
				expect.stringMatching(new RegExp(`^:rotating_light: Net banking of \\*${bank.fullName}\\* is down: ${bank.issueDetails!.replace(/[()]/g, '\\$&')} \\(since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\)$`)),
			),
		);
		expect(messages[0].parameters.channelId).toEqual({ __rl: true, value: '#ops-alerts', mode: 'name' });
		expect(recorder.received('Alert by Email')).toEqual([]);
	});

	test('the Email alternative, once enabled, gets the same banks', async () => {
		const { recorder } = await runExample(workflow, tick, ['Alert by Email']);
		const emails = recorder.received('Alert by Email');
		expect(emails.map((item) => item.parameters.subject)).toEqual(BANKS_DOWN.map((bank) => `Net banking of ${bank.fullName} is down`));
		expect(emails[0].parameters.toEmail).toBe('ops@example.com');
	});
});

describe('2. statement intake to a sheet', () => {
	async function checkSheetAndReport(recorder: Recorder, replyNode: string) {
		const rows = recorder.received('Append to Sheet');
		expect(rows).toHaveLength(EXPECTED.lines.length);
		expect(rows[0].json).toMatchObject({ date: expect.stringContaining(EXPECTED.lines[0].date), amount: amountOf(EXPECTED.lines[0]), is_fraud: false });
		expect(rows[0].parameters).toMatchObject({ operation: 'append', columns: expect.objectContaining({ mappingMode: 'autoMapInputData' }) });
		const [reply] = recorder.received(replyNode);
		expect(recorder.received(replyNode)).toHaveLength(1);
		expect(reply.json).toMatchObject({ bank: 'sbi', account_number: EXPECTED.identity.account_number });
		expect(reply.binary.report.fileName).toBe(`sbi_${EXPECTED.identity.account_number}.xlsx`);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(reply.binary.report.bytes as unknown as ArrayBuffer);
		// the Detailed Excel Report (xlsx_report/): the raw one has no Monthly Analysis sheet
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions', 'Monthly Analysis']);
		return reply;
	}

	test('form: every transaction is appended as a row, the Detailed Excel Report is emailed to the applicant', async () => {
		const workflow = readWorkflow('examples/02-statement-intake-to-sheet.json');
		const submission = await formSubmission(
			{ Email: 'asha@example.com', 'PDF Password': '' },
			{ Statement: { bytes: pdf, fileName: 'statement.pdf', mimeType: 'application/pdf' } },
		);
		const { recorder } = await runExample(workflow, [submission]);
		const reply = await checkSheetAndReport(recorder, 'Reply with Report');
		expect(reply.parameters).toMatchObject({
			toEmail: 'asha@example.com',
			text: `Thank you. We analysed your sbi statement (account ${EXPECTED.identity.account_number}); the Excel report is attached.`,
			options: { attachments: 'report' },
		});
	});

	test('Gmail: the attachment is uploaded and the Detailed Excel Report goes back as a reply in the thread', async () => {
		const workflow = readWorkflow('examples/02b-statement-intake-from-gmail.json');
		const email = {
			json: { id: '18c0a1b2c3d4e5f6', threadId: '18c0a1b2c3d4e5f6', subject: 'My bank statement', from: { value: [{ address: 'ravi@example.com', name: 'Ravi' }], text: 'Ravi <ravi@example.com>' } },
			binary: { attachment_0: await storedBinary(pdf, 'statement.pdf', 'application/pdf') },
		};
		const { recorder } = await runExample(workflow, [email]);
		const reply = await checkSheetAndReport(recorder, 'Reply with Report');
		expect(reply.parameters).toMatchObject({
			operation: 'reply',
			messageId: '18c0a1b2c3d4e5f6',
			options: { attachmentsUi: { attachmentsBinary: [{ property: 'report' }] } },
		});
	});
});

describe('3. trigger to CRM', () => {
	const workflow = readWorkflow('examples/03-trigger-to-crm.json');
	let entityId: string;
	let event: INodeExecutionData;

	beforeAll(async () => {
		const form = new FormData();
		form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'statement.pdf');
		form.append('bank_name', SPEC.bank);
		const response = await fetch(`${sandbox.baseUrl}/v1/statement/upload/`, { method: 'POST', headers: { 'x-api-key': sandbox.apiKey }, body: form });
		entityId = ((await response.json()) as { entity_id: string }).entity_id;
		// wait until analysed, as the real trigger fires only then
		for (let i = 0; i < 100; i += 1) {
			const progress = await fetch(`${sandbox.baseUrl}/v1/entity/${entityId}/salary/`, { headers: { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash } });
			const body = (await progress.json()) as { progress: Array<{ status: string }> };
			if (body.progress.every((entry) => entry.status === 'completed')) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		// the item the BankConnect Trigger emits for an "analysis completed" delivery (docs/trigger.md)
		event = {
			json: {
				flow: 'entity',
				event: 'analysis completed',
				entity_id: entityId,
				statement_id: null,
				link_id: 'asha@example.com',
				status: 'completed',
				reason: null,
				event_time: '2026-11-02T10:15:00.000Z',
				received_at: '2026-11-02T10:15:00.120Z',
				source: 'webhook',
			},
		};
	});

	function salaryCredits() {
		return EXPECTED.lines.filter((line) => line.credit !== null && /SALARY/.test(line.narration));
	}

	test('HubSpot gets the applicant by link_id with the salary properties', async () => {
		const { recorder } = await runExample(workflow, [event]);
		const [contact] = recorder.received('Update HubSpot Contact');
		expect(recorder.received('Update HubSpot Contact')).toHaveLength(1);
		const credits = salaryCredits();
		expect(credits.length).toBe(SPEC.months);
		expect(contact.parameters).toMatchObject({
			resource: 'contact',
			operation: 'upsert',
			email: 'asha@example.com',
			additionalFields: {
				customPropertiesUi: {
					customPropertiesValues: [
						{ property: 'bankconnect_entity_id', value: entityId },
						{ property: 'bankconnect_salary_credits', value: credits.length },
						{ property: 'bankconnect_last_salary', value: credits[credits.length - 1].credit },
					],
				},
			},
		});
		expect(recorder.received('Send to Your CRM')).toEqual([]);
	});

	test('the HTTP Request alternative, once enabled, posts the salary as JSON', async () => {
		const { recorder } = await runExample(workflow, [event], ['Send to Your CRM']);
		const [request] = recorder.received('Send to Your CRM');
		expect(request.parameters).toMatchObject({ method: 'POST', url: 'https://crm.example.com/api/applicants/salary', specifyBody: 'json' });
		const body = JSON.parse(request.parameters.jsonBody as string) as { applicant: string; entity_id: string; salary: Array<{ amount: number }> };
		expect(body).toMatchObject({ applicant: 'asha@example.com', entity_id: entityId, salary_credits: SPEC.months });
		expect(body.salary.map((credit) => credit.amount)).toEqual(salaryCredits().map((line) => line.credit));
	});
});
