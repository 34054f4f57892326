/** Medians, percentiles and spreads over rounds and statements. */

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A figure measured once per round: its median and its range. */
export interface Spread {
	median: number;
	min: number;
	max: number;
	values: number[];
}

export function spread(values: readonly number[]): Spread {
	return { median: median(values), min: Math.min(...values), max: Math.max(...values), values: [...values] };
}

/** Peak number of entries in any window of `windowMs` (e.g. requests per second). */
export function peakRate(times: readonly number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let peak = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		peak = Math.max(peak, end - start + 1);
	}
	return peak;
}
