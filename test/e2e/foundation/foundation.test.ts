/**
 * The foundation's operations (Entity, Analysis, Net Banking Health) through the n8n engine against
 * the running sandbox: a real statement PDF is uploaded, and what comes out of the node is checked
 * against what the generator put into the PDF.
 */
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';

import { composeStatement } from '../../../sandbox/statements/compose';
import type { StatementContent } from '../../../sandbox/statements/compose';
import { binaryDataService } from '../../harness/engine';
import { runNode, runNodeOk } from '../../harness/runNode';
import { sampleStatement } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';

const SPEC = { bank: 'hdfc', months: 3, seed: 'e2e-foundation', end: '2026-10-31' };
const LINK_ID = 'loan-application-42';

let sandbox: SandboxProcess;
let expected: StatementContent;
let pdf: Buffer;
let entityId: string;

async function uploadStatement(): Promise<string> {
	const form = new FormData();
	form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'statement.pdf');
	form.append('bank_name', SPEC.bank);
	form.append('entity_id', entityId);
	const response = await fetch(`${sandbox.baseUrl}/v1/statement/upload/?identity=true`, {
		method: 'POST',
		headers: { 'x-api-key': sandbox.apiKey },
		body: form,
	});
	const body = (await response.json()) as { statement_id: string };
	expect(response.status).toBe(200);
	return body.statement_id;
}

function amountOf(line: StatementContent['lines'][number]): number {
	return (line.debit ?? line.credit) as number;
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '300']);
	expected = composeStatement({ bank: SPEC.bank, months: SPEC.months, seed: SPEC.seed, endDate: SPEC.end });
	pdf = await sampleStatement(sandbox.origin, SPEC);
});

afterAll(async () => {
	await sandbox?.stop();
});

describe('an entity with one uploaded statement', () => {
	let statementId: string;

	test('Entity → Create sends the link and JSON meta data and returns the entity', async () => {
		const [item] = await runNodeOk({
			resource: 'entity',
			operation: 'create',
			linkId: LINK_ID,
			isSingleAccount: true,
			metaDataFormat: 'json',
			metaDataJson: '{"branch": "Pune", "loan_amount": 250000}',
		}, { sandbox });
		expect(item.json).toEqual({
			entity_id: expect.any(String),
			link_id: LINK_ID,
			meta_data: '{"branch":"Pune","loan_amount":250000}',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		entityId = item.json.entity_id as string;
		statementId = await uploadStatement();
	});

	test('Analysis → Get Transactions waits for completion and returns the PDF’s transactions as items', async () => {
		const items = await runNodeOk({
			resource: 'analysis',
			operation: 'transactions',
			entityId,
			waitForCompletion: true,
			maxWaitSeconds: 60,
			output: 'split',
		}, { sandbox });
		expect(items).toHaveLength(expected.lines.length);
		expect(items[0].json).toMatchObject({
			entity_id: entityId,
			date: expected.lines[0].date,
			amount: amountOf(expected.lines[0]),
			balance: expected.lines[0].balance,
			is_fraud: false,
			fraud_types: '',
		});
		const last = expected.lines[expected.lines.length - 1];
		expect(items[items.length - 1].json).toMatchObject({ date: last.date, amount: amountOf(last) });
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const accountIds = new Set(items.map((item) => item.json.account_id));
		expect(accountIds.size).toBe(1);
	});

	test('Analysis → Get Accounts and Get Identity carry the statement’s account and holder', async () => {
		const [account] = await runNodeOk({ resource: 'analysis', operation: 'accounts', entityId, waitForCompletion: false, output: 'split' }, { sandbox });
		expect(account.json).toMatchObject({
			entity_id: entityId,
			bank: 'hdfc',
			account_number: expected.identity.account_number,
			ifsc: expected.identity.ifsc,
			statements: [statementId],
			is_fraud: false,
		});
		const [identity] = await runNodeOk({ resource: 'analysis', operation: 'identity', entityId, waitForCompletion: false, output: 'split' }, { sandbox });
		expect(identity.json).toMatchObject({
			entity_id: entityId,
			account_id: account.json.account_id,
			name: expected.identity.name,
			account_number: expected.identity.account_number,
		});
	});

	test('Analysis → Get Salary, Get Lender Transactions and Get Recurring Transactions find the planted patterns', async () => {
		const salary = await runNodeOk({ resource: 'analysis', operation: 'salary', entityId, waitForCompletion: false, output: 'split' }, { sandbox });
		expect(salary).toHaveLength(SPEC.months);
		expect(salary.every((item) => item.json.transaction_type === 'credit' && typeof item.json.month_year === 'string')).toBe(true);

		const lender = await runNodeOk({ resource: 'analysis', operation: 'lenderTransactions', entityId, waitForCompletion: false, output: 'split' }, { sandbox });
		expect(lender).toHaveLength(SPEC.months);
		expect(lender.every((item) => item.json.transaction_type === 'debit')).toBe(true);

		const recurring = await runNodeOk({ resource: 'analysis', operation: 'recurringTransactions', entityId, waitForCompletion: false, output: 'split' }, { sandbox });
		const directions = new Set(recurring.map((item) => item.json.direction));
		expect(directions).toEqual(new Set(['credit', 'debit']));
		for (const set of recurring) {
			expect(set.json.transaction_count).toBe((set.json.transactions as unknown[]).length);
			expect(set.json.entity_id).toBe(entityId);
		}

		const [whole] = await runNodeOk({ resource: 'analysis', operation: 'transactions', entityId, waitForCompletion: false, output: 'whole' }, { sandbox });
		expect(whole.json).toMatchObject({
			entity_id: entityId,
			progress: [{ statement_id: statementId, status: 'completed' }],
			fraud: { fraudulent_statements: [], fraud_type: [] },
		});
	});

	test('Analysis → Get Excel Report downloads a real .xlsx named after bank and account', async () => {
		const [item] = await runNodeOk({ resource: 'analysis', operation: 'excelReport', entityId, waitForCompletion: true, maxWaitSeconds: 30, binaryPropertyName: 'report' }, { sandbox });
		const fileName = `hdfc_${expected.identity.account_number}.xlsx`;
		expect(item.json).toMatchObject({ entity_id: entityId, bank: 'hdfc', account_number: expected.identity.account_number, file_name: fileName });
		const binary = item.binary?.report;
		expect(binary).toMatchObject({
			fileName,
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			fileExtension: 'xlsx',
		});
		const content = await (await binaryDataService()).getAsBuffer(binary!);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(content as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Transactions']);
		expect(workbook.getWorksheet('Transactions')!.actualRowCount).toBe(expected.lines.length + 1);
	});

	test('Entity → Get PDFs downloads the very file that was uploaded', async () => {
		const [item] = await runNodeOk({ resource: 'entity', operation: 'getPdfs', entityId, download: true, binaryPropertyName: 'data' }, { sandbox });
		expect(item.json).toMatchObject({ entity_id: entityId, statement_id: statementId, bank_name: 'hdfc', pdf_downloaded: true });
		const content = await (await binaryDataService()).getAsBuffer(item.binary!.data);
		const sha = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
		expect(sha(content)).toBe(sha(pdf));
		expect(item.binary!.data).toMatchObject({ fileName: `${statementId}.pdf`, mimeType: 'application/pdf' });
	});

	test('Entity → Get, Get Many by link and Link Overview find the entity', async () => {
		const [entity] = await runNodeOk({ resource: 'entity', operation: 'get', entityId }, { sandbox });
		expect(entity.json).toEqual({ entity_id: entityId, link_id: LINK_ID, meta_data: '{"branch":"Pune","loan_amount":250000}' });

		const many = await runNodeOk({ resource: 'entity', operation: 'getMany', returnAll: true, filters: { linkId: LINK_ID } }, { sandbox });
		expect(many.map((item) => item.json.entity_id)).toEqual([entityId]);

		const overview = await runNodeOk({ resource: 'entity', operation: 'linkOverview', linkId: LINK_ID, output: 'split' }, { sandbox });
		expect(overview).toEqual([
			{
				json: { link_id: LINK_ID, entity_id: entityId, bank: 'hdfc', months: ['2026-08', '2026-09', '2026-10'] },
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('without an upload', () => {
	test('Net Banking Health → only banks that are down', async () => {
		const items = await runNodeOk({ resource: 'netBankingHealth', operation: 'get', banks: [], onlyDown: true }, { sandbox });
		expect(items.map((item) => item.json.bank).sort()).toEqual(['CENTRAL', 'HDFC', 'UCO']);
		expect(items.every((item) => item.json.health_up === false && typeof item.json.issue_details === 'string')).toBe(true);
	});

	test('Entity → Get of an unknown id says which entity was not found', async () => {
		const { error } = await runNode({ resource: 'entity', operation: 'get', entityId: 'no-such-entity' }, { sandbox });
		expect(error?.message).toBe('entity no-such-entity not found');
	});

	test('a wrong API key is a 401 that names the credential fields, without the key', async () => {
		const { error } = await runNode(
			{ resource: 'entity', operation: 'getMany', returnAll: false, limit: 5, filters: {} },
			{ sandbox, credentials: { apiKey: 'wrong-key-123' } },
		);
		expect(error?.message).toBe('Authentication credentials were not provided.');
		expect(error?.httpCode).toBe('401');
		expect(error?.description).toContain('check the API key and Server Hash');
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toContain('wrong-key-123');
	});
});
