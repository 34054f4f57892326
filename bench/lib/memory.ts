/** RSS measured by sampling, as the issue asks: peak and growth over a baseline. */

const MB = 1024 * 1024;

export function toMb(bytes: number): number {
	return bytes / MB;
}

/** Runs the garbage collector when the process was started with --expose-gc. */
export function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) {
		gc();
		gc();
	}
}

export interface RssReport {
	baselineBytes: number;
	peakBytes: number;
	growthBytes: number;
}

/** Samples process RSS every `intervalMs` while `task` runs; the baseline is taken after a GC. */
export async function measureRss<T>(task: () => Promise<T>, intervalMs = 5): Promise<{ result: T; rss: RssReport }> {
	collectGarbage();
	const baselineBytes = process.memoryUsage.rss();
	let peakBytes = baselineBytes;
	const sample = () => {
		peakBytes = Math.max(peakBytes, process.memoryUsage.rss());
	};
	const timer = setInterval(sample, intervalMs);
	try {
		const result = await task();
		sample();
		return { result, rss: { baselineBytes, peakBytes, growthBytes: peakBytes - baselineBytes } };
	} finally {
		clearInterval(timer);
	}
}
