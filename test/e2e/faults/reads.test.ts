/**
 * Reads under faults: 5xx bursts, 429 with Retry-After (seconds and HTTP date), dropped
 * connections, slow answers and broken JSON. Each read succeeds after retries or fails with a
 * clear error after the bounded tries (4 for a GET); the sandbox's log counts the attempts.
 */
import { runNode } from '../../harness/runNode';
import { clearFaults, injectFault, listFaults } from '../../harness/sandboxClient';
import type { SandboxFault } from '../../harness/sandboxClient';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { createEntity, forgetRequests, requestsTo, startFaultSandbox, underFaults } from './faultSandbox';

let sandbox: SandboxProcess;
let entityId: string;
const getEntity = () => ({ resource: 'entity', operation: 'get', entityId });
const entityPath = () => `/v1/entity/${entityId}/`;

beforeAll(async () => {
	sandbox = await startFaultSandbox();
	entityId = await createEntity(sandbox);
});

afterAll(async () => {
	await sandbox?.stop();
});

beforeEach(async () => {
	await clearFaults(sandbox.origin);
	await forgetRequests(sandbox);
});

async function readUnder(fault: Omit<SandboxFault, 'route'>) {
	await injectFault(sandbox.origin, { route: `entity/${entityId}/`, method: 'GET', ...fault });
	const started = Date.now();
	const { items } = await runNode(getEntity(), underFaults(sandbox));
	const elapsedMs = Date.now() - started;
	const attempts = await requestsTo(sandbox, entityPath());
	return { items, elapsedMs, statuses: attempts.map((r) => r.status), faultsLeft: await listFaults(sandbox.origin) };
}

const entityItem = () => ({
	json: { entity_id: entityId, link_id: 'fault-suite', meta_data: null },
	pairedItem: { item: 0 },
});

describe('reads under 5xx bursts', () => {
	test.each([502, 503, 504])('two %i answers, then the read succeeds on the third attempt', async (status) => {
		const result = await readUnder({ status, count: 2, retryAfter: 0 });
		expect(result.items).toEqual([entityItem()]);
		expect(result.statuses).toEqual([status, status, 200]);
	});

	test('a burst longer than the bounded tries fails clearly after exactly 4 attempts', async () => {
		const result = await readUnder({ status: 503, count: 10, retryAfter: 0 });
		expect(result.statuses).toEqual([503, 503, 503, 503]);
		expect(result.items).toEqual([
			{
				json: {
					error: 'Service temporarily unavailable.',
					description: 'HTTP status 503. Next step: run again in a few minutes: BankConnect is unavailable.',
					httpCode: '503',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('without Retry-After the retry backs off (≥ 0.5 s) and succeeds', async () => {
		const result = await readUnder({ status: 502, count: 1 });
		expect(result.statuses).toEqual([502, 200]);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(500);
		expect(result.items).toEqual([entityItem()]);
	});

	test('a 500 is not retried: one attempt, BankConnect’s message as the error', async () => {
		const result = await readUnder({ status: 500, count: 1 });
		expect(result.statuses).toEqual([500]);
		expect(result.items[0].json).toEqual({
			error: 'A server error occurred.',
			description: 'HTTP status 500. Next step: run again later; if it keeps failing, send FinBox support the time and the IDs in this error.',
			httpCode: '500',
		});
	});
});

describe('429 with Retry-After', () => {
	test('Retry-After in seconds is waited for, then the read succeeds', async () => {
		const result = await readUnder({ status: 429, count: 1, retryAfter: 1 });
		expect(result.statuses).toEqual([429, 200]);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(1000);
		expect(result.items).toEqual([entityItem()]);
	});

	test('Retry-After as an HTTP date is waited for, then the read succeeds', async () => {
		const retryAt = new Date(Date.now() + 2500).toUTCString(); // whole seconds: 1.5–2.5 s from now
		const result = await readUnder({ status: 429, count: 1, retryAfter: retryAt });
		expect(result.statuses).toEqual([429, 200]);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(1000);
		expect(result.items).toEqual([entityItem()]);
	});

	test('throttled on every attempt: fails with the 429 after 4 attempts', async () => {
		const result = await readUnder({ status: 429, count: 10, retryAfter: 0 });
		expect(result.statuses).toEqual([429, 429, 429, 429]);
		expect(result.items[0].json).toEqual({ error: 'Request was throttled.', description: 'HTTP status 429. Next step: run fewer items at once or wait a minute and run again: BankConnect is limiting requests.', httpCode: '429' });
	});
});

describe('dropped connections', () => {
	// the sandbox logs answered requests only: the faults used up count the dropped attempts
	test('two resets, then the read succeeds on the third attempt', async () => {
		const result = await readUnder({ reset: true, count: 2 });
		expect(result.faultsLeft).toEqual([]);
		expect(result.statuses).toEqual([200]);
		expect(result.items).toEqual([entityItem()]);
	});

	test('reset on every attempt: a clear network error after 4 attempts', async () => {
		const result = await readUnder({ resetBeforeProcessing: true, count: 10 });
		expect(result.faultsLeft[0].remaining).toBe(6);
		expect(result.statuses).toEqual([]);
		// n8n words the dropped connection itself (NodeApiError's message for ECONNRESET)
		expect(result.items[0].json).toEqual({
			error: 'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
			httpCode: 'ECONNRESET',
			description:
				'The connection failed before BankConnect answered. Check the base URL of the credential and the network.',
		});
	});
});

describe('slow answers and broken bodies', () => {
	test('a slow answer (1.5 s) is waited for, not resent', async () => {
		const result = await readUnder({ latencyMs: 1500, count: 1 });
		expect(result.statuses).toEqual([200]);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(1500);
		expect(result.items).toEqual([entityItem()]);
	});

	test('an answer slower than the 60 s timeout is given up and read again, which answers', async () => {
		// the first read would answer only after 90 s, past this test's own 80 s limit: only the retry can answer in time
		const result = await readUnder({ latencyMs: 90_000, count: 1 });
		expect(result.items).toEqual([entityItem()]);
		expect(result.faultsLeft).toEqual([]);
		expect(result.statuses).toEqual([200]);
	}, 80_000);

	test('a truncated JSON body fails clearly after one attempt', async () => {
		const result = await readUnder({ malformedJson: true, count: 1 });
		expect(result.statuses).toEqual([200]);
		expect(result.items[0].json.error).toBe(
			`BankConnect answered GET /v1/entity/${entityId}/ with a body that is not JSON`,
		);
	});

	test('Return All under a burst on one page still returns every entity once', async () => {
		await injectFault(sandbox.origin, { route: 'entity/', method: 'GET', status: 503, count: 3, retryAfter: 0 });
		const { items } = await runNode({ resource: 'entity', operation: 'getMany', returnAll: true }, underFaults(sandbox));
		expect(items.map((item) => item.json.entity_id)).toEqual([entityId]);
		expect((await requestsTo(sandbox, '/v1/entity/')).map((r) => r.status)).toEqual([503, 503, 503, 200]);
	});
});
