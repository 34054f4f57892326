/** The one report `npm run bench` prints and writes: the targets table, the whole-job table, the notes. */
import type { BenchmarkResult, Target } from './benchmark';

function format(value: number, unit: string): string {
	if (!Number.isFinite(value)) return '—';
	return unit === '×' ? `${value} ×` : `${value} ${unit}`;
}

function measured(t: Target): string {
	const range = t.range ? ` (${t.range.min}–${t.range.max})` : '';
	return `${format(t.measured, t.unit)}${range}`;
}

/** Markdown: one row per figure (target or reference), then each benchmark's comparison table, then the notes. */
export function renderTable(results: BenchmarkResult[]): string {
	const lines = [
		'| # | Benchmark | Setup | Measure | Measured: median (range) | Target | Met |',
		'|---|---|---|---|---|---|---|',
	];
	results.forEach((result, index) => {
		const setup = Object.entries(result.setup)
			.map(([key, value]) => `${key} ${value}`)
			.join(', ');
		if (!result.available) {
			lines.push(`| ${index + 1} | ${result.title} | ${setup} | not run here | — | — | — |`);
			return;
		}
		for (const t of result.targets) {
			const limit = t.limit === null ? 'reference' : `≤ ${format(t.limit, t.unit)}`;
			const met = t.met === null ? '—' : t.met ? 'yes' : '**no**';
			lines.push(`| ${index + 1} | ${result.title} | ${setup} | ${t.label} | ${measured(t)} | ${limit} | ${met} |`);
		}
	});
	for (const result of results) {
		if (!result.comparison) continue;
		const { title, columns, rows } = result.comparison;
		lines.push('', `**${title}**`, '', `| | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`);
		for (const row of rows) lines.push(`| ${row.label} | ${row.cells.join(' | ')} |`);
	}
	const notes = results.flatMap((result, index) => result.notes.map((note) => `- ${index + 1}. ${note}`));
	return [...lines, '', ...notes].join('\n');
}
