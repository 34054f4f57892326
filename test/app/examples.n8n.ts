import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { readExample, withStatementInsteadOfForm } from '../harness/app/examples';
import { createInstance, executeWorkflow, importCredential, importWorkflow, nodeItems, nodeOutput } from '../harness/app/instance';
import { ACCOUNT, HOLDER } from '../harness/app/sandboxFlow';

/** The example workflows of examples/, imported into the real n8n and run with `n8n execute` against the sandbox. */
describe('the example workflows under n8n execute', () => {
	let sandbox: SandboxProcess;
	let instance: ReturnType<typeof createInstance>;

	beforeAll(async () => {
		sandbox = await startSandboxProcess(['--processing-ms', '300']);
		instance = createInstance();
		await importCredential(instance, sandbox);
	});

	afterAll(async () => {
		await sandbox?.stop();
		instance?.remove();
	});

	it('main-job/banks-down.json lists the banks whose net banking is down', async () => {
		await importWorkflow(instance, 'ExampleBanksDown', readExample('main-job/banks-down.json'));

		const { code, run } = await executeWorkflow(instance, 'ExampleBanksDown');

		expect(code).toBe(0);
		expect(nodeOutput(run, 'Banks That Are Down').map(({ bank, health_up }) => ({ bank, health_up }))).toEqual([
			{ bank: 'CENTRAL', health_up: false },
			{ bank: 'HDFC', health_up: false },
			{ bank: 'UCO', health_up: false },
		]);
	});

	it('main-job/statement-to-excel.json uploads a statement and reads its analysis and Excel report', async () => {
		const query = new URLSearchParams({ bank: 'hdfc', months: '3', seed: 'example-excel', holder: HOLDER, account: ACCOUNT });
		const workflow = withStatementInsteadOfForm(readExample('main-job/statement-to-excel.json'), 'Statement Form', `${sandbox.origin}/__sandbox/sample-statement?${query}`);
		await importWorkflow(instance, 'ExampleStmtExcel', workflow);

		const { code, run } = await executeWorkflow(instance, 'ExampleStmtExcel');

		expect(code).toBe(0);
		const transactions = nodeOutput(run, 'Upload and Get Transactions');
		const entityId = transactions[0].entity_id;
		expect(transactions.length).toBeGreaterThan(50);
		expect(transactions.every((row) => row.entity_id === entityId && typeof row.amount === 'number')).toBe(true);
		expect(transactions[0]).toMatchObject({ transaction_note: 'NEFT-ACME TECHNOLOGIES PVT LTD-SALARY', transaction_type: 'credit', transaction_channel: 'salary' });
		expect(nodeOutput(run, 'Get Accounts')).toEqual([expect.objectContaining({ entity_id: entityId, account_number: ACCOUNT, bank: 'hdfc', months: expect.any(Array) })]);
		const salary = nodeOutput(run, 'Get Salary');
		expect(salary.length).toBeGreaterThanOrEqual(3);
		expect(salary.every((row) => row.clean_transaction_note === 'ACME TECHNOLOGIES PVT LTD' && row.transaction_type === 'credit')).toBe(true);
		expect(nodeOutput(run, 'Get Recurring Transactions').map((row) => `${row.direction} ${row.transaction_channel}`)).toEqual(
			expect.arrayContaining(['credit SALARY', 'debit NET_BANKING_TRANSFER']),
		);
		expect(nodeOutput(run, 'Get Lender Transactions').every((row) => row.description === 'lender_transaction')).toBe(true);
		const [report] = nodeItems(run, 'Get Excel Report');
		expect(report.json).toEqual({ entity_id: entityId, account_id: expect.any(String), bank: 'hdfc', account_number: ACCOUNT, file_name: `hdfc_${ACCOUNT}.xlsx` });
		expect(report.binary?.report).toMatchObject({ mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `hdfc_${ACCOUNT}.xlsx` });
	});
});
