import { resolve } from 'path';
import { parseArgs } from 'util';
import { endOfLastMonth, toDate } from './statements/dates';
import { writeSampleStatements } from './statements/sampleSet';

/** `npm run sandbox:statements -- --out DIR [--end YYYY-MM-DD]`: write the sample statements and their manifest. */
async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { out: { type: 'string' }, end: { type: 'string' } },
	});
	if (!values.out) {
		console.error('usage: npm run sandbox:statements -- --out DIR [--end YYYY-MM-DD]');
		process.exitCode = 2;
		return;
	}
	const endDate = values.end ?? endOfLastMonth();
	toDate(endDate);
	const outDir = resolve(values.out);
	const manifest = await writeSampleStatements(outDir, endDate);
	for (const entry of manifest.statements) {
		const detail = entry.expected ? `${entry.expected.transactionCount} transactions` : `fails with ${entry.expectedFailure}`;
		console.log(`${entry.file}  ${entry.bank}, ${entry.months} months${entry.password ? `, password ${entry.password}` : ''}: ${detail}`);
	}
	console.log(`manifest: ${resolve(outDir, 'manifest.json')}`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
