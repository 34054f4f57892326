/**
 * Runs `bench/run.ts --quick` to prove every benchmark still runs end to end (the real-app ones when
 * the n8n app is installed, as in `npm run test:n8n`); no timing is asserted.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import type { BenchmarkResult } from '../../bench/lib/benchmark';

const REPO_ROOT = resolve(__dirname, '../..');

test('the quick mode runs every benchmark and writes their figures', () => {
	const out = mkdtempSync(join(tmpdir(), 'bankconnect-bench-quick-'));
	const run = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['bench/run.ts', '--quick', '--out', out], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		env: { ...process.env, NODE_OPTIONS: '' },
		timeout: 420_000,
	});
	expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
	const report = JSON.parse(readFileSync(join(out, 'latest-quick.json'), 'utf8')) as { mode: string; results: BenchmarkResult[] };
	expect(report.mode).toBe('quick');
	expect(report.results.map((result) => result.id)).toEqual(['returnAllEntities', 'wholeJob', 'transactionsFanOut', 'uploads']);
	// the engine benchmarks always run; the real-app ones run when the app is installed, or say why not
	expect(report.results.filter((r) => !r.available).map((r) => r.id)).toEqual(
		expect.not.arrayContaining(['transactionsFanOut', 'uploads']),
	);
	for (const result of report.results) {
		if (!result.available) {
			expect(result.notes).toEqual([expect.stringMatching(/^Skipped: /)]);
			continue;
		}
		expect(result.targets.filter((t) => t.limit !== null).length).toBeGreaterThan(0);
		for (const t of result.targets) expect(Number.isFinite(t.measured)).toBe(true);
	}
	const wholeJob = report.results.find((r) => r.id === 'wholeJob');
	if (wholeJob?.available) {
		expect(wholeJob.comparison?.rows.map((row) => row.label)).toEqual([
			'Upload + Then (ours)',
			'Wait for Analysis loop, Wait 1 s (ours)',
			'Upload + Trigger (ours)',
			'user loop, Wait 2 s',
			'user loop, Wait 1 s',
		]);
	}
	expect(run.stdout).toContain('| # | Benchmark | Setup | Measure | Measured: median (range) | Target | Met |');
}, 450_000);
