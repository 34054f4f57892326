/**
 * The whole job, in the real n8n app: a batch of bank statements uploaded, waited for and read back
 * as one item per transaction, to the node after. Ours (Statement → Upload, Then: Wait and Get
 * Transactions; the Wait for Analysis loop; Upload, then the BankConnect Trigger's webhook starting
 * Get Transactions) against the loop a competent user builds from n8n's own nodes (HTTP Request
 * upload → Wait → HTTP Request read → If all progress completed → Split Out, the unfinished back
 * through Wait), at Wait 10 s and Wait 2 s. Same sandbox process (25 ms per response, reset before every run
 * so every run sees the same processing times), alternating order over rounds.
 *
 * The processing times run from 5 s past the start of the last phase of the node's wait, so the
 * wait figures cross every phase of its backoff (bench/lib/backoff.ts).
 */
import type { BenchmarkResult, Mode, Target } from './lib/benchmark';
import { round, runAsScript, target, unavailable } from './lib/benchmark';
import { backoffPhases, describePhases, phaseOf } from './lib/backoff';
import type { JobNodes, JobRun } from './lib/jobFigures';
import { jobFigures } from './lib/jobFigures';
import { n8nAppUnavailable, useN8nApp } from './lib/n8nApp';
import { alternatingRounds } from './lib/rounds';
import { startSandboxProcess } from './lib/sandbox';
import type { Spread } from './lib/stats';
import { percentile, spread } from './lib/stats';
import { startStatementShelf } from './lib/statementShelf';
import { bindWorkflow, readBenchWorkflow } from './lib/workflows';
import { waitForWebhookRegistrations } from '../test/harness/app/sandboxFlow';
import { listRequests, listStatements, resetSandbox, sampleStatement } from '../test/harness/sandboxClient';

const ID = 'wholeJob';
const TITLE = 'Whole job';
const LATENCY_MS = 25;
/** The sandbox's jitter seed: of 200 seeds tried, the one whose 50 processing times spread most evenly over the range. */
const PROCESSING_SEED = 'whole-job-8';
/** The x-secret-key the sandbox sends with its webhooks, set in the credential as a careful user sets it. */
const WEBHOOK_SECRET = 'whole-job-webhook-secret';

/** One way of taking the batch from PDFs to transaction items at the next node: one row of the table. */
interface Contender extends JobNodes {
	id: string;
	label: string;
	/** its workflow in bench/workflows/ */
	workflow: string;
	/** the Wait node's amount, for a loop through n8n's Wait node */
	waitSeconds?: number;
	/**
	 * for a push-driven way: the workflow in bench/workflows/ whose BankConnect Trigger BankConnect's
	 * webhook starts, once per statement; it holds the next node and is published before each run
	 */
	triggered?: string;
	/** true for the package's own way: the targets are checked on it */
	ours: boolean;
}

/** The rows of the table. A new way of waiting (an operation, an option) is one more entry and its workflow. */
const CONTENDERS: Contender[] = [
	{ id: 'uploadThenTransactions', label: 'Upload + Then (ours)', workflow: 'uploadThenTransactions', uploadNode: 'Upload and Get Transactions', nextNode: 'Next Step', ours: true },
	{ id: 'waitForAnalysisLoop', label: 'Wait for Analysis loop, Wait 2 s (ours)', workflow: 'waitForAnalysisLoop', waitSeconds: 2, uploadNode: 'Upload Statement', nextNode: 'Next Step', ours: true },
	{ id: 'uploadTrigger', label: 'Upload + Trigger (ours)', workflow: 'uploadForTrigger', triggered: 'triggerToTransactions', uploadNode: 'Upload Statement', nextNode: 'Next Step', ours: true },
	{ id: 'userLoopWait10', label: 'user loop, Wait 10 s', workflow: 'userLoop', waitSeconds: 10, uploadNode: 'Upload Statement', nextNode: 'Next Step', ours: false },
	{ id: 'userLoopWait2', label: 'user loop, Wait 2 s', workflow: 'userLoop', waitSeconds: 2, uploadNode: 'Upload Statement', nextNode: 'Next Step', ours: false },
];
/** The anchor the targets compare with: the user loop that is as quick to notice as ours should be. */
const ANCHOR = 'userLoopWait2';
/** The banks of the batch's statements, in turn: ten of the largest Indian banks. */
const BATCH_BANKS = ['axis', 'hdfc', 'sbi', 'icici', 'kotak', 'boi', 'baroda', 'canara', 'central', 'idbi'];

interface Batch {
	statements: number;
	banks: string[];
	months: number;
	processingMinMs: number;
	processingMaxMs: number;
	rounds: number;
}

function batchFor(mode: Mode): Batch {
	if (mode === 'quick') {
		return { statements: 3, banks: BATCH_BANKS.slice(0, 3), months: 1, processingMinMs: 500, processingMaxMs: 1_500, rounds: 1 };
	}
	const lastPhase = backoffPhases().at(-1)?.fromMs ?? 0;
	return {
		statements: 50,
		banks: BATCH_BANKS,
		months: 6,
		processingMinMs: 5_000,
		// the issue's 5–90 s, stretched when the wait's last phase starts later, so every phase is crossed
		processingMaxMs: Math.max(90_000, lastPhase + 15_000),
		rounds: 2,
	};
}

const seconds = (ms: number, digits = 1): string => (ms / 1000).toFixed(digits);
const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');

/** "91.5 s (91.2–91.8)": the median over rounds, and the range when there was more than one round. */
function cell(figure: Spread, format: (value: number) => string, unit: string): string {
	const range = figure.values.length > 1 ? ` (${format(figure.min)}–${format(figure.max)})` : '';
	return `${format(figure.median)}${unit}${range}`;
}

interface Summary {
	wallMs: Spread;
	requests: Spread;
	peakRequestsPerSecond: Spread;
	detectedP50: Spread;
	detectedP95: Spread;
	nextNodeP50: Spread;
	nextNodeP95: Spread;
}

function summarise(runs: JobRun[]): Summary {
	return {
		wallMs: spread(runs.map((r) => r.wallMs)),
		requests: spread(runs.map((r) => r.requests)),
		peakRequestsPerSecond: spread(runs.map((r) => r.peakRequestsPerSecond)),
		detectedP50: spread(runs.map((r) => percentile(r.detectedMs, 50))),
		detectedP95: spread(runs.map((r) => percentile(r.detectedMs, 95))),
		nextNodeP50: spread(runs.map((r) => percentile(r.nextNodeMs, 50))),
		nextNodeP95: spread(runs.map((r) => percentile(r.nextNodeMs, 95))),
	};
}

function targetsFor(contender: Contender, runs: JobRun[], anchorRuns: JobRun[], summary: Summary, anchorLabel: string): Target[] {
	// paired by round, so drift between rounds stays out of the ratios
	const requestRatio = spread(runs.map((r, index) => r.requests / anchorRuns[index].requests));
	const detectionRatio = spread(runs.map((r, index) => percentile(r.detectedMs, 95) / percentile(anchorRuns[index].detectedMs, 95)));
	return [
		target(`${contender.label}: requests to BankConnect ÷ ${anchorLabel}`, requestRatio, 1),
		target(`${contender.label}: completion → detected p95 ÷ ${anchorLabel}`, detectionRatio, 1),
		target(`${contender.label}: completion → items at the next node, p50`, spread(summary.nextNodeP50.values.map((ms) => ms / 1000)), 5, 's', 1),
	];
}

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const batch = batchFor(mode);
	const phases = backoffPhases();
	// quick: the loops' waits shortened (10 s → 2 s, 2 s → 1 s), the smoke stays quick
	const contenders = CONTENDERS.map((c) => {
		if (mode !== 'quick' || c.waitSeconds === undefined) return c;
		const waitSeconds = Math.ceil(c.waitSeconds / 5);
		return { ...c, waitSeconds, label: c.label.replace(/Wait \d+ s/, `Wait ${waitSeconds} s`) };
	});
	const setup = {
		statements: batch.statements,
		banks: batch.banks.length,
		months: batch.months,
		processing: `${batch.processingMinMs / 1000}–${batch.processingMaxMs / 1000} s`,
		latencyMs: LATENCY_MS,
		rounds: batch.rounds,
	};
	const why = n8nAppUnavailable();
	if (why) return unavailable(ID, TITLE, mode, setup, `Skipped: ${why}.`);

	const sandbox = await startSandboxProcess([
		'--latency-ms', String(LATENCY_MS),
		'--processing-ms', String(batch.processingMinMs),
		'--processing-jitter-ms', String(batch.processingMaxMs - batch.processingMinMs),
		'--seed', PROCESSING_SEED,
		'--webhook-secret', WEBHOOK_SECRET,
	]);
	const statements = await Promise.all(
		Array.from({ length: batch.statements }, async (_, index) => {
			const bank = batch.banks[index % batch.banks.length];
			return { bank, pdf: await sampleStatement(sandbox.origin, { bank, months: batch.months, seed: `whole-job-${index}` }) };
		}),
	);
	const shelf = await startStatementShelf(statements);
	const { app, stop } = await useN8nApp();
	try {
		const credentials = await app.createCredentials(sandbox, ID, WEBHOOK_SECRET);
		const create = async (contender: Contender, workflow: string): Promise<string> => {
			const bound = bindWorkflow(readBenchWorkflow(workflow), {
				apiBaseUrl: sandbox.baseUrl,
				statementsOrigin: shelf.origin,
				waitSeconds: contender.waitSeconds,
			});
			return await app.createWorkflow({ ...bound, name: `${bound.name} (${contender.label})` }, credentials);
		};
		const workflowIds = new Map<string, string>();
		const triggeredIds = new Map<string, string>();
		for (const contender of contenders) {
			workflowIds.set(contender.id, await create(contender, contender.workflow));
			if (contender.triggered) triggeredIds.set(contender.id, await create(contender, contender.triggered));
		}
		const timeoutMs = batch.processingMaxMs + 180_000;
		const byId = new Map(contenders.map((c) => [c.id, c]));
		const measured = await alternatingRounds(
			contenders.map((c) => c.id),
			batch.rounds,
			async (id): Promise<JobRun> => {
				await resetSandbox(sandbox.origin);
				const triggeredId = triggeredIds.get(id);
				const since = new Date();
				// the reset forgot the account's webhook URL: publishing again registers it (one update_webhook, left out of the count)
				if (triggeredId) {
					await app.publish(triggeredId);
					await waitForWebhookRegistrations(sandbox, 1);
				}
				const executions = [await app.run(workflowIds.get(id)!, 'Start', timeoutMs)];
				if (triggeredId) executions.push(...(await app.runsSince(triggeredId, since, batch.statements, timeoutMs)));
				return jobFigures(executions, byId.get(id)!, await listStatements(sandbox.origin), await listRequests(sandbox.origin));
			},
		);

		const allRuns = contenders.flatMap((c) => measured[c.id]);
		const items = new Set(allRuns.map((r) => r.items));
		if (items.size !== 1) throw new Error(`the contenders put out different numbers of items: ${[...items].join(', ')}`);
		const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
		const reference = sorted(allRuns[0].processingMs);
		const processingDrift = Math.max(...allRuns.flatMap((r) => sorted(r.processingMs).map((ms, index) => Math.abs(ms - reference[index]))));
		const perPhase = phases.map((_, index) => reference.filter((ms) => phaseOf(phases, ms) === index).length);
		// the wait figure per phase: the slowest detection of a statement that completed in that phase of the wait
		const slowestDetectionByPhase = (runs: JobRun[]) =>
			phases.map((_, phase) =>
				spread(
					runs.map((r) => {
						const inPhase = r.detectedMs.filter((_, index) => phaseOf(phases, r.processingMs[index]) === phase);
						return inPhase.length > 0 ? Math.max(...inPhase) : Number.NaN;
					}),
				),
			);
		const byPhaseRows = contenders.filter((c) => c.ours || c.id === ANCHOR);

		const summaries = new Map(contenders.map((c) => [c.id, summarise(measured[c.id])]));
		const anchor = contenders.find((c) => c.id === ANCHOR)!;
		const targets = contenders
			.filter((c) => c.ours)
			.flatMap((c) => targetsFor(c, measured[c.id], measured[ANCHOR], summaries.get(c.id)!, anchor.label));
		const figures: Record<string, number> = { items: allRuns[0].items };
		for (const c of contenders) {
			const s = summaries.get(c.id)!;
			Object.assign(figures, {
				[`${c.id}WallMs`]: round(s.wallMs.median),
				[`${c.id}Requests`]: s.requests.median,
				[`${c.id}PeakRequestsPerSecond`]: s.peakRequestsPerSecond.median,
				[`${c.id}DetectedP50Ms`]: round(s.detectedP50.median),
				[`${c.id}DetectedP95Ms`]: round(s.detectedP95.median),
				[`${c.id}NextNodeP50Ms`]: round(s.nextNodeP50.median),
				[`${c.id}NextNodeP95Ms`]: round(s.nextNodeP95.median),
			});
		}
		return {
			id: ID,
			title: TITLE,
			mode,
			available: true,
			setup,
			figures,
			targets,
			comparison: {
				title: `Whole job: ${batch.statements} statements (${batch.banks.length} banks, ${batch.months} months each) to ${thousands(allRuns[0].items)} transaction items, processing ${setup.processing}, sandbox at ${LATENCY_MS} ms; median of ${batch.rounds} rounds (range)`,
				columns: ['wall', 'requests to BankConnect', 'peak requests/s', 'completion → detected p50 / p95', 'completion → items at the next node p50 / p95'],
				rows: contenders.map((c) => {
					const s = summaries.get(c.id)!;
					return {
						label: c.label,
						cells: [
							cell(s.wallMs, (ms) => seconds(ms), ' s'),
							cell(s.requests, thousands, ''),
							cell(s.peakRequestsPerSecond, thousands, ''),
							`${cell(s.detectedP50, (ms) => seconds(ms), '')} / ${cell(s.detectedP95, (ms) => seconds(ms), ' s')}`,
							`${cell(s.nextNodeP50, (ms) => seconds(ms), '')} / ${cell(s.nextNodeP95, (ms) => seconds(ms), ' s')}`,
						],
					};
				}),
			},
			notes: [
				`The node's wait polls ${describePhases(phases)}; the batch's processing times fall ${perPhase.map((count, index) => `${count} in the phase from ${phases[index].fromMs / 1000} s`).join(', ')}.`,
				`Completion → detected, the slowest per phase of the node's wait (${phases.map((phase) => `from ${phase.fromMs / 1000} s`).join(' / ')}; median of rounds): ${byPhaseRows
					.map((c) => `${c.label} ${slowestDetectionByPhase(measured[c.id]).map((figure) => (Number.isFinite(figure.median) ? seconds(figure.median) : '—')).join(' / ')} s`)
					.join('; ')}.`,
				`Every run saw the same processing times (the sandbox is reset before each run): sorted, they differ by at most ${seconds(processingDrift, 2)} s between runs.`,
				"Detected: the sandbox's log time of the last read of the statement's entity (the read that saw it complete). Items at the next node: the start of the first run of the node after the transactions that holds one of the statement's items, from n8n's run data. Wall: the upload node's start to the last statement's items at the next node.",
				...contenders
					.filter((c) => c.triggered)
					.map(
						(c) =>
							`${c.label}: BankConnect's webhook for each finished statement starts one run of the published trigger workflow (${batch.statements} runs a batch; items at the next node are taken over all of them). Its requests are the uploads and the trigger workflow's reads. The sandbox's reset forgets the account's webhook URL, so the trigger workflow is published again (unpublish, publish) before each run; that activation's update_webhook request (${[...new Set(measured[c.id].map((r) => r.registrations))].join(' or ')} a run) is not counted: a workflow registers once when published, not once per statement or per batch.`,
					),
			],
			runs: contenders.flatMap((c) => measured[c.id].map((r, index) => ({ contender: c.id, round: index + 1, ...r }))),
		};
	} finally {
		await stop();
		await shelf.close();
		await sandbox.stop();
	}
}

if (require.main === module) runAsScript(run);
