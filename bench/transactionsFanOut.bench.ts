/**
 * Transactions fan-out: Get Transactions split into one item per transaction for 200 entities
 * (~60,000 items) in n8n's engine, and the peak RSS the run adds ÷ the size of its output JSON; for
 * reference, raw undici doing the same requests at the node's item concurrency plus JSON.parse
 * (alternating order over rounds).
 */
import { ITEM_CONCURRENCY } from '../nodes/BankConnect/actions/router';
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { reference, round, runAsScript, target, timed } from './lib/benchmark';
import { collectGarbage, measureRss, toMb } from './lib/memory';
import { loadEngine } from './lib/n8n';
import { alternatingRounds } from './lib/rounds';
import { getJson, mapLimit, rawAgent, startSandboxProcess, uploadStatement } from './lib/sandbox';
import { spread } from './lib/stats';
import { sampleStatement } from '../test/harness/sandboxClient';

const LATENCY_MS = 25;
/** ~33 transactions a month in the sandbox's statements: 9 months ≈ 300. */
const STATEMENT_MONTHS = 9;

interface Measurement {
	ms: number;
	items: number;
	peakRssGrowthBytes: number;
	/** ours only: the size of the items' JSON */
	outputJsonBytes?: number;
}

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const entityCount = mode === 'full' ? 200 : 5;
	const rounds = mode === 'full' ? 2 : 1;
	const sandbox = await startSandboxProcess(['--latency-ms', String(LATENCY_MS), '--processing-ms', '0']);
	const agent = rawAgent();
	try {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: STATEMENT_MONTHS, seed: 'fan-out' });
		const file = new Blob([pdf], { type: 'application/pdf' });
		const uploads = await mapLimit(Array.from({ length: entityCount }), 8, async () =>
			await uploadStatement(agent, sandbox, file, { bank_name: 'hdfc' }),
		);
		const entityIds = uploads.map((upload) => upload.entity_id);
		const paths = entityIds.map((id) => `/v1/entity/${id}/transactions/`);

		const engine = await loadEngine();
		const credentials = engine.bankConnectCredentials(sandbox.baseUrl);
		const workflow = engine.singleNodeWorkflow({
			resource: 'analysis',
			operation: 'transactions',
			entityId: '={{ $json.entityId }}',
			waitForCompletion: false,
			output: 'split',
		});
		const startItems = entityIds.map((entityId) => ({ json: { entityId } }));

		// warm-up: the sandbox computes an account's analysis on its first read and keeps it, so every
		// entity is read once before timing; the node's path is warmed on two entities
		await mapLimit(paths, ITEM_CONCURRENCY, async (path) => {
			await getJson(agent, sandbox, path);
		});
		await engine.runWorkflow(workflow, { credentials, startItems: startItems.slice(0, 2), skipSecretScan: true });
		collectGarbage();
		const engineBaselineRss = process.memoryUsage.rss();

		const measured = await alternatingRounds(['ours', 'raw'] as const, rounds, async (side): Promise<Measurement> => {
			collectGarbage();
			if (side === 'ours') {
				const done = await measureRss(async () =>
					await timed(async () => (await engine.runWorkflow(workflow, { credentials, startItems, skipSecretScan: true })).output('BankConnect')),
				);
				const items = done.result.result;
				const errors = items.filter((item) => item.json.error !== undefined).length;
				if (errors > 0) throw new Error(`Get Transactions gave ${errors} error items`);
				const outputJsonBytes = Buffer.byteLength(JSON.stringify(items.map((item) => item.json)));
				return { ms: done.result.ms, items: items.length, peakRssGrowthBytes: done.rss.growthBytes, outputJsonBytes };
			}
			const done = await measureRss(async () =>
				await timed(async () => {
					const bodies = await mapLimit(paths, ITEM_CONCURRENCY, async (path) =>
						await getJson<{ transactions: unknown[] }>(agent, sandbox, path),
					);
					return bodies.reduce((sum, body) => sum + body.transactions.length, 0);
				}),
			);
			return { ms: done.result.ms, items: done.result.result, peakRssGrowthBytes: done.rss.growthBytes };
		});
		const [first] = measured.ours;
		const itemCount = first.items;
		if (measured.raw.some((m) => m.items !== itemCount)) throw new Error(`Get Transactions gave ${itemCount} items; raw read ${measured.raw.map((m) => m.items).join(', ')} transactions`);
		// the first run in this process: later runs find the heap already grown
		const growthRatio = first.peakRssGrowthBytes / first.outputJsonBytes!;
		const toRaw = spread(measured.ours.map((m, index) => m.ms / measured.raw[index].ms));
		return {
			id: 'transactionsFanOut',
			title: 'Transactions fan-out',
			mode,
			available: true,
			setup: { entities: entityCount, items: itemCount, latencyMs: LATENCY_MS, concurrency: ITEM_CONCURRENCY, rounds },
			figures: {
				oursMs: round(spread(measured.ours.map((m) => m.ms)).median),
				rawMs: round(spread(measured.raw.map((m) => m.ms)).median),
				ratioToRaw: round(toRaw.median, 3),
				outputJsonMb: round(toMb(first.outputJsonBytes!)),
				peakRssGrowthMb: round(toMb(first.peakRssGrowthBytes)),
				// after the node's run, in a heap already grown: not comparable with the node's figure
				rawPeakRssGrowthAfterNodeMb: round(toMb(measured.raw[0].peakRssGrowthBytes)),
				engineBaselineRssMb: round(toMb(engineBaselineRss)),
				rssGrowthToOutputJson: round(growthRatio, 3),
			},
			targets: [
				target('peak RSS growth ÷ output JSON size (first run)', growthRatio, 2.5),
				reference('Get Transactions ÷ raw undici + JSON.parse', toRaw),
			],
			notes: [
				`Output JSON ${round(toMb(first.outputJsonBytes!), 1)} MB; the node's first run grew the process's RSS by ${round(toMb(first.peakRssGrowthBytes), 1)} MB at its peak. The process holding n8n-core and the package sits at ${round(toMb(engineBaselineRss), 0)} MB RSS before, reported apart.`,
			],
			runs: (['ours', 'raw'] as const).flatMap((side) => measured[side].map((m, index) => ({ side, round: index + 1, ...m }))),
		};
	} finally {
		await agent.close();
		await sandbox.stop();
	}
}

if (require.main === module) runAsScript(run);
