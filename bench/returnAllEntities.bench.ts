/**
 * Benchmark 1 — Return All entities: our Get Many (Return All) against a sequential page loop
 * (what the HTTP Request node's pagination does) and against the physical limit
 * pages × latency ÷ concurrency.
 */
import { PAGINATION_CONCURRENCY } from '../nodes/BankConnect/transport/pagination';
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { round, runAsScript, target, timed } from './lib/benchmark';
import { loadEngine } from './lib/n8n';
import { getJson, mapLimit, postForm, rawAgent, startSandboxProcess } from './lib/sandbox';

const LATENCY_MS = 25;
const PAGE_SIZE = 10;

interface EntityPage {
	count: number;
	next: string | null;
	results: unknown[];
}

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const entities = mode === 'full' ? 5_000 : 200;
	const pages = entities / PAGE_SIZE;
	const sandbox = await startSandboxProcess(['--latency-ms', String(LATENCY_MS), '--processing-ms', '0']);
	const agent = rawAgent();
	try {
		await mapLimit(Array.from({ length: entities }), 50, async (_, index) =>
			await postForm(agent, sandbox, '/v1/entity/', { link_id: `bench-${index}` }),
		);
		const engine = await loadEngine();
		const credentials = engine.bankConnectCredentials(sandbox.baseUrl);
		const getMany = engine.singleNodeWorkflow({ resource: 'entity', operation: 'getMany', returnAll: true });
		const getFew = engine.singleNodeWorkflow({ resource: 'entity', operation: 'getMany', returnAll: false, limit: 30 });

		// warm-up: load the package, open connections, JIT both paths
		await engine.runWorkflow(getFew, { credentials, skipSecretScan: true });
		await getJson(agent, sandbox, '/v1/entity/?page=1');

		const sequential = await timed(async () => {
			const seen: unknown[] = [];
			let url: string | null = '/v1/entity/?page=1';
			while (url) {
				const page: EntityPage = await getJson<EntityPage>(agent, sandbox, url);
				seen.push(...page.results);
				url = page.next;
			}
			return seen.length;
		});
		// where the time goes: the same later pages at the same concurrency, raw, with and without keep-alive
		const laterPages = Array.from({ length: pages - 1 }, (_, index) => `/v1/entity/?page=${index + 2}`);
		const rawKeepAlive = await timed(async () =>
			await mapLimit(laterPages, PAGINATION_CONCURRENCY, async (url) => await getJson(agent, sandbox, url)),
		);
		const rawNewConnections = await timed(async () =>
			await mapLimit(laterPages, PAGINATION_CONCURRENCY, async (url) => await getJson(agent, sandbox, url, true)),
		);
		const ours = await timed(async () => (await engine.runWorkflow(getMany, { credentials, skipSecretScan: true })).output('BankConnect').length);
		if (sequential.result !== entities || ours.result !== entities) {
			throw new Error(`expected ${entities} entities; sequential read ${sequential.result}, Get Many ${ours.result}`);
		}
		const limitMs = (pages * LATENCY_MS) / PAGINATION_CONCURRENCY;
		return {
			id: 'returnAllEntities',
			title: 'Return All entities',
			mode,
			available: true,
			setup: { entities, pages, latencyMs: LATENCY_MS, concurrency: PAGINATION_CONCURRENCY },
			figures: {
				oursMs: round(ours.ms),
				sequentialMs: round(sequential.ms),
				limitMs: round(limitMs),
				ratioToSequential: round(ours.ms / sequential.ms, 3),
				ratioToLimit: round(ours.ms / limitMs, 3),
				rawSameConcurrencyKeepAliveMs: round(rawKeepAlive.ms),
				rawSameConcurrencyNewConnectionsMs: round(rawNewConnections.ms),
			},
			targets: [
				target('Get Many ÷ sequential page loop', round(ours.ms / sequential.ms, 3), 0.15),
				target(`Get Many ÷ limit (pages × latency ÷ ${PAGINATION_CONCURRENCY})`, round(ours.ms / limitMs, 3), 1.3),
			],
			notes: [
				`Raw undici reading the later pages at the same concurrency: ${round(rawKeepAlive.ms / limitMs)} × the limit with keep-alive, ${round(rawNewConnections.ms / limitMs)} × with a new connection per request (what n8n's HTTP helper does).`,
				'The sequential loop is raw undici following `next` (no n8n per-request cost), so it is faster than a real HTTP Request node loop.',
			],
		};
	} finally {
		await agent.close();
		await sandbox.stop();
	}
}

if (require.main === module) runAsScript(run);
