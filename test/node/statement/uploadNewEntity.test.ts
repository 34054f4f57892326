/**
 * Statement → Upload to a New Entity with a Link ID or Meta Data (issue 17, trap 3): the upload
 * routes take no link_id, so the node creates the entity first (POST /v1/entity/) and uploads to
 * it; whatever fails after that names the entity. Through the n8n engine against nock.
 */
import nock from 'nock';

import { API_ORIGIN, networkError } from '../../harness/bankConnectApi';
import { fileItem } from '../../harness/binaryItems';
import { runNode, upload } from '../../harness/runNode';
import { PDF, boundaryOf, captureRequests, expectRequest, multipartText } from './nockUpload';

const captured = captureRequests();

const TO_NEW_ENTITY = { source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', target: 'newEntity' };
const CREATED = { entity_id: 'ent-new', link_id: 'loan-application-1042', meta_data: 'branch Pune' };
const UPLOADED = { entity_id: 'ent-new', statement_id: 'st-1', bank_name: 'hdfc' };

async function run(parameters: Record<string, unknown>, continueOnFail = false) {
	return await runNode(upload({ ...TO_NEW_ENTITY, ...parameters }), { startItems: [await fileItem(PDF, 'march.pdf')], continueOnFail });
}

function lines(): string[] {
	return captured.map((request) => `${request.method} ${request.path.replace('/bank-connect', '')}`);
}

test('with a Link ID and Meta Data: POST /v1/entity/ with them, then the upload to that entity', async () => {
	expectRequest('POST', '/bank-connect/v1/entity/', [201, CREATED], captured);
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);

	const { items, error } = await run({ linkId: ' loan-application-1042 ', metaData: 'branch Pune' });

	expect(error).toBeUndefined();
	expect(items).toEqual([{ json: UPLOADED, pairedItem: { item: 0 } }]);
	expect(lines()).toEqual(['POST /v1/entity/', 'POST /v1/statement/upload/?identity=true']);
	expect([...new URLSearchParams(captured[0].body).entries()]).toEqual([
		['link_id', 'loan-application-1042'],
		['is_single_account', 'false'],
		['meta_data', 'branch Pune'],
	]);
	expect(captured[1].body).toBe(multipartText(boundaryOf(captured[1]), [['bank_name', 'hdfc'], ['entity_id', 'ent-new']], 'march.pdf', PDF));
});

test('with a JSON object as Meta Data only: the entity is created with it', async () => {
	expectRequest('POST', '/bank-connect/v1/entity/', [201, { ...CREATED, link_id: null, meta_data: '{"branch":"Pune"}' }], captured);
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);

	await run({ metaDataFormat: 'json', metaDataJson: '{ "branch": "Pune" }' });

	expect([...new URLSearchParams(captured[0].body).entries()]).toEqual([
		['is_single_account', 'false'],
		['meta_data', '{"branch":"Pune"}'],
	]);
});

test('without them (or with an empty JSON object) BankConnect creates the entity, as before: one request', async () => {
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);

	await run({ linkId: '  ' });
	await run({ metaDataFormat: 'json', metaDataJson: '{}' });

	expect(lines()).toEqual(['POST /v1/statement/upload/?identity=true', 'POST /v1/statement/upload/?identity=true']);
	expect(captured[0].body).not.toContain('entity_id');
});

test('bad input is refused before the entity is created', async () => {
	const { error } = await run({ linkId: 'loan-1', metaDataFormat: 'json', metaDataJson: '{ not json' });

	expect(error?.message).toBe('Meta Data is not valid JSON (item 0)');
	expect(captured).toEqual([]);
});

test('a file that is not a PDF is refused before the entity is created', async () => {
	const { error } = await runNode(upload({ ...TO_NEW_ENTITY, linkId: 'loan-1' }), { startItems: [await fileItem(Buffer.from('GIF89a'), 'photo.gif')] });

	expect(error?.message).toMatch(/is not a PDF/);
	expect(captured).toEqual([]);
});

test('the upload fails after the entity was created: the error item carries that entity_id and says to upload to it', async () => {
	expectRequest('POST', '/bank-connect/v1/entity/', [201, CREATED], captured);
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [500, '<html>Internal Server Error</html>'], captured);

	const { items } = await run({ linkId: 'loan-application-1042' }, true);

	expect(items).toEqual([
		{
			json: {
				error: 'Internal Server Error (entity_id ent-new)',
				description:
					'The entity is stored at BankConnect (entity_id ent-new): it was created for this statement; to try again, upload to it (Upload To: Existing Entity) rather than to a new entity. HTTP status 500. Next step: run again later; if it keeps failing, send FinBox support the time and the IDs in this error.',
				httpCode: '500',
				entity_id: 'ent-new',
			},
			pairedItem: { item: 0 },
		},
	]);
});

test('a dropped connection after the entity was created: its statements are checked, as for an existing entity', async () => {
	expectRequest('POST', '/bank-connect/v1/entity/', [201, CREATED], captured);
	nock(API_ORIGIN).post('/bank-connect/v1/statement/upload/').query(true).replyWithError(networkError('ECONNRESET', 'socket hang up'));
	expectRequest('GET', '/bank-connect/v1/entity/ent-new/get_pdfs/', [200, { statements: [] }], captured);
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);

	const { items } = await run({ linkId: 'loan-application-1042' });

	expect(items.map((item) => item.json)).toEqual([UPLOADED]);
	expect(lines()).toEqual(['POST /v1/entity/', 'GET /v1/entity/ent-new/get_pdfs/', 'POST /v1/statement/upload/?identity=true']);
});

test('Then waits for the created entity; a statement that fails there names the entity too', async () => {
	const envelope = { entity_id: 'ent-new', accounts: [], fraud: { fraudulent_statements: [], fraud_type: [] } };
	expectRequest('POST', '/bank-connect/v1/entity/', [201, CREATED], captured);
	expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);
	expectRequest('GET', '/bank-connect/v1/entity/ent-new/identity/', [200, { ...envelope, progress: [{ status: 'failed', message: 'PDF is not parsable', statement_id: 'st-1' }], identity: [] }], captured);

	const { items } = await run({ linkId: 'loan-application-1042', then: 'identity', maxWaitSeconds: 30, output: 'split' }, true);

	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({ entity_id: 'ent-new', error: expect.stringMatching(/PDF is not parsable.*\(entity_id ent-new, statement_id st-1\)$/) });
	expect(items[0].json.description).toMatch(/^The statement is stored at BankConnect \(entity_id ent-new, statement_id st-1\): read its analysis with Analysis → Get Identity/);
});
