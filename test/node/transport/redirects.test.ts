/**
 * Redirects never carry credentials or bodies to another origin: through the engine, against a
 * real local API host that redirects and a host elsewhere that records every byte it is sent.
 * n8n's HTTP helper strips only Authorization and cookies on a cross-origin redirect, so x-api-key,
 * server-hash, TIMESTAMP/ACCESS_TOKEN and a 307's body would go along if a redirect were followed.
 */
import { LOCKED_PDF } from '../statement/nockUpload';
import { fileItem } from '../../harness/binaryItems';
import { findSecrets } from '../../harness/secretScan';
import { redirect, sendJson, startLocalServer } from '../../harness/hostileServer';
import type { LocalServer, ReceivedRequest } from '../../harness/hostileServer';
import { expectApiError, runNode } from '../../harness/runNode';
import type { NodeRunOptions } from '../../harness/runNode';
import { SECRETS, withEverySecret } from '../../harness/secrets';

const PDF_PASSWORD = 'pdf-pass-Q7x9';
const ENTITY = { entity_id: 'e-1', link_id: 'loan-1', meta_data: null };
const PDF = Buffer.from('%PDF-1.4\n% the statement\n%%EOF\n');

let api: LocalServer;
let elsewhere: LocalServer;
/** What the API host answers a path with; unset paths get 404. */
let answers: Map<string, (request: ReceivedRequest, response: Parameters<Parameters<typeof startLocalServer>[0]>[1]) => void>;

beforeAll(async () => {
	elsewhere = await startLocalServer((request, response) => {
		if (request.path.endsWith('.pdf')) {
			response.writeHead(200, { 'content-type': 'application/pdf' });
			response.end(PDF);
			return;
		}
		sendJson(response, 200, ENTITY);
	});
	api = await startLocalServer((request, response) => {
		const answer = answers.get(request.path.split('?')[0]);
		if (answer) answer(request, response);
		else sendJson(response, 404, { detail: 'Not found.' });
	});
});

afterAll(async () => {
	await api.close();
	await elsewhere.close();
});

beforeEach(() => {
	answers = new Map();
	api.received.length = 0;
	elsewhere.received.length = 0;
});

function options(extra: Partial<NodeRunOptions> = {}): NodeRunOptions {
	return withEverySecret(api.origin, extra);
}

/** Nothing secret arrived: no credential header, no api_key, no PDF password, no statement bytes. */
function expectNothingSecret(requests: ReceivedRequest[]): void {
	for (const request of requests) {
		for (const header of ['x-api-key', 'server-hash', 'timestamp', 'access_token']) expect(request.headers[header]).toBeUndefined();
		const text = `${JSON.stringify(request.headers)}\n${request.body.toString('latin1')}`;
		expect(findSecrets(text, { ...SECRETS, pdfPassword: PDF_PASSWORD, pdfPasswordEncoded: encodeURIComponent(PDF_PASSWORD) })).toEqual([]);
		expect(text).not.toContain('api_key');
		expect(text).not.toContain('%PDF');
		expect(text).not.toContain(LOCKED_PDF.toString('base64').slice(0, 24));
	}
}

const elsewhereHost = () => elsewhere.origin.replace('http://', '');

const CASES: Array<{ name: string; method: string; path: string; parameters: Record<string, unknown>; file?: boolean }> = [
	{ name: 'a read (Entity → Get)', method: 'GET', path: '/v1/entity/e-1/', parameters: { resource: 'entity', operation: 'get', entityId: 'e-1' } },
	{
		name: 'a session create (api_key in the body)',
		method: 'POST',
		path: '/v1/session/',
		parameters: { resource: 'session', operation: 'create', linkId: 'loan-1', redirectUrl: '', additionalFields: {} },
	},
	{
		name: 'a base64 upload with a PDF password',
		method: 'POST',
		path: '/v1/statement/bankless_upload_base64/',
		parameters: {
			resource: 'statement',
			operation: 'upload',
			source: 'base64',
			base64Content: LOCKED_PDF.toString('base64'),
			bankMode: 'detect',
			target: 'newEntity',
			pdfPassword: PDF_PASSWORD,
			identity: false,
		},
	},
	{
		name: 'a file upload with a PDF password',
		method: 'POST',
		path: '/v1/statement/bankless_upload/',
		parameters: {
			resource: 'statement',
			operation: 'upload',
			source: 'binary',
			inputBinaryField: 'data',
			bankMode: 'detect',
			target: 'newEntity',
			pdfPassword: PDF_PASSWORD,
			identity: false,
		},
		file: true,
	},
];

describe('an API call answered with a redirect to another origin', () => {
	for (const status of [302, 307]) {
		test.each(CASES)(`${status}: $name is not followed; the error names the host only`, async ({ method, path, parameters, file }) => {
			answers.set(`/bank-connect${path}`, (_request, response) => redirect(response, status, `${elsewhere.origin}/steal${path}?from=api`));

			const { error } = await runNode(parameters, options({ startItems: file ? [await fileItem(LOCKED_PDF, 'locked.pdf')] : undefined }));

			expect(api.received.map((request) => `${request.method} ${request.path.split('?')[0]}`)).toEqual([`${method} /bank-connect${path}`]);
			expect(elsewhere.received).toEqual([]);
			expectApiError(error, {
				message: `BankConnect answered with a redirect to ${elsewhereHost()} (HTTP ${status}), which is not followed`,
				httpCode: String(status),
				description: ['API calls never follow redirects: the API key and the request stayed with the Base URL', 'Next step: check the Base URL of the credential'],
			});
			expect(error?.message).not.toContain('/steal');
		});
	}

	test('a redirect to another path of the same host is not followed either', async () => {
		answers.set('/bank-connect/v1/entity/e-1/', (_request, response) => redirect(response, 301, '/bank-connect/v2/entity/e-1/'));

		const { error } = await runNode({ resource: 'entity', operation: 'get', entityId: 'e-1' }, options());

		expect(api.received).toHaveLength(1);
		expectApiError(error, { message: 'BankConnect answered with a redirect to another path of the same host (HTTP 301), which is not followed', httpCode: '301' });
	});

	test('under Continue On Fail the redirect is an error item', async () => {
		answers.set('/bank-connect/v1/entity/e-1/', (_request, response) => redirect(response, 302, `${elsewhere.origin}/x`));

		const { items } = await runNode({ resource: 'entity', operation: 'get', entityId: 'e-1' }, options({ continueOnFail: true }));

		expect(items).toEqual([
			{
				json: expect.objectContaining({
					error: `BankConnect answered with a redirect to ${elsewhereHost()} (HTTP 302), which is not followed`,
					httpCode: '302',
				}) as unknown,
				pairedItem: { item: 0 },
			},
		]);
		expect(elsewhere.received).toEqual([]);
	});
});

describe('a download link that redirects elsewhere', () => {
	test('Get PDFs: a PDF link under the Base URL that redirects is followed, and no credential reaches either host', async () => {
		answers.set('/bank-connect/v1/entity/e-1/get_pdfs/', (_request, response) =>
			sendJson(response, 200, {
				statements: [{ statement_id: 'st-1', bank_name: 'hdfc', pdf_password: null, pdf_url: `${api.origin}/bank-connect/files/st-1.pdf?sig=1`, account_id: 'a-1' }],
			}),
		);
		answers.set('/bank-connect/files/st-1.pdf', (_request, response) => redirect(response, 302, `${elsewhere.origin}/cdn/st-1.pdf`));

		const { items, error } = await runNode(
			{ resource: 'entity', operation: 'getPdfs', entityId: 'e-1', download: true, binaryPropertyName: 'data' },
			options(),
		);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ statement_id: 'st-1', pdf_downloaded: true });
		expect(api.received.map((request) => request.path)).toEqual(['/bank-connect/v1/entity/e-1/get_pdfs/', '/bank-connect/files/st-1.pdf?sig=1']);
		expectNothingSecret(api.received.slice(1));
		expect(elsewhere.received.map((request) => request.path)).toEqual(['/cdn/st-1.pdf']);
		expectNothingSecret(elsewhere.received);
	});

	test('Get Excel Report: a report link under the Base URL that 307s elsewhere is followed without credentials', async () => {
		answers.set('/bank-connect/v1/entity/e-1/raw_excel_report/', (_request, response) =>
			sendJson(response, 200, {
				entity_id: 'e-1',
				progress: [{ status: 'completed', message: null, statement_id: 'st-1' }],
				accounts: [{ account_id: 'a-1', account_number: '1234', bank: 'hdfc', ifsc: null, micr: null, months: [], statements: ['st-1'] }],
				fraud: { fraudulent_statements: [], fraud_type: [] },
				reports: [{ link: `${api.origin}/bank-connect/files/a-1.xlsx`, account_id: 'a-1' }],
			}),
		);
		answers.set('/bank-connect/files/a-1.xlsx', (_request, response) => redirect(response, 307, `${elsewhere.origin}/cdn/a-1.pdf`));

		const { error } = await runNode(
			{ resource: 'analysis', operation: 'excelReport', entityId: 'e-1', waitForCompletion: false, binaryPropertyName: 'report' },
			options(),
		);

		expect(error).toBeUndefined();
		expectNothingSecret(api.received.slice(1));
		expect(elsewhere.received).toHaveLength(1);
		expectNothingSecret(elsewhere.received);
	});

	test('a protocol-relative link (//host/x) is refused: never fetched, never taken for an API path', async () => {
		const host = elsewhere.origin.replace('http:', '');
		answers.set('/bank-connect/v1/entity/e-1/get_pdfs/', (_request, response) =>
			sendJson(response, 200, {
				statements: [{ statement_id: 'st-1', bank_name: 'hdfc', pdf_password: null, pdf_url: `${host}/cdn/st-1.pdf`, account_id: 'a-1' }],
			}),
		);

		const { error } = await runNode(
			{ resource: 'entity', operation: 'getPdfs', entityId: 'e-1', download: true, binaryPropertyName: 'data' },
			options(),
		);

		expect(error?.message).toBe('Could not download the PDF of statement st-1: BankConnect gave a link that is not an http:// or https:// URL');
		expect(api.received).toHaveLength(1);
		expect(elsewhere.received).toEqual([]);
	});
});
