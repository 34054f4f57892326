/** What every benchmark reports, and how a benchmark file runs on its own. */

export type Mode = 'full' | 'quick';

/** A measured figure compared with its target: met when `measured` ≤ `limit`. */
export interface Target {
	label: string;
	measured: number;
	limit: number;
	unit: string;
	met: boolean;
}

export interface BenchmarkResult {
	id: string;
	title: string;
	mode: Mode;
	/** false when the operation under test does not exist yet (figures are then empty) */
	available: boolean;
	/** what was run: sizes, latency, concurrency */
	setup: Record<string, number | string>;
	/** every raw figure (ms, MB, counts), for the JSON results */
	figures: Record<string, number>;
	targets: Target[];
	notes: string[];
}

export function target(label: string, measured: number, limit: number, unit = '×'): Target {
	return { label, measured, limit, unit, met: measured <= limit };
}

/** Marks the one stdout line the runner reads a child's result from. */
export const RESULT_MARKER = 'BENCHMARK_RESULT ';

export function modeFromArgs(argv: readonly string[]): Mode {
	return argv.includes('--quick') ? 'quick' : 'full';
}

/** Runs a benchmark file as a script: `tsx --expose-gc bench/<file>.ts [--quick]`. */
export function runAsScript(run: (mode: Mode) => Promise<BenchmarkResult>): void {
	run(modeFromArgs(process.argv.slice(2)))
		.then((result) => {
			process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
			process.exit(0);
		})
		.catch((error: unknown) => {
			console.error(error);
			process.exit(1);
		});
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export async function timed<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = performance.now();
	const result = await task();
	return { result, ms: performance.now() - started };
}
