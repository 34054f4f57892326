/**
 * Return All entities, in the real n8n app: our Entity → Get Many (Return All) against what users
 * build today, n8n's HTTP Request node (v4.2) with pagination "Response Contains Next URL" and a Split
 * Out of each page's results. Both read every entity of the same sandbox (25 ms per response), in
 * alternating order over rounds; each side's time is the span of its nodes in n8n's run data.
 */
import { PAGINATION_CONCURRENCY } from '../nodes/BankConnect/transport/pagination';
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { reference, round, runAsScript, target, unavailable } from './lib/benchmark';
import type { AppRun } from './lib/n8nApp';
import { n8nAppUnavailable, useN8nApp } from './lib/n8nApp';
import { alternatingRounds } from './lib/rounds';
import { mapLimit, postForm, rawAgent, startSandboxProcess } from './lib/sandbox';
import { spread } from './lib/stats';
import { bindWorkflow, readBenchWorkflow } from './lib/workflows';
import { clearRequests, listRequests } from '../test/harness/sandboxClient';

const ID = 'returnAllEntities';
const TITLE = 'Return All entities';
const LATENCY_MS = 25;
/** The sandbox's entity list page size. */
const PAGE_SIZE = 10;

const SIDES = ['httpRequestNode', 'getMany'] as const;
type Side = (typeof SIDES)[number];

/** Each side's workflow and the nodes whose span is its time. */
const WORKFLOWS: Record<Side, { file: string; first: string; last: string }> = {
	httpRequestNode: { file: 'entitiesHttpRequest', first: 'Get Entities', last: 'Split Out Entities' },
	getMany: { file: 'entitiesGetMany', first: 'Get Many Entities', last: 'Get Many Entities' },
};

interface Measurement {
	ms: number;
	items: number;
	requests: number;
}

/** From the first node's start to the last node's end, and the items the last node put out. */
function span(run: AppRun, first: string, last: string): { ms: number; items: number } {
	const [start] = run.runsOf(first);
	const end = run.runsOf(last).at(-1);
	if (!start || !end) throw new Error(`"${first}" or "${last}" did not run`);
	return { ms: end.startTime + end.executionTime - start.startTime, items: end.items.length };
}

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const entities = mode === 'full' ? 5_000 : 200;
	const rounds = mode === 'full' ? 3 : 1;
	const setup = { entities, pages: entities / PAGE_SIZE, latencyMs: LATENCY_MS, concurrency: PAGINATION_CONCURRENCY, rounds };
	const why = n8nAppUnavailable();
	if (why) return unavailable(ID, TITLE, mode, setup, `Skipped: ${why}.`);

	const sandbox = await startSandboxProcess(['--latency-ms', String(LATENCY_MS), '--processing-ms', '0']);
	const { app, stop } = await useN8nApp();
	try {
		const agent = rawAgent();
		await mapLimit(Array.from({ length: entities }), 50, async (_, index) =>
			await postForm(agent, sandbox, '/v1/entity/', { link_id: `bench-${index}` }),
		);
		await agent.close();
		const credentials = await app.createCredentials(sandbox, ID);
		const workflowIds = {} as Record<Side, string>;
		for (const side of SIDES) {
			workflowIds[side] = await app.createWorkflow(bindWorkflow(readBenchWorkflow(WORKFLOWS[side].file), { apiBaseUrl: sandbox.baseUrl }), credentials);
		}
		// warm-up: one run of each side, so no side pays n8n's first-run costs in a timed round
		if (mode === 'full') for (const side of SIDES) await app.run(workflowIds[side], 'Start', 300_000);

		const measured = await alternatingRounds(SIDES, rounds, async (side): Promise<Measurement> => {
			await clearRequests(sandbox.origin);
			const done = await app.run(workflowIds[side], 'Start', 300_000);
			const { ms, items } = span(done, WORKFLOWS[side].first, WORKFLOWS[side].last);
			if (items !== entities) throw new Error(`${side} put out ${items} entities of ${entities}`);
			const requests = (await listRequests(sandbox.origin)).filter((r) => r.path.endsWith('/v1/entity/')).length;
			return { ms, items, requests };
		});

		const ours = spread(measured.getMany.map((m) => m.ms));
		const anchor = spread(measured.httpRequestNode.map((m) => m.ms));
		// paired by round: each round's ratio, so drift between rounds does not enter a ratio
		const ratio = spread(measured.getMany.map((m, index) => m.ms / measured.httpRequestNode[index].ms));
		const limitMs = (entities / PAGE_SIZE) * LATENCY_MS / PAGINATION_CONCURRENCY;
		const toLimit = spread(ours.values.map((ms) => ms / limitMs));
		return {
			id: ID,
			title: TITLE,
			mode,
			available: true,
			setup,
			figures: {
				getManyMs: round(ours.median),
				httpRequestNodeMs: round(anchor.median),
				ratioToHttpRequestNode: round(ratio.median, 3),
				limitMs: round(limitMs),
				getManyRequests: measured.getMany[0].requests,
				httpRequestNodeRequests: measured.httpRequestNode[0].requests,
			},
			targets: [
				target('Get Many (Return All) ÷ HTTP Request node with next-URL pagination', ratio, 0.15),
				reference('Get Many time', spread(ours.values.map((ms) => ms / 1000)), 's', 2),
				reference('HTTP Request node + Split Out time', spread(anchor.values.map((ms) => ms / 1000)), 's', 2),
				reference(`Get Many ÷ limit (pages × latency ÷ ${PAGINATION_CONCURRENCY})`, toLimit),
			],
			notes: [
				`Both sides made ${measured.getMany[0].requests} and ${measured.httpRequestNode[0].requests} list requests; Get Many reads page 1, then the other pages ${PAGINATION_CONCURRENCY} at a time (PAGINATION_CONCURRENCY), the HTTP Request node one page after another.`,
				"Times are spans in n8n's run data (first node's start to last node's end), so n8n's start-up and the REST round trip are outside them.",
			],
			runs: SIDES.flatMap((side) => measured[side].map((m, index) => ({ side, round: index + 1, ...m }))),
		};
	} finally {
		await stop();
		await sandbox.stop();
	}
}

if (require.main === module) runAsScript(run);
