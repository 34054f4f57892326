/** Runs `bench/run.ts --quick` to prove every benchmark still runs end to end; no timing is asserted. */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import type { BenchmarkResult } from '../../bench/lib/benchmark';

const REPO_ROOT = resolve(__dirname, '../..');

test('the quick mode runs all four benchmarks and writes their figures', () => {
	const out = mkdtempSync(join(tmpdir(), 'bankconnect-bench-quick-'));
	const run = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['bench/run.ts', '--quick', '--out', out], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		env: { ...process.env, NODE_OPTIONS: '' },
		timeout: 280_000,
	});
	expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
	const report = JSON.parse(readFileSync(join(out, 'latest-quick.json'), 'utf8')) as { mode: string; results: BenchmarkResult[] };
	expect(report.mode).toBe('quick');
	expect(report.results.map((result) => result.id)).toEqual(['returnAllEntities', 'transactionsFanOut', 'uploads', 'waitForCompletion']);
	for (const result of report.results.filter((r) => r.available)) {
		expect(result.targets.length).toBe(2);
		for (const t of result.targets) expect(Number.isFinite(t.measured)).toBe(true);
	}
	expect(run.stdout).toContain('| # | Benchmark | Setup | Measure | Measured | Target | Met |');
}, 300_000);
