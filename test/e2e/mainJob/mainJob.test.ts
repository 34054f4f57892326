/**
 * The main job (`npm run demo`): its workflows through the engine against the sandbox, the summary
 * checked against what the statement generator put into the PDFs, the files it writes, and the
 * command itself as a user runs it.
 */
import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

import { BANKS } from '../../../sandbox/banks';
import { writeSampleStatements } from '../../../sandbox/statements/sampleSet';
import type { SampleStatementEntry, SampleStatementManifest } from '../../../sandbox/statements/sampleSet';
import { runMainJob } from '../../../scripts/demo/mainJob';
import type { MainJobResult } from '../../../scripts/demo/mainJob';
import { statementFromFile } from '../../../scripts/demo/target';
import { bankConnectCredentials } from '../../harness/engine';
import { REPO_ROOT } from '../../harness/repository';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';

const END_DATE = '2026-10-31';
const MAIN = 'hdfc-6m-salary-emi-recurring.pdf';
const LOCKED = 'kotak-3m-password-kotak1234.pdf';

let sandbox: SandboxProcess;
let statementsDir: string;
let manifest: SampleStatementManifest;

function entry(file: string): SampleStatementEntry & { expected: NonNullable<SampleStatementEntry['expected']> } {
	const found = manifest.statements.find((statement) => statement.file === file);
	if (!found?.expected) throw new Error(`no readable sample ${file}`);
	return found as SampleStatementEntry & { expected: NonNullable<SampleStatementEntry['expected']> };
}

const BANKS_DOWN = BANKS.filter((bank) => !bank.healthUp).map((bank) => ({ bank: bank.id.toUpperCase(), name: bank.fullName, issue: bank.issueDetails }));

async function mainJob(outDir: string, password: string): Promise<MainJobResult> {
	return await runMainJob({
		credentials: bankConnectCredentials(sandbox.baseUrl),
		outDir,
		statement: await statementFromFile(join(statementsDir, MAIN)),
		protectedStatement: { ...(await statementFromFile(join(statementsDir, LOCKED))), password },
	});
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '300']);
	statementsDir = mkdtempSync(join(tmpdir(), 'bankconnect-mainjob-statements-'));
	manifest = await writeSampleStatements(statementsDir, END_DATE);
});

afterAll(async () => {
	await sandbox?.stop();
});

describe('the main job’s workflows against the sandbox', () => {
	let outDir: string;
	let result: MainJobResult;

	beforeAll(async () => {
		outDir = mkdtempSync(join(tmpdir(), 'bankconnect-mainjob-out-'));
		result = await mainJob(outDir, entry(LOCKED).password!);
	}, 120_000);

	test('every step succeeds', () => {
		expect(result.steps.map((step) => [step.name, step.status, step.detail])).toEqual([
			['Upload a statement, wait, transactions, Excel report', 'ok', undefined],
			['Password-protected statement', 'ok', undefined],
			['Net banking health: banks down', 'ok', undefined],
		]);
		expect(result.ok).toBe(true);
	});

	test('the summary of the uploaded statement is what the PDF holds', () => {
		const expected = entry(MAIN).expected;
		expect(result.statement).toEqual({
			entityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			bank: 'hdfc',
			accountNumber: expected.accountNumber,
			months: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
			transactionCount: expected.transactionCount,
			salaryCredits: 6,
			salaryTotal: expect.any(Number),
			recurringSets: { credit: 2, debit: 4 },
			lenderPayments: 6,
			fraudFlags: [],
			// the Detailed Excel Report (xlsx_report/): the raw one has no Monthly Analysis sheet
			excelReports: [
				{
					path: join(outDir, `hdfc_${expected.accountNumber}.xlsx`),
					bank: 'hdfc',
					accountNumber: expected.accountNumber,
					sheets: ['Summary', 'Transactions', 'Monthly Analysis'],
				},
			],
		});
		expect(result.statement!.salaryTotal).toBeGreaterThan(0);
	});

	test('the password-protected statement is opened with the form’s password', () => {
		const expected = entry(LOCKED).expected;
		expect(result.protectedStatement).toEqual({
			entityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			holder: expected.holder,
			transactionCount: expected.transactionCount,
		});
		expect(result.protectedStatement!.entityId).not.toBe(result.statement!.entityId);
	});

	test('only the banks that are down are listed', () => {
		expect(result.banksDown).toEqual(BANKS_DOWN);
		expect(BANKS_DOWN.length).toBeGreaterThan(0);
	});

	test('items are written as JSON and CSV, the report as .xlsx', async () => {
		const expected = entry(MAIN).expected;
		const transactions = JSON.parse(readFileSync(join(outDir, 'transactions.json'), 'utf8')) as Array<Record<string, unknown>>;
		expect(transactions).toHaveLength(expected.transactionCount);
		expect(transactions[0]).toMatchObject({ entity_id: result.statement!.entityId, date: expect.stringContaining(expected.firstDate) });
		expect(transactions.some((row) => row.amount === expected.knownTransaction.amount && row.transaction_note === expected.knownTransaction.narration)).toBe(true);

		const csv = readFileSync(join(outDir, 'transactions.csv'), 'utf8').trimEnd().split('\n');
		expect(csv).toHaveLength(expected.transactionCount + 1);
		expect(csv[0].split(',')).toEqual(expect.arrayContaining(['entity_id', 'date', 'amount', 'balance', 'is_fraud', 'fraud_types']));

		const down = readFileSync(join(outDir, 'banks-down.csv'), 'utf8').trimEnd().split('\n');
		expect(down.slice(1).map((line) => line.split(',')[0])).toEqual(BANKS_DOWN.map((bank) => bank.bank));

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(result.statement!.excelReports[0].path);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(result.statement!.excelReports[0].sheets);
	});
});

test('a wrong password fails that step with BankConnect’s code, the other steps still run', async () => {
	const outDir = mkdtempSync(join(tmpdir(), 'bankconnect-mainjob-out-'));
	const result = await mainJob(outDir, 'not-the-password');
	expect(result.ok).toBe(false);
	expect(result.steps.map((step) => step.status)).toEqual(['ok', 'failed', 'ok']);
	expect(result.steps[1].detail).toMatch(/^Upload and Get Identity: PASSWORD_INCORRECT/);
	expect(result.protectedStatement).toBeNull();
	expect(result.banksDown).toEqual(BANKS_DOWN);
}, 120_000);

test('the command starts its own sandbox, prints the summary and the output folder, and exits 0', async () => {
	const outDir = mkdtempSync(join(tmpdir(), 'bankconnect-demo-cli-'));
	// as on a fresh machine: no n8n folders from this test run, no real account
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(N8N_|BANKCONNECT_)/.test(name)));
	const { stdout } = await promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/demo/main.ts', '--out', outDir], {
		cwd: REPO_ROOT,
		env,
		timeout: 120_000,
	}).catch((error: Error & { stdout?: string; stderr?: string }) => {
		throw new Error(`${error.message}\n${error.stdout}\n${error.stderr}`);
	});
	const written = JSON.parse(readFileSync(join(outDir, 'statements', 'manifest.json'), 'utf8')) as SampleStatementManifest;
	const main = written.statements.find((statement) => statement.file === MAIN)!.expected!;
	const lines = stdout.trimEnd().split('\n');
	expect(lines[0]).toMatch(/^BankConnect main job against the sandbox at http:\/\/127\.0\.0\.1:\d+\/bank-connect$/);
	expect(stdout).toContain(`  bank               hdfc (account ${main.accountNumber})`);
	expect(stdout).toContain(`  transactions       ${main.transactionCount}\n`);
	expect(stdout).toContain('  months             6 (');
	expect(stdout).toContain('  fraud flags        none');
	expect(stdout).toContain(`  Excel report       hdfc_${main.accountNumber}.xlsx (hdfc, account ${main.accountNumber}): sheets Summary, Transactions, Monthly Analysis\n`);
	expect(stdout).toContain(`Banks down          ${BANKS_DOWN.map((bank) => `${bank.name} (${bank.issue})`).join('; ')}`);
	expect(stdout).toContain('  ok      Password-protected statement');
	expect(lines[lines.length - 1]).toBe(`Outputs in ${outDir}`);
	const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as MainJobResult;
	expect(summary.ok).toBe(true);
}, 150_000);
