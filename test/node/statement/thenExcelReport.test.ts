/**
 * Statement → Upload with "Then: Wait and Get Excel Report" reads the report Analysis → Get Excel
 * Report reads by default in the same node version: the Detailed one from version 1.1, the Raw one
 * in version 1 (Upload has no Report field of its own).
 */
import nock from 'nock';

import { DETAILED_REPORT_PATHS, HDFC, REPORT_BYTES, REPORT_PATHS, RESPONSES, SBI } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { FILES_ORIGIN } from '../../harness/bankConnectApi';
import { fileItem } from '../../harness/binaryItems';
import { runNode, upload } from '../../harness/runNode';
import { PDF, captureRequests, expectRequest } from './nockUpload';

const captured = captureRequests();

const UPLOAD_THEN_EXCEL = {
	source: 'binary',
	inputBinaryField: 'data',
	bankMode: 'known',
	bankName: 'hdfc',
	target: 'entity',
	entityId: ENTITY_ID,
	then: 'excelReport',
	maxWaitSeconds: 30,
	binaryPropertyName: 'report',
};
const UPLOADED = { entity_id: ENTITY_ID, statement_id: 'st-1', bank_name: 'hdfc' };

const FILE_NAMES = ['hdfc_50100012345678.xlsx', 'sbi_XXXX6789.xlsx'];

test.each([
	// the detailed report's answer lists no accounts: the accounts read names the files
	[2, 'xlsx_report', RESPONSES.xlsx_report, DETAILED_REPORT_PATHS, ['accounts']],
	[1.1, 'xlsx_report', RESPONSES.xlsx_report, DETAILED_REPORT_PATHS, ['accounts']],
	[1, 'raw_excel_report', RESPONSES.raw_excel_report, REPORT_PATHS, []],
])('version %s reads %s/ and downloads its reports', async (typeVersion, field, response, paths, moreReads) => {
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);
	expectRequest('GET', `/bank-connect/v1/entity/${ENTITY_ID}/${field}/`, [200, response], captured);
	for (const read of moreReads) expectRequest('GET', `/bank-connect/v1/entity/${ENTITY_ID}/${read}/`, [200, RESPONSES.accounts], captured);
	nock(FILES_ORIGIN).get(paths.hdfc).query(true).reply(200, REPORT_BYTES.hdfc).get(paths.sbi).query(true).reply(200, REPORT_BYTES.sbi);

	const { items, error } = await runNode(upload(UPLOAD_THEN_EXCEL), { startItems: [await fileItem(PDF, 'march.pdf')], typeVersion });

	expect(error).toBeUndefined();
	expect(captured.map((request) => `${request.method} ${request.path.split('?')[0]}`)).toEqual([
		'POST /bank-connect/v1/statement/upload/',
		`GET /bank-connect/v1/entity/${ENTITY_ID}/${field}/`,
		...moreReads.map((read) => `GET /bank-connect/v1/entity/${ENTITY_ID}/${read}/`),
	]);
	expect(items.map((item) => [item.json.account_id, item.binary?.report.fileName])).toEqual([
		[HDFC.account_id, FILE_NAMES[0]],
		[SBI.account_id, FILE_NAMES[1]],
	]);
});
