/**
 * Answers that break after their headers: a server that sends half a body and drops the connection,
 * or half a body and then nothing. A read (an API read or a file download) is sent again, a write
 * is not, and nothing half-read becomes an item.
 */
import type { ServerResponse } from 'http';

import { sendJson, startLocalServer } from '../../harness/hostileServer';
import type { LocalServer, ReceivedRequest } from '../../harness/hostileServer';
import { runNode } from '../../harness/runNode';
import { withEverySecret } from '../../harness/secrets';

const ENTITY = { entity_id: 'e-1', link_id: 'loan-1', meta_data: null };
const BODY = JSON.stringify(ENTITY);
const PDF = Buffer.from('%PDF-1.4\n% the statement, long enough to be cut in two\n%%EOF\n');

let api: LocalServer;
/** How each API request is answered, in turn; once they are used up, the entity in full. */
let answers: Array<(response: ServerResponse) => void>;
/** How each download of the statement's PDF is answered, in turn; then the PDF in full. */
let fileAnswers: Array<(response: ServerResponse) => void>;

/** Headers that promise the whole body, then its first 10 bytes, then the connection dropped or silence. */
function cutOff(body: Buffer | string, contentType: string, then: 'drop' | 'silence') {
	return (response: ServerResponse): void => {
		response.writeHead(200, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
		response.write(body.slice(0, 10), () => {
			if (then === 'drop') setTimeout(() => response.socket?.destroy(), 50);
		});
	};
}

const entityThenDrop = cutOff(BODY, 'application/json', 'drop');
const entityThenSilence = cutOff(BODY, 'application/json', 'silence');
const pdfThenDrop = cutOff(PDF, 'application/pdf', 'drop');

beforeAll(async () => {
	api = await startLocalServer((request: ReceivedRequest, response) => {
		if (request.path === '/files/s-1.pdf') {
			const answer = fileAnswers.shift();
			if (answer) return answer(response);
			response.writeHead(200, { 'content-type': 'application/pdf' });
			return response.end(PDF);
		}
		if (request.path.endsWith('/get_pdfs/')) {
			return sendJson(response, 200, { statements: [{ statement_id: 's-1', bank_name: 'hdfc', pdf_password: null, pdf_url: `${api.origin}/files/s-1.pdf`, account_id: 'a-1' }] });
		}
		const answer = answers.shift();
		if (answer) answer(response);
		else sendJson(response, 200, ENTITY);
	});
});

afterAll(async () => await api.close());

beforeEach(() => {
	answers = [];
	fileAnswers = [];
	api.received.length = 0;
});

const getEntity = { resource: 'entity', operation: 'get', entityId: 'e-1' };

test('a read whose connection drops in the middle of the body is sent again and answers in full', async () => {
	answers = [entityThenDrop, entityThenDrop];

	const { items, error } = await runNode(getEntity, withEverySecret(api.origin));

	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual([ENTITY]);
	expect(api.received.map((request) => `${request.method} ${request.path}`)).toEqual(
		Array.from({ length: 3 }, () => 'GET /bank-connect/v1/entity/e-1/'),
	);
});

test('a read whose body stops dropping on every attempt fails as a network error, with no item', async () => {
	answers = Array.from({ length: 4 }, () => entityThenDrop);

	const { items, error } = await runNode(getEntity, withEverySecret(api.origin));

	expect(items).toEqual([]);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.httpCode).toBe('ECONNRESET');
	expect(api.received).toHaveLength(4);
});

test('a write whose answer drops in the middle of the body is not sent again', async () => {
	answers = [entityThenDrop];

	const { items, error } = await runNode(
		{ resource: 'entity', operation: 'create', linkId: 'loan-1', isSingleAccount: false, metaDataFormat: 'text', metaData: '' },
		withEverySecret(api.origin),
	);

	expect(items).toEqual([]);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.httpCode).toBe('ECONNRESET');
	expect(api.received.map((request) => request.method)).toEqual(['POST']);
});

test('a PDF download whose connection drops in the middle of the file is downloaded again, whole', async () => {
	fileAnswers = [pdfThenDrop];

	const { items, error } = await runNode(
		{ resource: 'entity', operation: 'getPdfs', entityId: 'e-1', download: true, binaryPropertyName: 'statement' },
		withEverySecret(api.origin),
	);

	expect(error).toBeUndefined();
	expect(items.map((item) => [item.json.pdf_downloaded, item.binary?.statement?.fileSize])).toEqual([[true, `${PDF.length} B`]]);
	expect(api.received.filter((request) => request.path === '/files/s-1.pdf')).toHaveLength(2);
});

test('a read whose body goes silent half-way is given up after the 60 s timeout and read again', async () => {
	answers = [entityThenSilence];

	const { items, error } = await runNode(getEntity, withEverySecret(api.origin));

	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual([ENTITY]);
	expect(api.received).toHaveLength(2);
}, 90_000);
