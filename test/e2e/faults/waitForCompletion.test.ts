/**
 * Wait for Completion under faults: the progress read answering 503 or dropping the connection
 * while the statement is processing (flapping), a statement that fails, and the session's
 * Process and Wait with a flapping progress endpoint. Each wait ends with the right items or a
 * clear error naming the failed statement, after a bounded number of reads.
 */
import { runNode } from '../../harness/runNode';
import { clearFaults, injectFault, listFaults } from '../../harness/sandboxClient';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { contentOf } from '../statement/helpers';
import { createEntity, createSession, forgetRequests, requestsTo, startFaultSandbox, underFaults } from './faultSandbox';

const PROCESSING_MS = 2500;
let sandbox: SandboxProcess;
let seedCounter = 0;

beforeAll(async () => {
	sandbox = await startFaultSandbox(['--processing-ms', String(PROCESSING_MS)]);
});

afterAll(async () => {
	await sandbox?.stop();
});

beforeEach(async () => {
	await clearFaults(sandbox.origin);
	await forgetRequests(sandbox);
});

function nextSpec() {
	return { bank: 'hdfc', months: 2, seed: `fault-wait-${++seedCounter}` };
}

function sampleUrl(spec: { bank: string; months: number; seed: string }): string {
	return `${sandbox.origin}/__sandbox/sample-statement?${new URLSearchParams({ bank: spec.bank, months: String(spec.months), seed: spec.seed })}`;
}

/** Uploads a sample statement by URL to a new entity without waiting; returns the entity and the statement. */
async function uploadOnly(spec: ReturnType<typeof nextSpec>, target: Record<string, unknown> = { target: 'newEntity' }) {
	const { items } = await runNode({
		resource: 'statement',
		operation: 'upload',
		source: 'url',
		fileUrl: sampleUrl(spec),
		bankMode: 'known',
		bankName: spec.bank,
		then: 'none',
		...target,
	}, underFaults(sandbox));
	expect(items[0].json.error).toBeUndefined();
	return items[0].json as { entity_id: string; statement_id: string; session_id?: string };
}

/** At most three in a row, so one read (four tries) always gets through. */
const FLAPS = 3;

/**
 * While `running` is pending, arms one fault at a time on `route` — a 503, then a dropped
 * connection, alternately, FLAPS in all — each as soon as the previous one was used: the
 * progress read flaps between failing and answering while the statement is processing.
 */
async function flapWhile<T>(route: string, running: Promise<T>): Promise<T> {
	let done = false;
	const finished = running.finally(() => (done = true));
	for (let armed = 0; armed < FLAPS && !done; ) {
		const pending = (await listFaults(sandbox.origin)).some((fault) => fault.remaining > 0);
		if (!pending) {
			const fault = armed % 2 === 0 ? { status: 503, retryAfter: 0 } : { resetBeforeProcessing: true };
			await injectFault(sandbox.origin, { route, method: 'GET', count: 1, ...fault });
			armed++;
		}
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	return await finished;
}

describe('entity analysis reads', () => {
	test('Get Transactions with Wait for Completion rides out a flapping progress read and returns every transaction', async () => {
		const spec = nextSpec();
		const { entity_id: entityId } = await uploadOnly(spec);

		const { items } = await flapWhile(
			`entity/${entityId}/transactions/`,
			runNode({ resource: 'analysis', operation: 'transactions', entityId, waitForCompletion: true, maxWaitSeconds: 60, output: 'split' }, underFaults(sandbox)),
		);

		expect(items).toHaveLength(contentOf(spec).lines.length);
		expect(items.every((item) => item.json.entity_id === entityId)).toBe(true);
		const statuses = (await requestsTo(sandbox, `/v1/entity/${entityId}/transactions/`)).map((r) => r.status);
		expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
		expect(statuses[statuses.length - 1]).toBe(200);
		// answered reads: the 503s, the processing answers (about one a second) and the final one
		expect(statuses.length).toBeLessThanOrEqual(FLAPS + Math.ceil(PROCESSING_MS / 1000) + 3);
	});

	test('Upload with "then wait" under the same flapping returns the transactions once, uploading once', async () => {
		const spec = nextSpec();
		const entityId = await createEntity(sandbox);

		const { items } = await flapWhile(`entity/${entityId}/transactions/`, runNode({
			resource: 'statement',
			operation: 'upload',
			source: 'url',
			fileUrl: sampleUrl(spec),
			bankMode: 'known',
			bankName: spec.bank,
			target: 'entity',
			entityId,
			then: 'transactions',
			maxWaitSeconds: 60,
			output: 'split',
		}, underFaults(sandbox)));

		expect(items).toHaveLength(contentOf(spec).lines.length);
		expect((await requestsTo(sandbox, '/v1/statement/upload/')).map((r) => r.status)).toEqual([200]);
	});

	test('a statement that fails stops the wait with its id and reason, after a few reads', async () => {
		const failed = await fetch(`${sandbox.origin}/__sandbox/processing-failures`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ count: 1, reason: 'Transactions could not be extracted from page 2' }),
		});
		expect(failed.status).toBe(201);
		const { entity_id: entityId, statement_id: statementId } = await uploadOnly(nextSpec());
		const { items } = await flapWhile(
			`entity/${entityId}/salary/`,
			runNode({ resource: 'analysis', operation: 'salary', entityId, waitForCompletion: true, maxWaitSeconds: 60, output: 'split' }, underFaults(sandbox)),
		);

		expect(items).toEqual([
			{
				json: { error: `BankConnect could not analyse the statements: statement ${statementId} failed: Transactions could not be extracted from page 2` },
				pairedItem: { item: 0 },
			},
		]);
		const statuses = (await requestsTo(sandbox, `/v1/entity/${entityId}/salary/`)).map((r) => r.status);
		expect(statuses.length).toBeLessThanOrEqual(FLAPS + Math.ceil(PROCESSING_MS / 1000) + 3);
	});

	test('running out of Max Wait during a slow read names the statement still processing', async () => {
		const { entity_id: entityId, statement_id: statementId } = await uploadOnly(nextSpec());
		await injectFault(sandbox.origin, { route: `entity/${entityId}/identity/`, method: 'GET', latencyMs: 1200, count: 1 });

		const { items } = await runNode({ resource: 'analysis', operation: 'identity', entityId, waitForCompletion: true, maxWaitSeconds: 1, output: 'split' }, underFaults(sandbox));

		expect(items).toEqual([{ json: { error: `Analysis not complete after 1 s; still processing: ${statementId}`, description: 'Raise Max Wait, or check again later.' }, pairedItem: { item: 0 } }]);
		expect((await requestsTo(sandbox, `/v1/entity/${entityId}/identity/`)).length).toBeLessThanOrEqual(2);
	});
});

describe('session Process and Wait', () => {
	test('a flapping progress endpoint still ends with the insights, initiating once', async () => {
		const sessionId = await createSession(sandbox);
		const spec = nextSpec();
		await uploadOnly(spec, { target: 'session', sessionId });

		const { items } = await flapWhile(
			`session_data/${sessionId}/progress/`,
			runNode({ resource: 'session', operation: 'initiateProcessing', sessionId, processAndWait: true, maxWaitSeconds: 60, output: 'transactions' }, underFaults(sandbox)),
		);

		expect(items).toHaveLength(contentOf(spec).lines.length);
		expect(items.every((item) => item.json.session_id === sessionId)).toBe(true);
		expect((await requestsTo(sandbox, `/v1/session_data/${sessionId}/initiate_processing/`)).map((r) => r.status)).toEqual([202]);
		const progress = (await requestsTo(sandbox, `/v1/session_data/${sessionId}/progress/`)).map((r) => r.status);
		expect(progress.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
		expect(progress[progress.length - 1]).toBe(200);
	});
});
