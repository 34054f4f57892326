/** The one table `npm run bench` prints and the README shows. */
import type { BenchmarkResult } from './benchmark';

function format(value: number, unit: string): string {
	if (!Number.isFinite(value)) return '—';
	return unit === '×' ? `${value} ×` : `${value} ${unit}`;
}

/** A Markdown table: one row per target, measured side by side with its limit. */
export function renderTable(results: BenchmarkResult[]): string {
	const lines = [
		'| # | Benchmark | Setup | Measure | Measured | Target | Met |',
		'|---|---|---|---|---|---|---|',
	];
	results.forEach((result, index) => {
		const setup = Object.entries(result.setup)
			.map(([key, value]) => `${key} ${value}`)
			.join(', ');
		if (!result.available) {
			lines.push(`| ${index + 1} | ${result.title} | ${setup} | not available | — | — | — |`);
			return;
		}
		for (const t of result.targets) {
			lines.push(
				`| ${index + 1} | ${result.title} | ${setup} | ${t.label} | ${format(t.measured, t.unit)} | ≤ ${format(t.limit, t.unit)} | ${t.met ? 'yes' : 'no'} |`,
			);
		}
	});
	const notes = results.flatMap((result, index) => result.notes.map((note) => `- ${index + 1}. ${note}`));
	return [...lines, '', ...notes].join('\n');
}
