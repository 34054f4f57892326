/**
 * A session's life outside the happy journey, through the engine against the sandbox process:
 * expiry on the sandbox clock (the shortest Session Expiry, 5 minutes), delete, Get Status after
 * processing and a repeated Initiate Processing.
 */
import { runNodeFailing, runNodeOk } from '../../harness/runNode';
import { advanceClock } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { sampleUrl, startReceiver, waitFor } from './helpers';
import type { WebhookReceiver } from './helpers';

jest.setTimeout(60_000);

let sandbox: SandboxProcess;
let receiver: WebhookReceiver;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '100']);
	receiver = await startReceiver(200);
});

afterAll(async () => {
	await receiver?.close();
	await sandbox?.stop();
});

const HDFC = { bank: 'hdfc', months: 2, seed: 'session-lifecycle-hdfc' };

function uploadInto(sessionId: string, spec = HDFC): Record<string, unknown> {
	return { resource: 'statement', operation: 'upload', source: 'url', fileUrl: sampleUrl(sandbox, spec), bankMode: 'known', bankName: spec.bank, target: 'session', sessionId };
}

async function createSession(linkId: string, additionalFields: Record<string, unknown> = {}): Promise<string> {
	const [created] = await runNodeOk({ resource: 'session', operation: 'create', linkId, redirectUrl: '', additionalFields }, { sandbox });
	expect(created.json.link_id).toBe(linkId);
	return created.json.session_id as string;
}

async function uploadStatus(sessionId: string): Promise<Record<string, unknown>> {
	const [status, ...rest] = await runNodeOk({ resource: 'session', operation: 'getUploadStatus', sessionId, output: 'whole' }, { sandbox });
	expect(rest).toHaveLength(0);
	return status.json;
}

test('the shortest Session Expiry (5 minutes) on the sandbox clock: open at 4:59, EXPIRED after 5:00, uploads refused with SESSION_EXPIRED', async () => {
	await runNodeOk({ resource: 'webhook', operation: 'updateUrl', flow: 'session', webhookUrl: receiver.url }, { sandbox });
	const sessionId = await createSession('lifecycle-expiry', { sessionExpiry: 5 });
	const opened = await uploadStatus(sessionId);
	expect(opened).toMatchObject({ session_id: sessionId, upload_status: 'NO_UPLOADS', accounts: [] });

	await advanceClock(sandbox.origin, 5 * 60_000 - 1_000);
	expect((await uploadStatus(sessionId)).upload_status).toBe('NO_UPLOADS');

	await advanceClock(sandbox.origin, 2_000);
	const expired = await uploadStatus(sessionId);
	expect(expired).toMatchObject({ session_id: sessionId, upload_status: 'EXPIRED', accounts: [] });
	expect(expired.session_expiry_timestamp).toBe(opened.session_expiry_timestamp);

	const error = await runNodeFailing(uploadInto(sessionId), { sandbox });
	expect(error.name).toBe('NodeApiError');
	expect(error.message).toBe('SESSION_EXPIRED: The session has expired');
	expect(error.httpCode).toBe('400');
	expect(error.description).toContain('create a new session, with a longer Session Expiry if customers need more time');

	await waitFor(() => receiver.received.some((request) => request.body.session_id === sessionId), 'the expiry notification');
	expect(receiver.received.filter((request) => request.body.session_id === sessionId).map((request) => request.body.event_name)).toEqual([
		'SESSION_EXPIRY_NOTIFICATION',
	]);
});

test('Delete → {session_id, deleted: true}; then Get Status fails with SESSION_DELETED 410, and so does an upload', async () => {
	const sessionId = await createSession('lifecycle-delete');
	const [uploaded] = await runNodeOk(uploadInto(sessionId), { sandbox });
	expect(uploaded.json).toMatchObject({ session_id: sessionId, bank_name: 'hdfc' });
	const status = await uploadStatus(sessionId);
	expect(status.upload_status).toBe('IN_PROGRESS');
	expect((status.accounts as Array<Record<string, unknown>>).map((account) => [account.account_id, account.bank_name])).toEqual([[uploaded.json.account_id, 'hdfc']]);

	const deleted = await runNodeOk({ resource: 'session', operation: 'delete', sessionId }, { sandbox });
	expect(deleted).toEqual([{ json: { session_id: sessionId, deleted: true }, pairedItem: { item: 0 } }]);

	const error = await runNodeFailing({ resource: 'session', operation: 'getStatus', sessionId }, { sandbox });
	expect(error.name).toBe('NodeApiError');
	expect(error.message).toBe('SESSION_DELETED: The session has been deleted');
	expect(error.httpCode).toBe('410');
	expect(error.description).toContain('create a new session; a deleted session cannot be read again');

	const uploadError = await runNodeFailing(uploadInto(sessionId, { ...HDFC, seed: 'session-lifecycle-after-delete' }), { sandbox });
	expect([uploadError.message, uploadError.httpCode]).toEqual(['SESSION_DELETED: The session has been deleted', '410']);
});

test('after processing: Get Status lists the account completed; a repeated Initiate fails with 409, or succeeds with Accept Already Requested', async () => {
	const sessionId = await createSession('lifecycle-processed');
	const [uploaded] = await runNodeOk(uploadInto(sessionId), { sandbox });
	const acknowledged = await runNodeOk({ resource: 'session', operation: 'initiateProcessing', sessionId, processAndWait: false }, { sandbox });
	expect(acknowledged.map((item) => item.json)).toEqual([{ session_id: sessionId, message: 'success' }]);

	const [progress] = await runNodeOk({ resource: 'session', operation: 'getProgress', sessionId, waitForCompletion: true, maxWaitSeconds: 30 }, { sandbox });
	expect(progress.json).toMatchObject({ session_id: sessionId, session_progress: 'completed' });
	const [status] = await runNodeOk({ resource: 'session', operation: 'getStatus', sessionId }, { sandbox });
	expect((status.json.accounts as Array<Record<string, unknown>>).map((account) => [account.account_id, account.bank_name, account.account_status])).toEqual([
		[uploaded.json.account_id, 'hdfc', 'completed'],
	]);

	const duplicate = await runNodeFailing({ resource: 'session', operation: 'initiateProcessing', sessionId, processAndWait: false }, { sandbox });
	expect([duplicate.name, duplicate.message, duplicate.httpCode]).toEqual([
		'NodeApiError',
		'DUPLICATE_PROCESSING_REQUEST: Processing was already requested for this session',
		'409',
	]);
	const again = await runNodeOk({ resource: 'session', operation: 'initiateProcessing', sessionId, processAndWait: false, options: { alreadyRequestedIsSuccess: true } }, { sandbox });
	expect(again.map((item) => item.json)).toEqual([{ session_id: sessionId, message: 'already requested' }]);

	const closed = await runNodeFailing(uploadInto(sessionId, { ...HDFC, seed: 'session-lifecycle-closed' }), { sandbox });
	expect([closed.message, closed.httpCode]).toEqual(['SESSION_CLOSED: Processing was already requested for this session; it takes no more uploads', '400']);
});
