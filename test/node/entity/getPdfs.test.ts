import { ENTITY_ID, PDFS, PDF_BYTES, PDF_PATHS } from '../../fixtures/entities';
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
import { expectApiError, expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';
import { SECRETS } from '../../harness/secrets';

const getPdfs = (parameters: Record<string, unknown> = {}) => ({
	resource: 'entity',
	operation: 'getPdfs',
	entityId: ENTITY_ID,
	download: false,
	...parameters,
});

/** A statement as an item shows it by default: without the customer's PDF password. */
const withoutPassword = ({ pdf_password: _password, ...statement }: (typeof PDFS.statements)[number]) => statement;
const [first, second, old] = PDFS.statements.map(withoutPassword);

beforeEach(resetNetwork);

describe('Entity → Get PDFs', () => {
	test('GETs /v1/entity/<id>/get_pdfs/ and outputs one item per statement, without its PDF password', async () => {
		const api = mockApi();
		api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/get_pdfs/`)).reply(200, PDFS);

		const items = await runNodeOk(getPdfs(), { extraSecrets: { pdfPassword: PDFS.statements[1].pdf_password ?? undefined } });

		expect(requestLines(api.requests)).toEqual([`GET /v1/entity/${ENTITY_ID}/get_pdfs/`]);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual([first, second, old].map((statement) => ({ json: { entity_id: ENTITY_ID, ...statement }, pairedItem: { item: 0 } })));
	});

	test('Include PDF Password shows each statement\'s pdf_password as BankConnect gave it', async () => {
		mockApi().scope.get(apiPath(`/v1/entity/${ENTITY_ID}/get_pdfs/`)).reply(200, PDFS);

		const items = await runNodeOk(getPdfs({ includePdfPassword: true }));

		expect(items.map((item) => item.json)).toEqual(PDFS.statements.map((statement) => ({ entity_id: ENTITY_ID, ...statement })));
	});

	test('Download PDFs writes each PDF into the binary field, without credentials on the file host; "" links are explained', async () => {
		const api = mockApi();
		api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/get_pdfs/`)).reply(200, PDFS);
		const files = mockFiles();
		files.scope.get(PDF_PATHS.first).query({ sig: 'abc' }).reply(200, PDF_BYTES.first, { 'content-type': 'application/pdf' });
		files.scope.get(PDF_PATHS.second).query({ sig: 'def' }).reply(200, PDF_BYTES.second, { 'content-type': 'application/octet-stream' });

		const items = await runNodeOk(getPdfs({ download: true, binaryPropertyName: 'statementPdf' }), {
			credentials: { signingSecret: SECRETS.signingSecret },
		});

		expect(requestLines(files.requests)).toEqual([`GET ${PDF_PATHS.first}?sig=abc`, `GET ${PDF_PATHS.second}?sig=def`]);
		for (const request of files.requests) expectNoCredentials(request);
		expectAuthenticated(api.requests[0], true);

		expect(items.map((item) => item.json)).toEqual([
			{ entity_id: ENTITY_ID, ...first, pdf_downloaded: true },
			{ entity_id: ENTITY_ID, ...second, pdf_downloaded: true },
			{ entity_id: ENTITY_ID, ...old, pdf_downloaded: false, pdf_note: 'BankConnect deletes statement files 30 days after upload' },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(items[2].binary).toBeUndefined();

		const service = await binaryDataService();
		for (const [index, bytes] of [PDF_BYTES.first, PDF_BYTES.second].entries()) {
			const binary = items[index].binary?.statementPdf;
			expect(binary).toMatchObject({
				fileName: `${PDFS.statements[index].statement_id}.pdf`,
				mimeType: 'application/pdf',
				fileExtension: 'pdf',
				bytes: bytes.length,
				fileSize: `${bytes.length} B`,
			});
			expect(binary?.id).toMatch(/^filesystem-v2:/);
			expect(await service.getAsBuffer(binary!)).toEqual(bytes);
		}
	});

	test('an expired link fails with the status and a hint to read again', async () => {
		const api = mockApi();
		api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/get_pdfs/`)).reply(200, { statements: [first] });
		mockFiles().scope.get(PDF_PATHS.first).query(true).reply(403, '<Error>Request has expired</Error>');

		const error = await runNodeFailing(getPdfs({ download: true, binaryPropertyName: 'data' }));

		expectApiError(error, {
			message: 'Could not download the PDF of statement stmt-1: the link answered HTTP 403',
			httpCode: '403',
			description: ['Report and PDF links expire one hour after they are issued'],
		});
	});

	test('an unknown entity says "entity <id> not found"', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/entity/nope/get_pdfs/')).reply(404, { detail: 'Not found.' });

		expectApiError(await runNodeFailing(getPdfs({ entityId: 'nope' })), { message: 'entity nope not found', httpCode: '404' });
	});

	test('a blank binary field name is refused before any request', async () => {
		const api = watchApi();

		expectBadInput(await runNodeFailing(getPdfs({ download: true, binaryPropertyName: '  ' })), 'Put Output File in Field', 'must not be empty');
		expect(api.requests).toEqual([]);
	});
});
