import { parseCli } from '../../../sandbox/cliOptions';
import { DEFAULT_OPTIONS } from '../../../sandbox/options';
import { processingDelays } from '../../../sandbox/processing';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, waitFor } from './harness';

describe('sandbox CLI flags', () => {
	test('no flags → the documented defaults', () => {
		expect(parseCli([])).toEqual({
			port: 4010,
			host: '127.0.0.1',
			apiKey: 'sandbox_api_key',
			serverHash: 'sandbox_server_hash',
			processingMs: 2000,
			processingJitterMs: 0,
			latencyMs: 0,
			signingSecret: null,
			seed: 'sandbox',
			webhookSecret: null,
			webhookAttempts: 5,
			webhookBackoffMs: 200,
			disabledModes: [],
			bodyTimeoutMs: 30_000,
			log: false,
		});
		expect(DEFAULT_OPTIONS.port).toBe(4010);
	});

	test('every flag is read', () => {
		expect(
			parseCli([
				'--port', '0', '--host', '0.0.0.0', '--api-key', 'k', '--server-hash', 'h', '--processing-ms', '0', '--processing-jitter-ms', '500',
				'--latency-ms', '25', '--signing-secret', 's', '--seed', 'x', '--webhook-secret', 'w', '--webhook-attempts', '3',
				'--webhook-backoff-ms', '10', '--disabled-modes', 'AA, online', '--body-timeout-ms', '5000', '--log',
			]),
		).toEqual({
			port: 0, host: '0.0.0.0', apiKey: 'k', serverHash: 'h', processingMs: 0, processingJitterMs: 500, latencyMs: 25, signingSecret: 's', seed: 'x',
			webhookSecret: 'w', webhookAttempts: 3, webhookBackoffMs: 10, disabledModes: ['aa', 'online'], bodyTimeoutMs: 5000, log: true,
		});
	});

	test('bad values are refused', () => {
		expect(() => parseCli(['--latency-ms', 'soon'])).toThrow('--latency-ms must be a number >= 0');
		expect(() => parseCli(['--unknown'])).toThrow();
		expect(parseCli(['--help'])).toBe('help');
	});
});

describe('processing time', () => {
	test('processing-ms plus a seeded jitter: the same seed gives the same delays', () => {
		const a = processingDelays({ processingMs: 2000, processingJitterMs: 18000, seed: 'bench' });
		const b = processingDelays({ processingMs: 2000, processingJitterMs: 18000, seed: 'bench' });
		const c = processingDelays({ processingMs: 2000, processingJitterMs: 18000, seed: 'other' });
		const first = Array.from({ length: 20 }, a);
		expect(Array.from({ length: 20 }, b)).toEqual(first);
		expect(Array.from({ length: 20 }, c)).not.toEqual(first);
		expect(first.every((d) => d >= 2000 && d <= 20000)).toBe(true);
		expect(new Set(first).size).toBeGreaterThan(15);
		const fixed = processingDelays({ processingMs: 300, processingJitterMs: 0, seed: 'x' });
		expect([fixed(), fixed()]).toEqual([300, 300]);
	});

	test('statements finish processing-ms..processing-ms+jitter after upload', async () => {
		const t = await startTestSandbox({ processingMs: 100, processingJitterMs: 400, seed: 'spread' });
		try {
			for (let i = 0; i < 4; i += 1) {
				const pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: `jitter-${i}` });
				expect((await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'hdfc' } })).status).toBe(200);
			}
			const statements = await waitFor(async () => {
				const list = (await t.admin('GET', 'statements')).body.statements as Array<{ uploaded_at: string; completed_at: string | null }>;
				return list.every((s) => s.completed_at !== null) ? list : undefined;
			});
			const took = statements.map((s) => Date.parse(s.completed_at!) - Date.parse(s.uploaded_at));
			// timers never fire early; a busy machine may fire them late, hence the loose upper bound
			expect(took.every((ms) => ms >= 99 && ms <= 1500)).toBe(true);
			expect(new Set(took.map((ms) => Math.round(ms / 20))).size).toBeGreaterThan(1);
		} finally {
			await t.close();
		}
	});
});

describe('POST /__sandbox/reset acts as a restart', () => {
	const SEED = 'reset-seed';
	const OPTIONS = { processingMs: 60_000, processingJitterMs: 30_000, seed: SEED };

	/** Uploads `count` statements and returns the processing time the sandbox planned for each, in upload order. */
	async function plannedDelays(t: Awaited<ReturnType<typeof startTestSandbox>>, count: number, round: string): Promise<number[]> {
		for (let i = 0; i < count; i += 1) {
			const pdf = await sampleStatement(t.sandbox.origin, { bank: 'hdfc', months: 1, seed: `${round}-${i}` });
			expect((await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'hdfc' } })).status).toBe(200);
		}
		const statements = (await t.admin('GET', 'statements')).body.statements as Array<{ processing_ms: number | null }>;
		return statements.map((s) => s.processing_ms as number);
	}

	test('the seeded processing delays start again from the first, as in a fresh sandbox with the same seed', async () => {
		const expected = (() => {
			const next = processingDelays(OPTIONS);
			return [next(), next(), next()];
		})();
		const t = await startTestSandbox(OPTIONS);
		try {
			expect(await plannedDelays(t, 3, 'first')).toEqual(expected);
			expect((await t.admin('POST', 'reset')).status).toBe(200);
			expect((await t.admin('GET', 'statements')).body.statements).toEqual([]);
			// without the reset the sequence would go on: the fourth, fifth and sixth delays
			expect(await plannedDelays(t, 3, 'second')).toEqual(expected);
		} finally {
			await t.close();
		}
		const fresh = await startTestSandbox(OPTIONS);
		try {
			expect(await plannedDelays(fresh, 3, 'third')).toEqual(expected);
		} finally {
			await fresh.close();
		}
	});
});
