/**
 * Runs every benchmark, each in its own process (`--expose-gc`, so RSS figures are its own), one
 * after another in one run, prints one table of the ratios and writes the figures as JSON.
 *   tsx bench/run.ts [--quick] [--out <folder>] [--only <id,id>]
 * Full mode writes bench/results/latest.json and latest.md; quick mode (the test suite's proof
 * that the benchmarks still run) writes latest-quick.* and asserts no timing.
 */
import { spawn } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join, resolve } from 'path';

import { n8nEnvironment } from '../test/harness/n8nEnvironment';
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { RESULT_MARKER, modeFromArgs } from './lib/benchmark';
import { renderTable } from './lib/table';

const REPO_ROOT = resolve(__dirname, '..');

/** Benchmark files in the order; each exports `run(mode)` and runs as a script. */
export const BENCHMARKS = [
	{ id: 'returnAllEntities', file: 'bench/returnAllEntities.bench.ts' },
	{ id: 'transactionsFanOut', file: 'bench/transactionsFanOut.bench.ts' },
	{ id: 'uploads', file: 'bench/uploads.bench.ts' },
	{ id: 'waitForCompletion', file: 'bench/waitForCompletion.bench.ts' },
] as const;

function argValue(argv: string[], name: string): string | undefined {
	const index = argv.indexOf(name);
	return index >= 0 ? argv[index + 1] : undefined;
}

/** Runs one benchmark file in a child process and reads its result line. */
function runBenchmark(file: string, mode: Mode, env: NodeJS.ProcessEnv): Promise<BenchmarkResult> {
	const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const args = ['--expose-gc', file, ...(mode === 'quick' ? ['--quick'] : [])];
	return new Promise((resolveResult, reject) => {
		const child = spawn(tsx, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
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
	const env = { ...process.env, NODE_OPTIONS: '', ...n8nEnvironment() };
	const results: BenchmarkResult[] = [];
	for (const benchmark of BENCHMARKS) {
		if (only && !only.includes(benchmark.id)) continue;
		process.stderr.write(`running ${benchmark.id} (${mode})…\n`);
		results.push(await runBenchmark(benchmark.file, mode, env));
	}
	const table = renderTable(results);
	const report = {
		date: new Date().toISOString(),
		mode,
		machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
		results,
		table,
	};
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
