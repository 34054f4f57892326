/**
 * Benchmark 4 — Wait for Completion: 50 entities whose analysis finishes at random times in
 * 2–20 s. How long after the sandbox's `completed_at` each wait notices, and how many requests
 * per entity per second it spends, against the Wait (2 s) + IF loop users build today.
 */
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { round, runAsScript, target } from './lib/benchmark';
import { loadEngine } from './lib/n8n';
import type { SandboxProcess } from './lib/sandbox';
import { getJson, mapLimit, rawAgent, startSandboxProcess, uploadStatement } from './lib/sandbox';
import { listRequests, listStatements, sampleStatement } from '../test/harness/sandboxClient';

const LATENCY_MS = 25;
const ANCHOR_WAIT_MS = 2_000;

interface Progress {
	progress: Array<{ status: string }>;
}

/** Per entity: delay from completion to the read that saw it, and its polling rate. */
interface Watch {
	delaysMs: number[];
	requestsPerSecond: number[];
	/** entities already complete when watching began (their delay says nothing about polling) */
	completedBeforeWatching: number;
	requests: number;
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Reads the sandbox's request log and statements: the last read of an entity is the one that saw completion. */
async function watchFigures(sandbox: SandboxProcess, entityIds: string[], watchStartedAt: number): Promise<Watch> {
	const requests = await listRequests(sandbox.origin);
	const statements = await listStatements(sandbox.origin);
	const watch: Watch = { delaysMs: [], requestsPerSecond: [], completedBeforeWatching: 0, requests: 0 };
	for (const entityId of entityIds) {
		const reads = requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/v1/entity/${entityId}/accounts/`));
		const statement = statements.find((s) => s.entity_id === entityId);
		if (!statement?.completed_at || reads.length === 0) throw new Error(`entity ${entityId} was not watched to completion`);
		watch.requests += reads.length;
		const completedAt = Date.parse(statement.completed_at);
		const times = reads.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
		if (completedAt < watchStartedAt) {
			watch.completedBeforeWatching += 1;
			continue;
		}
		watch.delaysMs.push(times[times.length - 1] - completedAt);
		const spanSeconds = (times[times.length - 1] - times[0]) / 1000;
		if (times.length > 1) watch.requestsPerSecond.push((times.length - 1) / spanSeconds);
	}
	return watch;
}

/** Uploads one statement to each of `count` new entities; analysis starts at each upload. */
async function uploadGroup(sandbox: SandboxProcess, agent: ReturnType<typeof rawAgent>, file: Blob, count: number) {
	const uploads = await mapLimit(Array.from({ length: count }), 8, async () =>
		await uploadStatement(agent, sandbox, file, { bank_name: 'hdfc' }),
	);
	return uploads.map((upload) => upload.entity_id);
}

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const entityCount = mode === 'full' ? 50 : 4;
	const [processingMs, jitterMs] = mode === 'full' ? [2_000, 18_000] : [1_000, 2_000];
	const sandbox = await startSandboxProcess([
		'--latency-ms', String(LATENCY_MS),
		'--processing-ms', String(processingMs),
		'--processing-jitter-ms', String(jitterMs),
	]);
	const agent = rawAgent();
	try {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 1, seed: 'wait' });
		const file = new Blob([pdf], { type: 'application/pdf' });
		const engine = await loadEngine();
		const credentials = engine.bankConnectCredentials(sandbox.baseUrl);
		const workflow = engine.singleNodeWorkflow({
			resource: 'analysis',
			operation: 'accounts',
			entityId: '={{ $json.entityId }}',
			waitForCompletion: true,
			maxWaitSeconds: 120,
			output: 'whole',
		});
		await engine.loadPackage();

		const ourEntities = await uploadGroup(sandbox, agent, file, entityCount);
		const oursStartedAt = Date.now();
		const run = await engine.runWorkflow(workflow, {
			credentials,
			startItems: ourEntities.map((entityId) => ({ json: { entityId } })),
		});
		const completed = run.output('BankConnect').filter((item) => item.json.error === undefined).length;
		if (completed !== entityCount) throw new Error(`Wait for Completion finished ${completed} of ${entityCount} entities`);
		const ours = await watchFigures(sandbox, ourEntities, oursStartedAt);

		const anchorEntities = await uploadGroup(sandbox, agent, file, entityCount);
		const anchorStartedAt = Date.now();
		let pending = anchorEntities;
		while (pending.length > 0) {
			const reads = await Promise.all(
				pending.map(async (id) => await getJson<Progress>(agent, sandbox, `/v1/entity/${id}/accounts/`, true)),
			);
			pending = pending.filter((_, index) => !reads[index].progress.every((p) => p.status === 'completed'));
			if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, ANCHOR_WAIT_MS));
		}
		const anchor = await watchFigures(sandbox, anchorEntities, anchorStartedAt);

		const figures = {
			oursP50DelayMs: round(percentile(ours.delaysMs, 50)),
			oursP95DelayMs: round(percentile(ours.delaysMs, 95)),
			oursMeanRequestsPerEntitySecond: round(mean(ours.requestsPerSecond), 3),
			oursMaxRequestsPerEntitySecond: round(Math.max(...ours.requestsPerSecond), 3),
			oursCompletedBeforeWatching: ours.completedBeforeWatching,
			anchorP50DelayMs: round(percentile(anchor.delaysMs, 50)),
			anchorP95DelayMs: round(percentile(anchor.delaysMs, 95)),
			anchorMeanRequestsPerEntitySecond: round(mean(anchor.requestsPerSecond), 3),
			anchorCompletedBeforeWatching: anchor.completedBeforeWatching,
		};
		return {
			id: 'waitForCompletion',
			title: 'Wait for completion',
			mode,
			available: true,
			setup: { entities: entityCount, processingMs: `${processingMs}–${processingMs + jitterMs}`, latencyMs: LATENCY_MS },
			figures,
			targets: [
				target('p95 detection delay after completion', round(figures.oursP95DelayMs / 1000, 3), 1, 's'),
				target('requests per entity per second (max)', figures.oursMaxRequestsPerEntitySecond, 1, '/s'),
			],
			notes: [
				`Wait (2 s) + IF loop: p50 ${round(figures.anchorP50DelayMs / 1000)} s, p95 ${round(figures.anchorP95DelayMs / 1000)} s, ${figures.anchorMeanRequestsPerEntitySecond} requests per entity per second.`,
				'Detection time is the sandbox\'s log time of the last read of the entity (the read that saw it complete).',
			],
		};
	} finally {
		await agent.close();
		await sandbox.stop();
	}
}

function mean(values: number[]): number {
	return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

if (require.main === module) runAsScript(run);
