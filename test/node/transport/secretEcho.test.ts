/**
 * No secret in any error, item or log line, whatever the server answers: through the engine,
 * against a local API host that echoes the request's headers and body back (a 401 in JSON, an HTML
 * error page, a 400 with BankConnect's shapes, even a 200). Every run is also scanned by the
 * engine harness for the credential's secrets, the ACCESS_TOKENs of the run and the PDF Password.
 */
import { LOCKED_PDF } from '../statement/nockUpload';
import { fileItem } from '../../harness/binaryItems';
import { echoOf, redirect, sendJson, startLocalServer } from '../../harness/hostileServer';
import type { Answer, LocalServer } from '../../harness/hostileServer';
import { findSecrets } from '../../harness/secretScan';
import { bankConnectCredentials } from '../../harness/engine';
import { runNode } from '../../harness/runNode';
import { TriggerHarness } from '../../harness/triggerHarness';
import { SECRET as WEBHOOK_SECRET, completed, entityParameters, withSecret } from '../trigger/fixtures';
import type { NodeError, NodeRunOptions } from '../../harness/runNode';
import { SECRETS, withEverySecret } from '../../harness/secrets';

/** Characters that change when URL-, form-, JSON- or HTML-encoded. */
const PDF_PASSWORD = 'Pw <"d&o+b"> 1990';
const REDACTED = '[redacted]';

let api: LocalServer;
let answer: Answer;

beforeAll(async () => {
	api = await startLocalServer((request, response) => answer(request, response));
});

afterAll(async () => {
	await api.close();
});

beforeEach(() => {
	api.received.length = 0;
});

function options(extra: Partial<NodeRunOptions> = {}): NodeRunOptions {
	return withEverySecret(api.origin, extra);
}

/** The ACCESS_TOKEN and the body fields the server saw, which the echo holds, as named secrets. */
function sentSecrets(): Record<string, string> {
	const secrets: Record<string, string> = { ...SECRETS, pdfPassword: PDF_PASSWORD };
	for (const [index, request] of api.received.entries()) {
		const token = request.headers.access_token;
		if (typeof token === 'string') secrets[`accessToken${index}`] = token;
	}
	return secrets;
}

/** Neither the error (message, description, everything n8n keeps of it) nor the items hold a secret, in any encoding. */
function expectClean(error: NodeError | undefined, items: unknown[] = []): void {
	const secrets = sentSecrets();
	const encoded = Object.fromEntries(
		Object.entries(secrets).flatMap(([name, value]) => [
			[name, value],
			[`${name} (url)`, encodeURIComponent(value)],
			[`${name} (form)`, new URLSearchParams({ s: value }).toString().slice(2)],
			[`${name} (json)`, JSON.stringify(value).slice(1, -1)],
		]),
	);
	expect(findSecrets({ error, message: error?.message, description: error?.description, items }, encoded, 'run')).toEqual([]);
}

const echoAs = (status: number, shape: (echo: string) => unknown): Answer => (request, response) => sendJson(response, status, shape(echoOf(request)));

const GET_ENTITY = { resource: 'entity', operation: 'get', entityId: 'e-1' };

describe('an answer that echoes the request', () => {
	test('a 401 whose detail is the request: the error keeps the message, the secrets are replaced', async () => {
		answer = echoAs(401, (echo) => ({ detail: `Invalid credentials for ${echo}` }));

		const { error } = await runNode(GET_ENTITY, options());

		expect(api.received[0].headers['x-api-key']).toBe(SECRETS.apiKey);
		expect(error?.message).toContain('Invalid credentials for GET /bank-connect/v1/entity/e-1/');
		expect(error?.message).toContain(`x-api-key: ${REDACTED}`);
		expect(error?.message).toContain(`access_token: ${REDACTED}`);
		expectClean(error);
	});

	test('an HTML error page echoing the headers: the summary holds no secret, even cut at 200 characters', async () => {
		answer = (request, response) => {
			response.writeHead(500, { 'content-type': 'text/html' });
			response.end(`<html><body><h1>Server Error</h1><pre>${echoOf(request).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`);
		};

		const { error } = await runNode(GET_ENTITY, options());

		expect(error?.httpCode).toBe('500');
		expect(error?.message).toMatch(/^Server Error GET \/bank-connect\/v1\/entity\/e-1\//);
		expectClean(error);
	});

	test('a 200 that echoes the request: the item carries no secret', async () => {
		answer = echoAs(200, (echo) => ({ entity_id: 'e-1', link_id: 'loan-1', meta_data: echo, [SECRETS.serverHash]: true }));

		const { items, error } = await runNode(GET_ENTITY, options());

		expect(error).toBeUndefined();
		expect(items[0].json.entity_id).toBe('e-1');
		expect(items[0].json.meta_data).toContain(`server-hash: ${REDACTED}`);
		expect(items[0].json[REDACTED]).toBe(true);
		expectClean(undefined, items);
	});

	test('a 2xx whose data holds the PDF password\'s text keeps it: a short password may be a date or digits of the data', async () => {
		const uploaded = { entity_id: 'e-1', statement_id: 's-1', bank_name: 'hdfc', identity: { address: 'Plot 1990, Pune', account_number: '00011990' } };
		answer = (_request, response) => sendJson(response, 200, uploaded);

		const { items, error } = await runNode(
			{ resource: 'statement', operation: 'upload', source: 'base64', base64Content: LOCKED_PDF.toString('base64'), bankMode: 'detect', target: 'newEntity', pdfPassword: '={{ "1990" }}', identity: true },
			options(),
		);

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(uploaded);
	});

	test('Session → Create answered 400 echoing its form: api_key is replaced', async () => {
		answer = echoAs(400, (echo) => ({ error: { code: 'INVALID_REQUEST', message: echo } }));

		const { error } = await runNode({ resource: 'session', operation: 'create', linkId: 'loan-1', redirectUrl: '', additionalFields: {} }, options());

		expect(api.received[0].body.toString()).toContain(`api_key=${SECRETS.apiKey}`);
		expect(error?.message).toContain(`api_key=${REDACTED}`);
		expectClean(error);
	});

	test('a base64 upload answered 400 echoing its form: the PDF password is replaced in every encoding, the entity_id kept', async () => {
		answer = echoAs(400, (echo) => ({ entity_id: 'e-9', message: `${echo}\nraw password: ${PDF_PASSWORD}` }));

		const { items } = await runNode(
			{
				resource: 'statement',
				operation: 'upload',
				source: 'base64',
				base64Content: LOCKED_PDF.toString('base64'),
				bankMode: 'detect',
				target: 'newEntity',
				pdfPassword: PDF_PASSWORD,
				identity: false,
			},
			options({ continueOnFail: true }),
		);

		expect(new URLSearchParams(api.received[0].body.toString()).get('pdf_password')).toBe(PDF_PASSWORD);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ entity_id: 'e-9', httpCode: '400' });
		expect(items[0].json.error).toContain(`pdf_password=${REDACTED}`);
		expect(items[0].json.error).toContain(`raw password: ${REDACTED}`);
		expectClean(undefined, items);
	});

	test('a file upload answered 400 echoing its multipart body: the PDF password part is replaced', async () => {
		answer = echoAs(400, (echo) => ({ entity_id: 'e-9', message: echo }));

		const { error } = await runNode(
			{ resource: 'statement', operation: 'upload', source: 'binary', inputBinaryField: 'data', bankMode: 'detect', target: 'newEntity', pdfPassword: PDF_PASSWORD, identity: false },
			options({ startItems: [await fileItem(LOCKED_PDF, 'locked.pdf')] }),
		);

		expect(api.received[0].body.toString('latin1')).toContain(`name="pdf_password"\r\n\r\n${PDF_PASSWORD}\r\n`);
		expect(error?.message).toContain(`name="pdf_password"\r\n\r\n${REDACTED}`);
		expectClean(error);
	});

	test('a redirect whose address holds the API key: the host named in the error is redacted', async () => {
		answer = (_request, response) => redirect(response, 302, `https://${SECRETS.apiKey}.elsewhere.example/x`);

		const { error } = await runNode(GET_ENTITY, options());

		expect(error?.message).toBe(`BankConnect answered with a redirect to ${REDACTED}.elsewhere.example (HTTP 302), which is not followed`);
		expectClean(error);
	});
});

describe('the trigger reading the analysis (Attach Analysis)', () => {
	const trigger = () =>
		new TriggerHarness(
			entityParameters({ registerWebhook: false, attachAnalysis: 'identity' }),
			bankConnectCredentials(`${api.origin}/bank-connect`, { apiKey: SECRETS.apiKey, serverHashSecret: SECRETS.serverHash, signingSecret: SECRETS.signingSecret, webhookSecret: WEBHOOK_SECRET }),
		);

	test('an error answer that repeats the webhook secret and the request: analysis_error holds neither', async () => {
		answer = echoAs(500, (echo) => ({ detail: `account webhook x-secret-key ${WEBHOOK_SECRET}; ${echo}` }));

		const result = await trigger().deliver({ body: completed('ent-1'), headers: withSecret });

		const error = String(result.started?.[0].json.analysis_error);
		expect(error).toContain(`x-secret-key ${REDACTED}`);
		expect(error).toContain(`x-api-key: ${REDACTED}`);
		expect(findSecrets(result.started, { ...sentSecrets(), webhookSecret: WEBHOOK_SECRET })).toEqual([]);
	});

	test('a delivery whose entity_id is ".." reads nothing: the ID cannot climb the path', async () => {
		answer = echoAs(200, () => ({ count: 1, results: [{ entity_id: 'other-customer' }] }));

		const result = await trigger().deliver({ body: completed('..'), headers: withSecret });

		expect(result.started?.[0].json.analysis_error).toBe('The ID cannot be "..": a BankConnect ID is not made of dots');
		expect(api.received).toEqual([]);
	});
});

describe('a refused Base URL', () => {
	test('does not repeat a user name and password written into it', async () => {
		const { error } = await runNode(GET_ENTITY, {
			credentials: { baseUrl: 'http://ops:hunter2-Base-Pass@bankconnect.example.com/bank-connect?token=tok-Qw81' },
			extraSecrets: { userinfo: 'hunter2-Base-Pass', query: 'tok-Qw81' },
		});

		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'The BankConnect base URL "http://bankconnect.example.com/bank-connect" is refused: the API only accepts HTTPS, and plain http:// is allowed only for a loopback host such as 127.0.0.1 or localhost',
		);
	});

	test('that is not a URL is not repeated at all', async () => {
		const { error } = await runNode(GET_ENTITY, {
			credentials: { baseUrl: 'ops hunter2-Base-Pass@bankconnect.example.com' },
			extraSecrets: { userinfo: 'hunter2-Base-Pass' },
		});

		expect(error?.message).toBe('The BankConnect base URL is not a valid URL; it should look like https://apis.bankconnect.finbox.in/bank-connect');
	});

	test('with a scheme that has no host, only the scheme is repeated', async () => {
		const { error } = await runNode(GET_ENTITY, {
			credentials: { baseUrl: 'ops:hunter2-Base-Pass@bankconnect.example.com' },
			extraSecrets: { userinfo: 'hunter2-Base-Pass' },
		});

		expect(error?.message).toBe(
			'The BankConnect base URL "ops:" is refused: the API only accepts HTTPS, and plain http:// is allowed only for a loopback host such as 127.0.0.1 or localhost',
		);
	});
});
