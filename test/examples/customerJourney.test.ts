/**
 * examples/04-customer-journey.json against the sandbox: the form creates a session whose link Twilio
 * texts (recorded); a statement goes into the session through Statement → Upload (Target Session);
 * then the second flow runs from the BankConnect Trigger's item for "session requirements completed"
 * and the Google Sheets stand-in records one row per transaction.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { sessionEvents } from '../../nodes/BankConnect/trigger/events';
import { composeStatement } from '../../sandbox/statements/compose';
import { fileItem, formSubmission } from '../harness/binaryItems';
import { readWorkflow } from '../harness/engine';
import { runNodeOk } from '../harness/runNode';
import { listRequests, sampleStatement } from '../harness/sandboxClient';
import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { runExample } from './runExample';

const SPEC = { bank: 'sbi', months: 3, seed: 'journey', end: '2026-10-31' };
const EXPECTED = composeStatement({ bank: SPEC.bank, months: SPEC.months, seed: SPEC.seed, endDate: SPEC.end });
const workflow = readWorkflow('examples/04-customer-journey.json');

let sandbox: SandboxProcess;
let pdf: Buffer;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200']);
	pdf = await sampleStatement(sandbox.origin, SPEC);
});

afterAll(async () => {
	await sandbox?.stop();
});

interface UploadStatus {
	session_expiry_timestamp: string;
	session_date_range: { from_date: string; to_date: string };
	accounts: Array<Record<string, unknown>>;
}

async function uploadStatus(sessionId: string): Promise<UploadStatus> {
	const response = await fetch(`${sandbox.baseUrl}/v1/session_data/${sessionId}/session_upload_status/`, {
		headers: { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash },
	});
	expect(response.status).toBe(200);
	return (await response.json()) as UploadStatus;
}

/** The item the BankConnect Trigger emits when BankConnect posts SESSION_REQUIREMENT_COMPLETION_NOTIFICATION for the session. */
async function requirementsCompleted(sessionId: string): Promise<INodeExecutionData> {
	const status = await uploadStatus(sessionId);
	const [event] = sessionEvents(
		{
			session_id: sessionId,
			event_name: 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION',
			message: 'Session requirements completed',
			session_date_range: status.session_date_range,
			accounts: status.accounts,
		},
		'2026-11-02T10:15:00.000Z',
	);
	return { json: event.json };
}

test('the form creates a 24-hour session for the application and Twilio texts its link to the applicant', async () => {
	const submission = await formSubmission({ 'Application ID': 'APP-1042', 'Mobile Number': '98765 43210' }, {});
	const { run, recorder } = await runExample(sandbox.baseUrl, workflow, [submission], { startAt: 'Application Form' });

	const [session] = run.output('Create Session');
	const sessionId = session.json.session_id as string;
	expect(session.json).toEqual({ session_id: expect.any(String), redirect_url: expect.stringContaining(sessionId), link_id: 'APP-1042' });
	const sessionCreate = (await listRequests(sandbox.origin)).filter((request) => request.method === 'POST' && request.path.endsWith('/v1/session/'));
	expect(sessionCreate.map((request) => request.status)).toEqual([200]);
	const expiresAt = Date.parse(`${(await uploadStatus(sessionId)).session_expiry_timestamp.replace(' ', 'T')}Z`);
	expect(Math.abs(expiresAt - (Date.now() + 24 * 3600_000))).toBeLessThan(120_000);

	const sms = recorder.received('Text the Link');
	expect(sms).toHaveLength(1);
	expect(sms[0].parameters).toMatchObject({
		resource: 'sms',
		operation: 'send',
		from: '+15005550006',
		to: '+919876543210',
		toWhatsapp: false,
		message: `Please share your bank statements for loan application APP-1042 here: ${session.json.redirect_url as string}`,
	});
	expect(recorder.received('Append to Sheet')).toEqual([]);
});

test('on "session requirements completed" the session is processed and every transaction becomes a sheet row; a repeated event adds the same rows', async () => {
	const submission = await formSubmission({ 'Application ID': 'APP-1043', 'Mobile Number': '+91 91234 56789' }, {});
	const created = await runExample(sandbox.baseUrl, workflow, [submission], { startAt: 'Application Form' });
	const sessionId = created.run.output('Create Session')[0].json.session_id as string;
	const [uploaded] = await runNodeOk(
		{ resource: 'statement', operation: 'upload', source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: SPEC.bank, target: 'session', sessionId },
		{ sandbox, startItems: [await fileItem(pdf)] },
	);
	expect(uploaded.json).toMatchObject({ session_id: sessionId });
	const event = await requirementsCompleted(sessionId);
	expect(event.json).toMatchObject({ flow: 'session', session_id: sessionId, status: 'requirements completed', account_count: 1 });

	const { run, recorder } = await runExample(sandbox.baseUrl, workflow, [event], { startAt: 'Session Completed' });

	expect(run.executionOrder).toEqual(['Session Completed', 'Process and Get Transactions', 'Append to Sheet']);
	const rows = recorder.received('Append to Sheet');
	expect(rows.map((row) => [row.json.date, row.json.amount])).toEqual(
		EXPECTED.lines.map((line) => [line.date, line.debit ?? line.credit]),
	);
	const accountIds = new Set(rows.map((row) => row.json.account_id));
	expect(accountIds.size).toBe(1);
	expect(rows.every((row) => row.json.session_id === sessionId && typeof row.json.account_id === 'string')).toBe(true);
	expect(rows[0].parameters).toMatchObject({ operation: 'append', columns: expect.objectContaining({ mappingMode: 'autoMapInputData' }) });
	expect(recorder.received('Text the Link')).toEqual([]);

	// BankConnect may post the event again: processing was already requested (409), which the node treats as success
	const again = await runExample(sandbox.baseUrl, workflow, [event], { startAt: 'Session Completed' });
	expect(again.recorder.received('Append to Sheet').map((row) => row.json)).toEqual(rows.map((row) => row.json));
	const processing = (await listRequests(sandbox.origin)).filter((request) => request.path.endsWith(`/v1/session_data/${sessionId}/initiate_processing/`));
	expect(processing.map((request) => request.status)).toEqual([202, 409]);
});
