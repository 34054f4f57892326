import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { closePdfReader, readStatementPdf } from '../../../sandbox/statements/read';
import { SampleStatementManifest, writeSampleStatements } from '../../../sandbox/statements/sampleSet';
import { StatementReadError } from '../../../sandbox/statements/types';

const outDir = mkdtempSync(join(tmpdir(), 'sample-statements-'));
let manifest: SampleStatementManifest;

beforeAll(async () => {
	manifest = await writeSampleStatements(outDir, '2024-06-30');
});
afterAll(async () => {
	rmSync(outDir, { recursive: true, force: true });
	await closePdfReader();
});

test('the manifest on disk lists the set: several banks, a password, image, corrupt, broken balance', () => {
	expect(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
	const entries = manifest.statements;
	expect(new Set(entries.map((e) => e.bank)).size).toBeGreaterThanOrEqual(5);
	expect(entries.filter((e) => e.password !== null).map((e) => [e.file, e.password])).toEqual([['kotak-3m-password-kotak1234.pdf', 'kotak1234']]);
	expect(entries.filter((e) => e.variant === 'image').map((e) => e.expectedFailure)).toEqual(['PDF_IS_IMAGE']);
	expect(entries.filter((e) => e.variant === 'corrupt').map((e) => e.expectedFailure)).toEqual(['STATEMENT_UNSUPPORTED_FORMAT']);
	expect(entries.filter((e) => e.brokenBalance)).toHaveLength(1);
});

test('every file reads back as its manifest entry says', async () => {
	for (const entry of manifest.statements) {
		const pdf = readFileSync(join(outDir, entry.file));
		const reading = readStatementPdf(pdf, entry.password ?? undefined);
		if (entry.expectedFailure) {
			await expect(reading).rejects.toMatchObject({ failure: entry.expectedFailure });
			await expect(reading).rejects.toBeInstanceOf(StatementReadError);
			continue;
		}
		const parsed = await reading;
		const expected = entry.expected!;
		expect([entry.file, parsed.bank, parsed.identity.name, parsed.identity.account_number, parsed.identity.ifsc]).toEqual([
			entry.file, entry.bank, expected.holder, expected.accountNumber, expected.ifsc,
		]);
		expect([parsed.fromDate, parsed.toDate, parsed.lines.length]).toEqual([expected.fromDate, expected.toDate, expected.transactionCount]);
		expect([parsed.lines[0].date, parsed.lines[parsed.lines.length - 1].date]).toEqual([expected.firstDate, expected.lastDate]);
		const known = expected.knownTransaction;
		expect(parsed.lines).toContainEqual(expect.objectContaining({
			date: known.date,
			narration: known.narration,
			[known.type]: known.amount,
			balance: known.balance,
		}));
	}
});

test('npm run sandbox:statements -- --out DIR writes the same set from the command line', () => {
	const cliDir = mkdtempSync(join(tmpdir(), 'sample-statements-cli-'));
	try {
		const output = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'sandbox/writeStatements.ts', '--out', cliDir, '--end', '2024-06-30'], {
			cwd: join(__dirname, '../../..'),
			encoding: 'utf8',
		});
		expect(output).toContain('kotak-3m-password-kotak1234.pdf  kotak, 3 months, password kotak1234');
		expect(JSON.parse(readFileSync(join(cliDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
		expect(readFileSync(join(cliDir, 'hdfc-6m-salary-emi-recurring.pdf')).equals(readFileSync(join(outDir, 'hdfc-6m-salary-emi-recurring.pdf')))).toBe(true);
	} finally {
		rmSync(cliDir, { recursive: true, force: true });
	}
});
