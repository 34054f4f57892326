/**
 * The main job: the workflows of examples/main-job/ run through the real n8n engine against a
 * BankConnect account (the sandbox or a real one), their items and the Excel report written out,
 * and a summary of what came back.
 */
import ExcelJS from 'exceljs';
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { formSubmission } from '../../test/harness/binaryItems';
import { binaryDataService, readWorkflow, runWorkflow } from '../../test/harness/engine';
import type { WorkflowRun } from '../../test/harness/engine';
import { Recorder, thirdPartyTypes } from '../../test/harness/recorder';
import { writeBytes, writeItems } from './files';

export const MAIN_JOB_WORKFLOWS = {
	statementToExcel: 'examples/main-job/statement-to-excel.json',
	passwordProtected: 'examples/main-job/password-protected-statement.json',
	banksDown: 'examples/main-job/banks-down.json',
} as const;

export interface StatementFile {
	bytes: Buffer;
	fileName: string;
}

export interface MainJobInput {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	statement: StatementFile;
	/** A locked PDF and its password; without it the password step is skipped. */
	protectedStatement?: StatementFile & { password: string };
	outDir: string;
}

export interface StepResult {
	name: string;
	status: 'ok' | 'failed' | 'skipped';
	/** why it failed or was skipped */
	detail?: string;
	files: string[];
}

export interface StatementSummary {
	entityId: string;
	bank: string | null;
	accountNumber: string | null;
	months: string[];
	transactionCount: number;
	salaryCredits: number;
	salaryTotal: number;
	recurringSets: { credit: number; debit: number };
	lenderPayments: number;
	fraudFlags: string[];
	excelReports: ExcelReportFile[];
}

/** One account's Excel report as written to the output folder. */
export interface ExcelReportFile {
	path: string;
	bank: string | null;
	accountNumber: string | null;
	/** The workbook's sheet names; null when the file is not a workbook the demo can open. */
	sheets: string[] | null;
}

export interface ProtectedSummary {
	entityId: string;
	holder: string | null;
	transactionCount: number;
}

export interface MainJobResult {
	ok: boolean;
	steps: StepResult[];
	statement: StatementSummary | null;
	protectedStatement: ProtectedSummary | null;
	banksDown: Array<{ bank: string; name: string; issue: string | null }> | null;
}

/**
 * Runs one workflow from its trigger and fails with the first node error (the engine records errors
 * instead of throwing). A Form Trigger is stood in for by a node that emits the submitted form.
 */
async function runStep(path: string, credentials: MainJobInput['credentials'], startItems?: INodeExecutionData[]): Promise<WorkflowRun> {
	const workflow = readWorkflow(path);
	const trigger = workflow.nodes.find((node) => /Trigger$/.test(node.type));
	const run = await runWorkflow(workflow, {
		credentials,
		startItems,
		startNode: trigger?.name,
		recordTypes: thirdPartyTypes(workflow),
		recorder: new Recorder(),
	});
	for (const node of workflow.nodes) {
		const error = run.nodeError(node.name);
		if (error) throw new Error(`${node.name}: ${error.message}${describe(error)}`);
	}
	const failure = run.run.data.resultData.error;
	if (failure) throw new Error(failure.message);
	return run;
}

function describe(error: Error): string {
	const description = (error as { description?: unknown }).description;
	return typeof description === 'string' && description ? ` (${description})` : '';
}

async function sheetNames(bytes: Buffer): Promise<string[] | null> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		return null;
	}
	return workbook.worksheets.map((sheet) => sheet.name);
}

const distinct = (values: string[]) => [...new Set(values.filter((value) => value !== ''))];

function fraudTypes(items: INodeExecutionData[]): string[] {
	return items.flatMap((item) => String(item.json.fraud_types ?? '').split(',').map((type) => type.trim()));
}

async function statementToExcel(input: MainJobInput, files: string[]): Promise<StatementSummary> {
	const submission = await formSubmission({}, { Statement: { ...input.statement, mimeType: 'application/pdf' } });
	const run = await runStep(MAIN_JOB_WORKFLOWS.statementToExcel, input.credentials, [submission]);
	const transactions = run.output('Upload and Get Transactions');
	const accounts = run.output('Get Accounts');
	const salary = run.output('Get Salary');
	const recurring = run.output('Get Recurring Transactions');
	const lender = run.output('Get Lender Transactions');
	const reports = run.output('Get Excel Report');

	files.push(...(await writeItems(input.outDir, 'transactions', transactions)));
	files.push(...(await writeItems(input.outDir, 'accounts', accounts)));
	files.push(...(await writeItems(input.outDir, 'salary', salary)));
	files.push(...(await writeItems(input.outDir, 'recurring-transactions', recurring)));
	files.push(...(await writeItems(input.outDir, 'lender-transactions', lender)));
	const service = await binaryDataService();
	const excelReports: ExcelReportFile[] = [];
	for (const report of reports) {
		const binary = report.binary?.report;
		if (!binary) throw new Error('Get Excel Report: an item without the report file');
		const bytes = await service.getAsBuffer(binary);
		const path = await writeBytes(input.outDir, String(report.json.file_name ?? binary.fileName), bytes);
		excelReports.push({
			path,
			bank: (report.json.bank as string | null) ?? null,
			accountNumber: (report.json.account_number as string | null) ?? null,
			sheets: await sheetNames(bytes),
		});
		files.push(path);
	}

	const [account] = accounts;
	return {
		entityId: String(accounts[0]?.json.entity_id ?? transactions[0]?.json.entity_id ?? ''),
		bank: (account?.json.bank as string | null) ?? null,
		accountNumber: (account?.json.account_number as string | null) ?? null,
		months: accounts.flatMap((item) => (item.json.months as string[] | undefined) ?? []),
		transactionCount: transactions.length,
		salaryCredits: salary.length,
		salaryTotal: salary.reduce((sum, item) => sum + Number(item.json.amount ?? 0), 0),
		recurringSets: {
			credit: recurring.filter((item) => item.json.direction === 'credit').length,
			debit: recurring.filter((item) => item.json.direction === 'debit').length,
		},
		lenderPayments: lender.filter((item) => item.json.transaction_type === 'debit').length,
		fraudFlags: distinct([...fraudTypes(accounts), ...fraudTypes(transactions)]),
		excelReports,
	};
}

async function passwordProtected(
	input: MainJobInput & { protectedStatement: NonNullable<MainJobInput['protectedStatement']> },
	files: string[],
): Promise<ProtectedSummary> {
	const { password, ...file } = input.protectedStatement;
	const submission = await formSubmission({ 'PDF Password': password }, { Statement: { ...file, mimeType: 'application/pdf' } });
	const run = await runStep(MAIN_JOB_WORKFLOWS.passwordProtected, input.credentials, [submission]);
	const [identity] = run.output('Upload and Get Identity');
	const transactions = run.output('Get Transactions');
	files.push(...(await writeItems(input.outDir, 'password-protected-transactions', transactions)));
	return {
		entityId: String(identity?.json.entity_id ?? ''),
		holder: (identity?.json.name as string | null) ?? null,
		transactionCount: transactions.length,
	};
}

async function banksDown(input: MainJobInput, files: string[]): Promise<Array<{ bank: string; name: string; issue: string | null }>> {
	const run = await runStep(MAIN_JOB_WORKFLOWS.banksDown, input.credentials);
	const down = run.output('Banks That Are Down');
	files.push(...(await writeItems(input.outDir, 'banks-down', down)));
	return down.map((item) => ({
		bank: String(item.json.bank),
		name: String(item.json.bank_name ?? item.json.bank),
		issue: (item.json.issue_details as string | null) ?? null,
	}));
}

/** One step: its result, or the failure it ended with; a failed step does not stop the others. */
async function attempt<T>(name: string, steps: StepResult[], work: (files: string[]) => Promise<T>): Promise<T | null> {
	const files: string[] = [];
	try {
		const value = await work(files);
		steps.push({ name, status: 'ok', files });
		return value;
	} catch (error) {
		steps.push({ name, status: 'failed', detail: (error as Error).message, files });
		return null;
	}
}

export async function runMainJob(input: MainJobInput): Promise<MainJobResult> {
	const steps: StepResult[] = [];
	const statement = await attempt('Upload a statement, wait, transactions, Excel report', steps, async (files) => await statementToExcel(input, files));
	let protectedStatement: ProtectedSummary | null = null;
	if (input.protectedStatement) {
		const withPassword = { ...input, protectedStatement: input.protectedStatement };
		protectedStatement = await attempt('Password-protected statement', steps, async (files) => await passwordProtected(withPassword, files));
	} else {
		steps.push({ name: 'Password-protected statement', status: 'skipped', detail: 'no protected statement given', files: [] });
	}
	const down = await attempt('Net banking health: banks down', steps, async (files) => await banksDown(input, files));
	return {
		ok: steps.every((step) => step.status !== 'failed'),
		steps,
		statement,
		protectedStatement,
		banksDown: down,
	};
}
