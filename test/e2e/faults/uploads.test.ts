/**
 * Statement uploads under faults: 5xx and 429 answers, the connection dropped after the sandbox
 * stored the file (answer lost) or before it read it, an answer slower than the node's timeout and
 * a broken JSON answer. For each: the sandbox holds the file at most once (never duplicated), and
 * the item is a success only when the statement really is stored (then it names that statement).
 */
import { createHash } from 'crypto';
import type { INodeExecutionData } from 'n8n-workflow';

import { fileItem } from '../../harness/binaryItems';
import { runNode } from '../../harness/runNode';
import { clearFaults, injectFault, listFaults, listStatements, sampleStatement } from '../../harness/sandboxClient';
import type { SandboxFault } from '../../harness/sandboxClient';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { createEntity, createSession, forgetRequests, requestsTo, startFaultSandbox, underFaults } from './faultSandbox';

let sandbox: SandboxProcess;
let seedCounter = 0;

beforeAll(async () => {
	sandbox = await startFaultSandbox();
});

afterAll(async () => {
	await sandbox?.stop();
});

beforeEach(async () => {
	await clearFaults(sandbox.origin);
	await forgetRequests(sandbox);
});

type Target = { target: 'newEntity' } | { target: 'entity'; entityId: string } | { target: 'session'; sessionId: string };

interface UploadOutcome {
	item: INodeExecutionData;
	/** How many statements with this file's bytes the sandbox holds. */
	storedCopies: number;
	/** The statement the sandbox holds for this file, if any. */
	storedId: string | undefined;
	/** Statuses of the upload requests the sandbox answered; a request whose connection it dropped is not listed. */
	uploadStatuses: number[];
	/** Uses left of the injected fault: arming one more than expected shows that no further request came. */
	faultUsesLeft: number;
}

const ROUTE: Record<Target['target'], string> = {
	newEntity: '/v1/statement/upload/',
	entity: '/v1/statement/upload/',
	session: '/v1/statement/upload_session/',
};

/** Uploads a fresh sample statement under `fault` and reports what the node said and what the sandbox holds. */
async function uploadUnder(target: Target, fault?: Omit<SandboxFault, 'route'>): Promise<UploadOutcome> {
	const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 2, seed: `fault-upload-${++seedCounter}` });
	const digest = createHash('sha256').update(pdf).digest('hex');
	if (fault) await injectFault(sandbox.origin, { route: ROUTE[target.target].replace('/v1/', ''), method: 'POST', ...fault });
	const { items } = await runNode(
		{ resource: 'statement', operation: 'upload', source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', then: 'none', ...target },
		underFaults(sandbox, [await fileItem(pdf)]),
	);
	expect(items).toHaveLength(1);
	const stored = (await listStatements(sandbox.origin)).filter((statement) => statement.sha256 === digest);
	const uploads = await requestsTo(sandbox, ROUTE[target.target]);
	const faultUsesLeft = (await listFaults(sandbox.origin)).reduce((sum, f) => sum + f.remaining, 0);
	return { item: items[0], storedCopies: stored.length, storedId: stored[0]?.statement_id, uploadStatuses: uploads.map((r) => r.status), faultUsesLeft };
}

/** A true success: the item names the one stored statement. */
function expectStoredOnce(outcome: UploadOutcome): void {
	expect(outcome.item.json.error).toBeUndefined();
	expect(outcome.storedCopies).toBe(1);
	expect(outcome.item.json.statement_id).toBe(outcome.storedId);
	expect(outcome.item.pairedItem).toEqual({ item: 0 });
}

/** A failure that claims nothing: an error item, and the file stored at most `copies` times. */
function expectErrorItem(outcome: UploadOutcome, copies: 0 | 1, error: string | RegExp): void {
	expect(outcome.item.json.statement_id).toBeUndefined();
	expect(outcome.item.json.error).toEqual(typeof error === 'string' ? error : expect.stringMatching(error));
	expect(outcome.item.pairedItem).toEqual({ item: 0 });
	expect(outcome.storedCopies).toBe(copies);
}

describe('HTTP errors: an upload is sent once and reported as failed', () => {
	test.each([502, 503, 504])('%i to an existing entity: one request, nothing stored, an error item', async (status) => {
		const outcome = await uploadUnder({ target: 'entity', entityId: await createEntity(sandbox) }, { status, count: 3 });
		expect(outcome.uploadStatuses).toEqual([status]);
		expect(outcome.faultUsesLeft).toBe(2);
		expectErrorItem(outcome, 0, /.+/);
		expect(outcome.item.json.httpCode).toBe(String(status));
	});

	test('429 with Retry-After into a session: not resent, nothing stored, the status on the item', async () => {
		const outcome = await uploadUnder({ target: 'session', sessionId: await createSession(sandbox) }, { status: 429, retryAfter: 1, count: 2 });
		expect(outcome.uploadStatuses).toEqual([429]);
		expectErrorItem(outcome, 0, /.+/);
		expect(outcome.item.json.httpCode).toBe('429');
	});
});

describe('a dropped connection: the node looks before it resends', () => {
	test('answer lost after the file was stored (existing entity): found among the entity’s statements, not resent', async () => {
		const outcome = await uploadUnder({ target: 'entity', entityId: await createEntity(sandbox) }, { reset: true, count: 2 });
		expect(outcome.uploadStatuses).toEqual([]);
		expect(outcome.faultUsesLeft).toBe(1);
		expectStoredOnce(outcome);
		expect(outcome.item.json.recovered_after_connection_failure).toBe(true);
	});

	test('answer lost after the file was stored (session): found in the session, not resent', async () => {
		const sessionId = await createSession(sandbox);
		const outcome = await uploadUnder({ target: 'session', sessionId }, { reset: true, count: 2 });
		expect(outcome.uploadStatuses).toEqual([]);
		expect(outcome.faultUsesLeft).toBe(1);
		expectStoredOnce(outcome);
		expect(outcome.item.json).toMatchObject({ session_id: sessionId, recovered_after_connection_failure: true });
	});

	test('dropped before the sandbox read the file (existing entity): not stored, so sent once more and stored once', async () => {
		const outcome = await uploadUnder({ target: 'entity', entityId: await createEntity(sandbox) }, { resetBeforeProcessing: true });
		expect(outcome.uploadStatuses).toEqual([200]);
		expectStoredOnce(outcome);
		expect(outcome.item.json.recovered_after_connection_failure).toBeUndefined();
	});

	test('dropped twice before the sandbox read the file: UPLOAD_OUTCOME_UNKNOWN, nothing stored, no third try', async () => {
		const outcome = await uploadUnder({ target: 'entity', entityId: await createEntity(sandbox) }, { resetBeforeProcessing: true, count: 3 });
		expect(outcome.uploadStatuses).toEqual([]);
		expect(outcome.faultUsesLeft).toBe(1);
		expectErrorItem(outcome, 0, /^UPLOAD_OUTCOME_UNKNOWN: /);
	});

	test('answer lost for a new entity (no entity_id to look under): UPLOAD_OUTCOME_UNKNOWN, stored once, never resent', async () => {
		const outcome = await uploadUnder({ target: 'newEntity' }, { reset: true, count: 2 });
		expect(outcome.uploadStatuses).toEqual([]);
		expect(outcome.faultUsesLeft).toBe(1);
		expectErrorItem(outcome, 1, /^UPLOAD_OUTCOME_UNKNOWN: /);
		expect(outcome.item.json.description).toContain('Look for the new entity with Entity → Get Many before uploading this file again');
	});
});

describe('slow and broken answers', () => {
	test('an answer slower than the 60 s timeout: the node looks, finds nothing yet, sends once more; the file is stored once', async () => {
		// the first request would be answered only after 90 s, past this test's own 80 s limit: the success is the resend's
		const outcome = await uploadUnder({ target: 'entity', entityId: await createEntity(sandbox) }, { latencyMs: 90_000 });
		expectStoredOnce(outcome);
		expect(outcome.uploadStatuses).toEqual([200]);
		expect(outcome.faultUsesLeft).toBe(0);
	}, 80_000);

	test('a broken JSON answer after the file was stored: an error item, never resent, stored once', async () => {
		const outcome = await uploadUnder({ target: 'entity', entityId: await createEntity(sandbox) }, { malformedJson: true });
		expect(outcome.uploadStatuses).toEqual([200]);
		expectErrorItem(outcome, 1, /not JSON/);
	});
});
