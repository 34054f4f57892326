/** The entity lifecycle workflow file through the engine, with nock as BankConnect. */
import { ENTITY_ID, LINK_OVERVIEW, PDFS, PDF_BYTES, PDF_PATHS, entityPage } from '../../fixtures/entities';
import { apiPath, expectAuthenticated, expectNoCredentials, formOf, mockApi, mockFiles, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { binaryDataService, readWorkflow } from '../../harness/engine';
import { runWithTestCredentials } from '../../harness/runNode';

const workflow = readWorkflow('test/fixtures/workflows/entityLifecycle.json');
const APPLICATION = { application_id: 'app-314', branch: 'Pune' };

beforeEach(resetNetwork);

test('Create → Get → Get PDFs (downloaded), Get Many and Link Overview of one application', async () => {
	const api = mockApi();
	const created = { entity_id: ENTITY_ID, link_id: APPLICATION.application_id, meta_data: '{"branch":"Pune"}' };
	api.scope.post(apiPath('/v1/entity/')).reply(201, created);
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/`)).reply(200, created);
	api.scope.get(apiPath(`/v1/entity/${ENTITY_ID}/get_pdfs/`)).reply(200, { statements: PDFS.statements.slice(0, 2) });
	for (const page of [1, 2]) {
		api.scope.get(apiPath('/v1/entity/')).query({ link_id: APPLICATION.application_id, page: String(page) }).reply(200, entityPage(page, 13, APPLICATION.application_id));
	}
	api.scope.get(apiPath('/v1/entity/link_overview/')).query({ link_id: APPLICATION.application_id }).reply(200, { ...LINK_OVERVIEW, link_id: APPLICATION.application_id });
	const files = mockFiles();
	files.scope.get(PDF_PATHS.first).query(true).reply(200, PDF_BYTES.first, { 'content-type': 'application/pdf' });
	files.scope.get(PDF_PATHS.second).query(true).reply(200, PDF_BYTES.second, { 'content-type': 'application/pdf' });

	const result = await runWithTestCredentials(workflow, { startItems: [{ json: APPLICATION }] });

	expect(result.run.data.resultData.error).toBeUndefined();
	expect(result.executionOrder).toEqual([
		'When clicking ‘Execute workflow’',
		'Create Entity',
		'Get Entity',
		'Get PDFs',
		'Get Many Entities',
		'Link Overview',
	]);
	expect(api.scope.isDone()).toBe(true);
	for (const request of api.requests) expectAuthenticated(request);
	for (const request of files.requests) expectNoCredentials(request);
	expect(formOf(api.requests[0])).toEqual({ link_id: 'app-314', is_single_account: 'true', meta_data: '{"branch":"Pune"}' });
	expect(requestLines(api.requests).slice(1, 3)).toEqual([`GET /v1/entity/${ENTITY_ID}/`, `GET /v1/entity/${ENTITY_ID}/get_pdfs/`]);

	expect(result.output('Create Entity')).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	expect(result.output('Get Entity')).toEqual([{ json: created, pairedItem: { item: 0 } }]);

	const pdfs = result.output('Get PDFs');
	expect(pdfs.map((item) => [item.json.statement_id, item.json.pdf_downloaded, item.pairedItem])).toEqual([
		['stmt-1', true, { item: 0 }],
		['stmt-2', true, { item: 0 }],
	]);
	const service = await binaryDataService();
	for (const [index, bytes] of [PDF_BYTES.first, PDF_BYTES.second].entries()) {
		const binary = pdfs[index].binary!.statementPdf;
		expect(binary).toMatchObject({
			fileName: `stmt-${index + 1}.pdf`,
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
			fileSize: `${bytes.length} B`,
		});
		expect(binary.id).toMatch(/^filesystem-v2:workflows\/test\/executions\/1\/binary_data\//);
		expect(await service.getAsBuffer(binary)).toEqual(bytes);
	}

	const many = result.output('Get Many Entities');
	expect(many).toHaveLength(13);
	expect(many.map((item) => item.json.entity_id)).toEqual(Array.from({ length: 13 }, (_, index) => `entity-${String(index + 1).padStart(3, '0')}`));
	expect(many.every((item) => item.json.link_id === 'app-314' && (item.pairedItem as { item: number }).item === 0)).toBe(true);

	expect(result.output('Link Overview')).toEqual(
		LINK_OVERVIEW.progress_data.map((entry) => ({ json: { link_id: 'app-314', ...entry }, pairedItem: { item: 0 } })),
	);
});
