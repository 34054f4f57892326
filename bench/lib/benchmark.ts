/** What every benchmark reports, and how a benchmark file runs on its own. */
import type { Spread } from './stats';

export type Mode = 'full' | 'quick';

/**
 * One row of the table: a figure (the median over rounds, with its range) and, for a target, its
 * limit. A reference row has no limit: it says where the time goes, and nothing is asserted on it.
 */
export interface Target {
	label: string;
	measured: number;
	/** min and max over the rounds, when measured more than once */
	range?: { min: number; max: number };
	/** met when measured ≤ limit; null for a reference figure */
	limit: number | null;
	unit: string;
	met: boolean | null;
}

/** A side-by-side table (the whole job: ours and the user's own loops). */
export interface Comparison {
	title: string;
	columns: string[];
	rows: Array<{ label: string; cells: string[] }>;
}

export interface BenchmarkResult {
	id: string;
	title: string;
	mode: Mode;
	/** false when it could not run here (figures are then empty and a note says why) */
	available: boolean;
	/** what was run: sizes, latency, concurrency, rounds */
	setup: Record<string, number | string>;
	/** every summary figure, for the JSON results */
	figures: Record<string, number | string>;
	targets: Target[];
	comparison?: Comparison;
	notes: string[];
	/** the raw measurements of every run, for the JSON results */
	runs?: unknown[];
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** A target row from a figure measured over rounds (the median counts). */
export function target(label: string, figure: number | Spread, limit: number, unit = '×', digits = 3): Target {
	const measured = typeof figure === 'number' ? figure : figure.median;
	return {
		label,
		measured: round(measured, digits),
		...(typeof figure === 'number' || figure.values.length < 2 ? {} : { range: { min: round(figure.min, digits), max: round(figure.max, digits) } }),
		limit,
		unit,
		met: measured <= limit,
	};
}

/** A reference row: measured, shown, never a target. */
export function reference(label: string, figure: number | Spread, unit = '×', digits = 3): Target {
	return { ...target(label, figure, Number.POSITIVE_INFINITY, unit, digits), limit: null, met: null };
}

/** The result of a benchmark that could not run here. */
export function unavailable(id: string, title: string, mode: Mode, setup: BenchmarkResult['setup'], why: string): BenchmarkResult {
	return { id, title, mode, available: false, setup, figures: {}, targets: [], notes: [why] };
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

export async function timed<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = performance.now();
	const result = await task();
	return { result, ms: performance.now() - started };
}
