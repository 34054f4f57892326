import { reportFileName } from '../../../nodes/BankConnect/actions/analysis/excelReport.operation';
import { HDFC, REPORT_BYTES, REPORT_PATHS, RESPONSES, SBI, progress, withProgress } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import {
	apiPath,
	expectAuthenticated,
	expectNoCredentials,
	mockApi,
	mockFiles,
	requestLines,
	resetNetwork,
	watchApi,
} from '../../harness/bankConnectApi';
import { binaryDataService } from '../../harness/engine';
import { expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const path = `/v1/entity/${ENTITY_ID}/raw_excel_report/`;

const excelReport = (parameters: Record<string, unknown> = {}) => ({
	resource: 'analysis',
	operation: 'excelReport',
	entityId: ENTITY_ID,
	waitForCompletion: false,
	binaryPropertyName: 'report',
	...parameters,
});

function serveReports() {
	const files = mockFiles();
	files.scope.get(REPORT_PATHS.hdfc).query({ expires: '3600' }).reply(200, REPORT_BYTES.hdfc, { 'content-type': XLSX });
	files.scope.get(REPORT_PATHS.sbi).query({ expires: '3600' }).reply(200, REPORT_BYTES.sbi, { 'content-type': XLSX });
	return files;
}

beforeEach(resetNetwork);

describe('Analysis → Get Excel Report', () => {
	test('downloads each account’s .xlsx into the binary field, named from bank and account', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, RESPONSES.raw_excel_report);
		const files = serveReports();

		const items = await runNodeOk(excelReport());

		expect(requestLines(api.requests)).toEqual([`GET ${path}`]);
		expectAuthenticated(api.requests[0]);
		expect(requestLines(files.requests)).toEqual([`GET ${REPORT_PATHS.hdfc}?expires=3600`, `GET ${REPORT_PATHS.sbi}?expires=3600`]);
		for (const request of files.requests) expectNoCredentials(request);

		expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ entity_id: ENTITY_ID, account_id: HDFC.account_id, bank: 'hdfc', account_number: HDFC.account_number, file_name: 'hdfc_50100012345678.xlsx' }, { item: 0 }],
			[{ entity_id: ENTITY_ID, account_id: SBI.account_id, bank: 'sbi', account_number: SBI.account_number, file_name: 'sbi_XXXX6789.xlsx' }, { item: 0 }],
		]);
		const service = await binaryDataService();
		for (const [index, bytes] of [REPORT_BYTES.hdfc, REPORT_BYTES.sbi].entries()) {
			const binary = items[index].binary?.report;
			expect(binary).toMatchObject({
				fileName: items[index].json.file_name,
				mimeType: XLSX,
				fileExtension: 'xlsx',
				bytes: bytes.length,
				fileSize: `${bytes.length} B`,
			});
			expect(await service.getAsBuffer(binary!)).toEqual(bytes);
		}
	});

	test('while statements are processing it fails with "not ready" and which statements', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, {
			...withProgress('raw_excel_report', [{ status: 'completed', message: null, statement_id: 'stmt-hdfc-1' }, ...progress('processing').slice(1)]),
			reports: [],
		});

		const error = await runNodeFailing(excelReport());

		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(
			`The Excel report of entity ${ENTITY_ID} is not ready: statements not completed: stmt-hdfc-2 (processing), stmt-sbi-1 (processing)`,
		);
		expect(error.description).toBe('Turn on Wait for Completion (or put Analysis → Wait for Analysis before this node), or run the node again later.');
	});

	test('reports of the finished accounts are not returned while a statement is still processing: nothing is downloaded', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, withProgress('raw_excel_report', [{ status: 'completed', message: null, statement_id: 'stmt-hdfc-1' }, ...progress('processing').slice(1)]));
		const files = mockFiles();
		files.scope.get(/.*/).reply(200, REPORT_BYTES.hdfc).persist();

		const error = await runNodeFailing(excelReport());

		expect(error.message).toBe(
			`The Excel report of entity ${ENTITY_ID} is not ready: statements not completed: stmt-hdfc-2 (processing), stmt-sbi-1 (processing)`,
		);
		expect(requestLines(api.requests)).toEqual([`GET ${path}`]);
		expect(files.requests).toEqual([]);
	});

	test('with Wait for Completion it polls until the report is ready, then downloads', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, { ...withProgress('raw_excel_report', progress('processing')), reports: [] });
		api.scope.get(apiPath(path)).reply(200, RESPONSES.raw_excel_report);
		serveReports();

		const items = await runNodeOk(excelReport({ waitForCompletion: true, maxWaitSeconds: 20 }));

		expect(api.requests).toHaveLength(2);
		expect(items.map((item) => item.binary?.report.fileName)).toEqual(['hdfc_50100012345678.xlsx', 'sbi_XXXX6789.xlsx']);
	});

	test('a blank binary field name is refused before any request', async () => {
		const api = watchApi();

		expectBadInput(await runNodeFailing(excelReport({ binaryPropertyName: ' ' })), 'Put Output File in Field', 'must not be empty');
		expect(api.requests).toEqual([]);
	});
});

describe('reportFileName', () => {
	test('bank and account number, made safe for a file name', () => {
		expect(reportFileName({ ...HDFC, account_number: 'XX 12/34' }, { link: '', account_id: HDFC.account_id })).toBe('hdfc_XX_12_34.xlsx');
	});

	test('falls back to the account id when the account is unknown or has no number', () => {
		expect(reportFileName(undefined, { link: '', account_id: 'acc-9' })).toBe('bank_acc-9.xlsx');
		expect(reportFileName({ ...SBI, account_number: null }, { link: '', account_id: SBI.account_id })).toBe('sbi_acc-sbi.xlsx');
	});
});
