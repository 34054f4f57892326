/**
 * Benchmark 2 — Transactions fan-out: Get Transactions split into one item per transaction for
 * 200 entities (~60,000 items), against raw undici doing the same requests at the same
 * concurrency plus JSON.parse; and the peak RSS the run adds ÷ the size of its output JSON.
 */
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { round, runAsScript, target, timed } from './lib/benchmark';
import { collectGarbage, measureRss, toMb } from './lib/memory';
import { loadEngine } from './lib/n8n';
import { getJson, mapLimit, rawAgent, startSandboxProcess, uploadStatement } from './lib/sandbox';
import { sampleStatement } from '../test/harness/sandboxClient';

const LATENCY_MS = 25;
/** The node runs 5 input items at a time (ITEM_CONCURRENCY in actions/router.ts); raw gets the same. */
const ITEM_CONCURRENCY = 5;
/** ~33 transactions a month in the sandbox's statements: 9 months ≈ 300. */
const STATEMENT_MONTHS = 9;

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const entityCount = mode === 'full' ? 200 : 5;
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
		await mapLimit(paths, ITEM_CONCURRENCY, async (path) => await getJson(agent, sandbox, path));
		await engine.runWorkflow(workflow, { credentials, startItems: startItems.slice(0, 2), skipSecretScan: true });
		collectGarbage();
		const engineBaselineRss = process.memoryUsage.rss();

		const ours = await measureRss(async () =>
			await timed(async () => (await engine.runWorkflow(workflow, { credentials, startItems, skipSecretScan: true })).output('BankConnect')),
		);
		const items = ours.result.result;
		const outputJsonBytes = Buffer.byteLength(JSON.stringify(items.map((item) => item.json)));
		const errors = items.filter((item) => item.json.error !== undefined).length;
		const itemCount = items.length;
		ours.result.result = [];
		collectGarbage();

		const raw = await measureRss(async () =>
			await timed(async () => {
				const bodies = await mapLimit(paths, ITEM_CONCURRENCY, async (path) =>
					await getJson<{ transactions: unknown[] }>(agent, sandbox, path),
				);
				return bodies.reduce((sum, body) => sum + body.transactions.length, 0);
			}),
		);
		if (errors > 0 || itemCount !== raw.result.result) {
			throw new Error(`Get Transactions gave ${itemCount} items (${errors} errors); raw read ${raw.result.result} transactions`);
		}
		const growthRatio = ours.rss.growthBytes / outputJsonBytes;
		return {
			id: 'transactionsFanOut',
			title: 'Transactions fan-out',
			mode,
			available: true,
			setup: { entities: entityCount, items: itemCount, latencyMs: LATENCY_MS, concurrency: ITEM_CONCURRENCY },
			figures: {
				oursMs: round(ours.result.ms),
				rawMs: round(raw.result.ms),
				ratioToRaw: round(ours.result.ms / raw.result.ms, 3),
				outputJsonMb: round(toMb(outputJsonBytes)),
				peakRssGrowthMb: round(toMb(ours.rss.growthBytes)),
				peakRssMb: round(toMb(ours.rss.peakBytes)),
				rawPeakRssGrowthMb: round(toMb(raw.rss.growthBytes)),
				engineBaselineRssMb: round(toMb(engineBaselineRss)),
				rssGrowthToOutputJson: round(growthRatio, 3),
			},
			targets: [
				target('Get Transactions ÷ raw undici + JSON.parse', round(ours.result.ms / raw.result.ms, 3), 1.5),
				target('peak RSS growth ÷ output JSON size', round(growthRatio, 3), 3),
			],
			notes: [
				`Engine overhead, reported apart: the process holding n8n-core and the package sits at ${round(toMb(engineBaselineRss), 0)} MB RSS before the run.`,
			],
		};
	} finally {
		await agent.close();
		await sandbox.stop();
	}
}

if (require.main === module) runAsScript(run);
