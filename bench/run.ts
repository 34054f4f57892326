/**
 * Runs every benchmark, each in its own process (`--expose-gc`, so RSS figures are its own), one
 * after another, prints one report (the targets table, the whole-job table, the notes) and writes
 * the figures as JSON. The real-app benchmarks share one `n8n start` (the real n8n app with this
 * package installed), started here and handed to them in the environment.
 *   scripts/node24.sh npx tsx bench/run.ts [--quick] [--out <folder>] [--only <id,id>]
 * Full mode writes bench/results/latest.json and latest.md; quick mode (the test suite's proof
 * that the benchmarks still run) writes latest-quick.* and asserts no timing; it skips the real-app
 * benchmarks when the app is not installed.
 */
import { spawn } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, loadavg, totalmem } from 'os';
import { join, resolve } from 'path';

import { n8nEnvironment } from '../test/harness/n8nEnvironment';
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { RESULT_MARKER, modeFromArgs } from './lib/benchmark';
import { installN8nApp, n8nAppUnavailable, startN8nApp } from './lib/n8nApp';
import { renderTable } from './lib/table';

const REPO_ROOT = resolve(__dirname, '..');

/** Benchmark files in the order they run; `app`: runs in the real n8n app. Each exports `run(mode)` and runs as a script. */
export const BENCHMARKS = [
	{ id: 'returnAllEntities', file: 'bench/returnAllEntities.bench.ts', app: true },
	{ id: 'wholeJob', file: 'bench/wholeJob.bench.ts', app: true },
	{ id: 'transactionsFanOut', file: 'bench/transactionsFanOut.bench.ts', app: false },
	{ id: 'uploads', file: 'bench/uploads.bench.ts', app: false },
] as const;

function argValue(argv: string[], name: string): string | undefined {
	const index = argv.indexOf(name);
	return index >= 0 ? argv[index + 1] : undefined;
}

/** Runs one benchmark file in a child process and reads its result line; its progress goes to our stderr. */
function runBenchmark(file: string, mode: Mode, env: NodeJS.ProcessEnv): Promise<BenchmarkResult> {
	const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const args = ['--expose-gc', file, ...(mode === 'quick' ? ['--quick'] : [])];
	return new Promise((resolveResult, reject) => {
		const child = spawn(tsx, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			if (mode === 'full') process.stderr.write(chunk);
		});
		child.once('exit', (code) => {
			const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
			if (code === 0 && line) resolveResult(JSON.parse(line.slice(RESULT_MARKER.length)) as BenchmarkResult);
			else reject(new Error(`${file} exited with ${code}:\n${stderr.slice(-4000)}`));
		});
	});
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const mode = modeFromArgs(argv);
	const outDir = resolve(argValue(argv, '--out') ?? join(REPO_ROOT, 'bench', 'results'));
	const only = argValue(argv, '--only')?.split(',');
	const selected = BENCHMARKS.filter((benchmark) => !only || only.includes(benchmark.id));
	const started = Date.now();
	const loadAtStart = loadavg().map((load) => Number(load.toFixed(2)));

	const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', ...n8nEnvironment() };
	// the real-app benchmarks share one `n8n start`; full mode insists on it (installing the app when
	// missing), quick mode runs without it
	const appBenchmarks = selected.filter((benchmark) => benchmark.app);
	let appStarting: Promise<Awaited<ReturnType<typeof startN8nApp>>> | null = null;
	if (appBenchmarks.length > 0) {
		if (mode === 'full' && Number(process.versions.node.split('.')[0]) >= 24) installN8nApp();
		const why = n8nAppUnavailable();
		if (why && mode === 'full') throw new Error(`The full benchmark runs in the real n8n app: ${why}`);
		if (!why) {
			process.stderr.write('starting the n8n app…\n');
			const appStarted = Date.now();
			appStarting = startN8nApp().then((n8n) => {
				process.stderr.write(`the n8n app started in ${((Date.now() - appStarted) / 1000).toFixed(0)} s\n`);
				for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void n8n.stop().finally(() => process.exit(130)));
				return n8n;
			});
			// awaited before the first real-app benchmark; a failure to start surfaces there
			appStarting.catch(() => {});
		}
	}
	// quick: the engine benchmarks run while n8n starts; full: the real-app ones first, alone, then the app stops
	const order = mode === 'quick' ? [...selected.filter((b) => !b.app), ...appBenchmarks] : [...appBenchmarks, ...selected.filter((b) => !b.app)];
	const results = new Map<string, BenchmarkResult>();
	try {
		for (const benchmark of order) {
			const benchmarkEnv = benchmark.app && appStarting ? { ...env, ...(await appStarting).app.env() } : env;
			process.stderr.write(`running ${benchmark.id} (${mode})…\n`);
			const benchmarkStarted = Date.now();
			results.set(benchmark.id, await runBenchmark(benchmark.file, mode, benchmarkEnv));
			process.stderr.write(`${benchmark.id} took ${((Date.now() - benchmarkStarted) / 1000).toFixed(0)} s\n`);
			if (appStarting && appBenchmarks.every((b) => results.has(b.id))) {
				await (await appStarting).stop();
				appStarting = null;
			}
		}
	} finally {
		if (appStarting) await (await appStarting).stop();
	}
	const ordered = selected.map((benchmark) => results.get(benchmark.id)!);
	const minutes = (Date.now() - started) / 60_000;
	const machine = {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		loadAverageAtStart: loadAtStart,
		loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))),
	};
	const header = `${mode === 'full' ? 'Full' : 'Quick'} run of ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(1)} min: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min) at the start, ${machine.loadAverageAtEnd.join(' / ')} at the end.`;
	const table = `${header}\n\n${renderTable(ordered)}`;
	const report = { date: new Date(started).toISOString(), mode, minutes: Number(minutes.toFixed(1)), machine, results: ordered, table };
	mkdirSync(outDir, { recursive: true });
	const name = mode === 'full' ? 'latest' : 'latest-quick';
	writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
	writeFileSync(join(outDir, `${name}.md`), `${table}\n`);
	process.stdout.write(`${table}\n`);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
