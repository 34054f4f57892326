/** Every analysis read of one entity, each a node of one workflow file, through the engine with nock. */
import { REPORT_BYTES, REPORT_PATHS, RESPONSES, TRANSACTIONS, progress, withProgress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, expectNoCredentials, mockApi, mockFiles, resetNetwork } from '../../harness/bankConnectApi';
import { binaryDataService, readWorkflow } from '../../harness/engine';
import { runWithTestCredentials } from '../../harness/runNode';

const workflow = readWorkflow('test/fixtures/workflows/analysisOfAnEntity.json');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeEach(resetNetwork);

test('Accounts, Identity, Transactions (after waiting), Salary, Recurring, Lender and the Excel report', async () => {
	const api = mockApi();
	const serve = (field: keyof typeof RESPONSES) => api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/${field}/`));
	serve('accounts').reply(200, RESPONSES.accounts);
	serve('identity').reply(200, RESPONSES.identity);
	serve('transactions').reply(200, withProgress('transactions', progress('processing')));
	serve('transactions').reply(200, RESPONSES.transactions);
	serve('salary').reply(200, RESPONSES.salary);
	serve('recurring_transactions').reply(200, RESPONSES.recurring_transactions);
	serve('lender_transactions').reply(200, RESPONSES.lender_transactions);
	serve('raw_excel_report').reply(200, RESPONSES.raw_excel_report);
	const files = mockFiles();
	files.scope.get(REPORT_PATHS.hdfc).query(true).reply(200, REPORT_BYTES.hdfc);
	files.scope.get(REPORT_PATHS.sbi).query(true).reply(200, REPORT_BYTES.sbi);

	const result = await runWithTestCredentials(workflow, { startItems: [{ json: { entity_id: ENTITY_ID } }] });

	expect(result.run.data.resultData.error).toBeUndefined();
	expect(api.scope.isDone()).toBe(true);
	for (const request of files.requests) expectNoCredentials(request);
	const paired = (node: string) => result.output(node).map((item) => item.pairedItem);

	expect(result.output('Accounts').map((item) => [item.json.account_id, item.json.bank, item.json.is_fraud])).toEqual([
		['acc-hdfc', 'hdfc', true],
		['acc-sbi', 'sbi', true],
	]);
	expect(result.output('Identity').map((item) => [item.json.entity_id, item.json.name, item.json.account_id])).toEqual([
		[ENTITY_ID, 'ASHA RAO', 'acc-hdfc'],
		[ENTITY_ID, 'ASHA RAO', 'acc-sbi'],
	]);
	expect(result.output('Transactions').map((item) => [item.json.hash, item.json.account_id, item.json.is_fraud, item.json.fraud_types])).toEqual([
		['txn-h1', 'acc-hdfc', false, ''],
		['txn-h2', 'acc-hdfc', true, 'inconsistent_transaction'],
		['txn-s1', 'acc-sbi', true, 'author_fraud'],
	]);
	expect(result.output('Transactions')[0].json).toEqual({ entity_id: ENTITY_ID, ...TRANSACTIONS[0], is_fraud: false, fraud_types: '' });
	expect(result.output('Salary').map((item) => [item.json.month_year, item.json.amount])).toEqual([
		['Aug-2026', 85000],
		['Sep-2026', 85000],
	]);
	expect(result.output('Recurring Transactions').map((item) => [item.json.direction, item.json.transaction_channel, item.json.transaction_count])).toEqual([
		['credit', 'SALARY', 2],
		['debit', 'AUTO_DEBIT_PAYMENT', 1],
	]);
	expect(result.output('Lender Transactions')).toEqual([{ json: RESPONSES.lender_transactions, pairedItem: { item: 0 } }]);
	for (const node of ['Accounts', 'Identity', 'Transactions', 'Salary', 'Recurring Transactions']) {
		expect(paired(node).every((pairedItem) => (pairedItem as { item: number }).item === 0)).toBe(true);
	}

	const reports = result.output('Excel Report');
	expect(reports.map((item) => [item.json.file_name, item.pairedItem])).toEqual([
		['hdfc_50100012345678.xlsx', { item: 0 }],
		['sbi_XXXX6789.xlsx', { item: 0 }],
	]);
	const service = await binaryDataService();
	for (const [index, bytes] of [REPORT_BYTES.hdfc, REPORT_BYTES.sbi].entries()) {
		const binary = reports[index].binary!.report;
		expect(binary).toMatchObject({ fileName: reports[index].json.file_name, mimeType: XLSX, fileExtension: 'xlsx', fileSize: `${bytes.length} B` });
		expect(binary.id).toMatch(/^filesystem-v2:/);
		expect(await service.getAsBuffer(binary)).toEqual(bytes);
	}
});
