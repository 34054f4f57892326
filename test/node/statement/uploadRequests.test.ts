/**
 * Statement → Upload's exact requests on every route (path, query, multipart parts or form fields),
 * through the n8n engine with the API mocked by nock.
 */
import { fileItem } from '../../harness/binaryItems';
import { runNode, upload } from '../../harness/runNode';
import { SECRETS } from '../../harness/secrets';
import { LOCKED_PDF, PDF, boundaryOf, captureRequests, expectRequest, multipartText } from './nockUpload';
import type { CapturedRequest } from './nockUpload';

const UPLOADED = { entity_id: 'ent-1', statement_id: 'st-1', bank_name: 'hdfc' };
const SESSION_UPLOADED = { session_id: 'ses-1', statement_id: 'st-2', bank_name: 'sbi', account_id: 'acc-1', status: 1 };

const captured = captureRequests();

async function output(parameters: Record<string, unknown>, withFile?: { name: string; bytes: Buffer }) {
	const { run } = await runNode(upload(parameters), { startItems: withFile ? [await fileItem(withFile.bytes, withFile.name)] : undefined });
	const error = run.nodeError('BankConnect');
	if (error) throw error;
	return run.output('BankConnect');
}

function form(request: CapturedRequest): Array<[string, string]> {
	return [...new URLSearchParams(request.body).entries()];
}

describe('file part (multipart/form-data, streamed)', () => {
	test('bank known, new entity: POST /v1/statement/upload/?identity=true with bank_name and the file part', async () => {
		expectRequest('POST', '/bank-connect/v1/statement/upload/', [200, UPLOADED], captured);
		const items = await output(
			{ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'HDFC', target: 'newEntity' },
			{ name: 'march "2026".pdf', bytes: PDF },
		);
		expect(items).toEqual([{ json: UPLOADED, pairedItem: { item: 0 } }]);
		const [request] = captured;
		expect(request.path).toBe('/bank-connect/v1/statement/upload/?identity=true');
		expect(request.body).toBe(multipartText(boundaryOf(request), [['bank_name', 'hdfc']], 'march %222026%22.pdf', PDF));
		expect(Number(request.headers['content-length'])).toBe(Buffer.byteLength(request.body, 'latin1'));
		expect(request.headers['x-api-key']).toBe(SECRETS.apiKey);
	});

	test('bank detected, existing entity, password (sent exactly as typed, spaces included), identity off: POST /v1/statement/bankless_upload/ without a query', async () => {
		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [200, UPLOADED], captured);
		await output(
			{ source: 'binary', inputBinaryField: 'data', bankMode: 'detect', target: 'entity', entityId: ' ent-1 ', pdfPassword: ' p@ss word ', identity: false },
			{ name: 'locked.pdf', bytes: LOCKED_PDF },
		);
		const [request] = captured;
		expect(request.path).toBe('/bank-connect/v1/statement/bankless_upload/');
		expect(request.body).toBe(multipartText(boundaryOf(request), [['entity_id', 'ent-1'], ['pdf_password', ' p@ss word ']], 'locked.pdf', LOCKED_PDF));
	});

	test('session, bank known: POST /v1/statement/upload_session/ with session_id, upload_type PDF, bank_name and the file part', async () => {
		expectRequest('POST', '/bank-connect/v1/statement/upload_session/', [200, SESSION_UPLOADED], captured);
		const items = await output(
			{ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'sbi', target: 'session', sessionId: 'ses-1', then: 'transactions' },
			{ name: 'sbi.pdf', bytes: PDF },
		);
		// a session has no entity analysis to wait for: Then is not offered and the upload response comes back
		expect(items).toEqual([{ json: SESSION_UPLOADED, pairedItem: { item: 0 } }]);
		const [request] = captured;
		expect(request.path).toBe('/bank-connect/v1/statement/upload_session/?identity=true');
		expect(request.body).toBe(
			multipartText(boundaryOf(request), [['session_id', 'ses-1'], ['upload_type', 'PDF'], ['bank_name', 'sbi']], 'sbi.pdf', PDF),
		);
	});
});

describe('form fields (application/x-www-form-urlencoded)', () => {
	const base64 = PDF.toString('base64');

	test.each([
		['URL, bank known, existing entity', { source: 'url', fileUrl: 'https://files.example.com/s.pdf', bankMode: 'known', bankName: 'axis', target: 'entity', entityId: 'ent-9' }, '/v1/statement/upload/', [['bank_name', 'axis'], ['entity_id', 'ent-9'], ['file_url', 'https://files.example.com/s.pdf']]],
		['URL, bank detected, new entity, password as typed', { source: 'url', fileUrl: 'http://files.example.com/s.pdf', bankMode: 'detect', target: 'newEntity', pdfPassword: ' p w ' }, '/v1/statement/bankless_upload/', [['pdf_password', ' p w '], ['file_url', 'http://files.example.com/s.pdf']]],
		['base64, bank known, new entity', { source: 'base64', base64Content: base64, bankMode: 'known', bankName: 'kotak', target: 'newEntity' }, '/v1/statement/upload_base64/', [['bank_name', 'kotak'], ['file', base64]]],
		['base64 with a data: prefix and line breaks, bank detected, existing entity', { source: 'base64', base64Content: `data:application/pdf;base64,${base64.slice(0, 20)}\n${base64.slice(20)}`, bankMode: 'detect', target: 'entity', entityId: 'ent-2' }, '/v1/statement/bankless_upload_base64/', [['entity_id', 'ent-2'], ['file', base64]]],
		['base64 to a session, bank detected', { source: 'base64', base64Content: base64, bankMode: 'detect', target: 'session', sessionId: 'ses-1' }, '/v1/statement/upload_session/', [['session_id', 'ses-1'], ['upload_type', 'BASE64'], ['file', base64]]],
		['URL to a session, bank known', { source: 'url', fileUrl: 'https://files.example.com/s.pdf', bankMode: 'known', bankName: 'rbl', target: 'session', sessionId: 'ses-1' }, '/v1/statement/upload_session/', [['session_id', 'ses-1'], ['upload_type', 'PDF'], ['bank_name', 'rbl'], ['file_url', 'https://files.example.com/s.pdf']]],
	] as Array<[string, Record<string, unknown>, string, Array<[string, string]>]>)('%s', async (_name, parameters, path, fields) => {
		expectRequest('POST', `/bank-connect${path}`, [200, UPLOADED], captured);
		await output(parameters);
		const [request] = captured;
		expect(request.path).toBe(`/bank-connect${path}?identity=true`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(form(request)).toEqual(fields);
	});
});
