/**
 * Analysis → Get Excel Report offers FinBox's current Detailed Excel Report (xlsx_report/) beside
 * the seeds' raw one. Nodes saved at version 1 keep reading the raw report they always read; new
 * nodes (version 1.1) default to the detailed one.
 */
import { DETAILED_REPORT_PATHS, HDFC, REPORT_BYTES, REPORT_PATHS, RESPONSES, SBI, progress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, expectNoCredentials, mockApi, mockFiles, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { binaryDataService, singleNodeWorkflow } from '../../harness/engine';
import { expectBadInput, runNodeFailing, runWithTestCredentials } from '../../harness/runNode';

const excelReport = (parameters: Record<string, unknown> = {}) => ({
	resource: 'analysis',
	operation: 'excelReport',
	entityId: ENTITY_ID,
	waitForCompletion: false,
	binaryPropertyName: 'report',
	...parameters,
});

async function runAtVersion(typeVersion: number, parameters: Record<string, unknown>) {
	const run = await runWithTestCredentials(singleNodeWorkflow(parameters, { typeVersion }));
	expect(run.nodeError('BankConnect')).toBeUndefined();
	return run.output('BankConnect');
}

function serveFiles(paths: { hdfc: string; sbi: string }) {
	const files = mockFiles();
	files.scope.get(paths.hdfc).query(true).reply(200, REPORT_BYTES.hdfc);
	files.scope.get(paths.sbi).query(true).reply(200, REPORT_BYTES.sbi);
	return files;
}

beforeEach(resetNetwork);

test('a new node (version 1.1) reads the Detailed Excel Report by default and downloads each account’s file', async () => {
	const api = mockApi();
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/xlsx_report/`)).reply(200, RESPONSES.xlsx_report);
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/accounts/`)).reply(200, RESPONSES.accounts);
	const files = serveFiles(DETAILED_REPORT_PATHS);

	const items = await runAtVersion(1.1, excelReport());

	// the detailed report's answer lists no accounts: one read of the accounts gives each file its bank and number
	expect(requestLines(api.requests)).toEqual([`GET /v1/entity/${ENTITY_ID}/xlsx_report/`, `GET /v1/entity/${ENTITY_ID}/accounts/`]);
	expect(requestLines(files.requests)).toEqual([`GET ${DETAILED_REPORT_PATHS.hdfc}?expires=3600`, `GET ${DETAILED_REPORT_PATHS.sbi}?expires=3600`]);
	for (const request of files.requests) expectNoCredentials(request);
	expect(items.map((item) => item.json)).toEqual([
		{ entity_id: ENTITY_ID, account_id: HDFC.account_id, bank: 'hdfc', account_number: HDFC.account_number, file_name: 'hdfc_50100012345678.xlsx' },
		{ entity_id: ENTITY_ID, account_id: SBI.account_id, bank: 'sbi', account_number: SBI.account_number, file_name: 'sbi_XXXX6789.xlsx' },
	]);
	const service = await binaryDataService();
	expect(await service.getAsBuffer(items[0].binary!.report)).toEqual(REPORT_BYTES.hdfc);
});

test('the accounts read goes to the entity the item asked for, even when the report answer does not name it', async () => {
	const api = mockApi();
	const { entity_id: _entityId, ...unnamed } = RESPONSES.xlsx_report;
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/xlsx_report/`)).reply(200, unnamed);
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/accounts/`)).reply(200, RESPONSES.accounts);
	serveFiles(DETAILED_REPORT_PATHS);

	const items = await runAtVersion(2, excelReport());

	expect(requestLines(api.requests)).toEqual([`GET /v1/entity/${ENTITY_ID}/xlsx_report/`, `GET /v1/entity/${ENTITY_ID}/accounts/`]);
	expect(items.map((item) => [item.json.entity_id, item.json.file_name])).toEqual([
		[ENTITY_ID, 'hdfc_50100012345678.xlsx'],
		[ENTITY_ID, 'sbi_XXXX6789.xlsx'],
	]);
});

test('a node saved at version 1 without Report keeps reading raw_excel_report/', async () => {
	const api = mockApi();
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/raw_excel_report/`)).reply(200, RESPONSES.raw_excel_report);
	serveFiles(REPORT_PATHS);

	const items = await runAtVersion(1, excelReport());

	expect(requestLines(api.requests)).toEqual([`GET /v1/entity/${ENTITY_ID}/raw_excel_report/`]);
	expect(items.map((item) => item.json.file_name)).toEqual(['hdfc_50100012345678.xlsx', 'sbi_XXXX6789.xlsx']);
});

test.each([
	[1, 'detailed', 'xlsx_report'],
	[1.1, 'raw', 'raw_excel_report'],
])('version %s with Report %s reads %s/', async (typeVersion, report, field) => {
	const api = mockApi();
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/${field}/`)).reply(200, RESPONSES[field as 'xlsx_report' | 'raw_excel_report']);
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/accounts/`)).optionally().reply(200, RESPONSES.accounts);
	serveFiles(field === 'xlsx_report' ? DETAILED_REPORT_PATHS : REPORT_PATHS);

	await runAtVersion(typeVersion, excelReport({ report }));

	expect(requestLines(api.requests)[0]).toBe(`GET /v1/entity/${ENTITY_ID}/${field}/`);
});

test('the detailed report while statements are processing: "not ready", nothing downloaded', async () => {
	mockApi()
		.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/xlsx_report/`))
		.reply(200, { entity_id: ENTITY_ID, progress: progress('processing'), reports: [] });
	const files = mockFiles();

	const error = await runNodeFailing(excelReport({ report: 'detailed' }));

	expect(error.message).toBe(`The Excel report of entity ${ENTITY_ID} is not ready: statements not completed: stmt-hdfc-1 (processing), stmt-hdfc-2 (processing), stmt-sbi-1 (processing)`);
	expect(files.requests).toEqual([]);
});

test('a Report that is neither from an expression is refused before any request', async () => {
	const api = watchApi();
	expectBadInput(await runNodeFailing(excelReport({ report: '={{ "pdf" }}' })), 'Report', 'must be detailed or raw');
	expect(api.requests).toEqual([]);
});
