import { SESSION_ID } from '../../fixtures/sessions';
import { apiPath, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { expectApiError, runNode, runNodeFailing } from '../../harness/runNode';

const dataPath = (endpoint: string) => apiPath(`/v1/session_data/${SESSION_ID}/${endpoint}/`);
const failure = (code: string, message: string) => ({ error: { code, message } });

beforeEach(resetNetwork);

type Method = 'get' | 'post' | 'delete';

/** Each operation with the request it makes. */
const OPERATIONS: Array<[string, Method, string, Record<string, unknown>]> = [
	['getUploadStatus', 'get', 'session_upload_status', { output: 'whole' }],
	['initiateProcessing', 'post', 'initiate_processing', { processAndWait: false }],
	['getProgress', 'get', 'progress', { waitForCompletion: false }],
	['getStatus', 'get', 'session_status', {}],
	['getInsights', 'get', 'insights', { output: 'whole' }],
	['getPdfs', 'get', 'get_pdfs', { download: false }],
	['delete', 'delete', 'delete', {}],
];

/** The session errors of the contract and the operations that meet them. */
const SESSION_ERRORS: Array<[string, number, string, string[]]> = [
	['SESSION_NOT_FOUND', 404, 'The provided Session ID is invalid', OPERATIONS.map(([operation]) => operation)],
	['SESSION_DELETED', 410, 'The session has been deleted', OPERATIONS.map(([operation]) => operation)],
	['ACCESS_DENIED', 403, 'This key may not read that session', OPERATIONS.map(([operation]) => operation)],
	['PROCESSING_NOT_REQUESTED', 400, 'Processing has not been requested for this session', ['getProgress', 'getStatus', 'getInsights']],
	['PROCESSING_NOT_COMPLETED', 400, 'Processing of this session is not completed yet', ['getStatus', 'getInsights']],
	['DUPLICATE_PROCESSING_REQUEST', 409, 'Processing was already requested for this session', ['initiateProcessing']],
];

const NEXT_STEPS: Record<string, string> = {
	SESSION_NOT_FOUND: 'check Session ID',
	SESSION_DELETED: 'create a new session',
	PROCESSING_NOT_REQUESTED: 'run Session → Initiate Processing first',
	PROCESSING_NOT_COMPLETED: 'wait for processing',
};

const cases = SESSION_ERRORS.flatMap(([code, status, message, operations]) =>
	operations.map((operation) => {
		const [, method, endpoint, parameters] = OPERATIONS.find(([name]) => name === operation)!;
		return { code, status, message, operation, method, endpoint, parameters };
	}),
);

describe('session errors of the contract become NodeApiErrors with code, message and status', () => {
	test.each(cases.map((c) => [c.operation, c.code, c]))('%s → %s', async (_operation, _code, c) => {
		const api = mockApi();
		api.scope[c.method](dataPath(c.endpoint)).reply(c.status, failure(c.code, c.message));

		const error = await runNodeFailing({ resource: 'session', operation: c.operation, sessionId: SESSION_ID, ...c.parameters });

		expect(requestLines(api.requests)).toEqual([`${c.method.toUpperCase()} /v1/session_data/${SESSION_ID}/${c.endpoint}/`]);
		const description = [`HTTP status ${c.status}`, `code ${c.code}`];
		if (NEXT_STEPS[c.code]) description.push(NEXT_STEPS[c.code]);
		expectApiError(error, { message: `${c.code}: ${c.message}`, httpCode: String(c.status), description });
		expect(error.context?.itemIndex).toBe(0);
	});
});

describe('session create errors of the contract', () => {
	test.each([
		['INVALID_DATE_FORMAT', 400, "Invalid 'from_date' or 'to_date' format. Use 'DD/MM/YYYY'."],
		['INVALID_DATE_RANGE', 400, "'from_date' can't be greater or equal to 'to_date'."],
		['MISSING_DATE_FIELD', 400, "'from_date' and 'to_date' are required."],
		['INVALID_BANK_NAME', 400, 'Invalid bank identifier.'],
		['MISSING_BANK_NAME', 400, "'bank_name' is required with 'mode'."],
		['MODE_NOT_AVAILABLE', 400, 'Specified mode not available for this bank.'],
		['MODE_NOT_ENABLED', 403, 'Specified mode not enabled. Contact FinBox Admin.'],
	])('%s (%i)', async (code, status, message) => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/session/')).reply(status, failure(code, message));

		const error = await runNodeFailing({
			resource: 'session',
			operation: 'create',
			linkId: 'loan-1',
			redirectUrl: '',
			additionalFields: { bankName: 'sbi', mode: 'aa', fromDate: '01/01/2026', toDate: '01/06/2026' },
		});

		expect(requestLines(api.requests)).toEqual(['POST /v1/session/']);
		expectApiError(error, { message: `${code}: ${message}`, httpCode: String(status), description: [`code ${code}`] });
	});
});

describe('continueOnFail', () => {
	test('a failing session becomes an error item paired with its input; the other items go on', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/session_data/s-ok/session_status/')).reply(200, { session_id: 's-ok', accounts: [] });
		api.scope.get(apiPath('/v1/session_data/s-gone/session_status/')).reply(404, failure('SESSION_NOT_FOUND', 'The provided Session ID is invalid'));
		api.scope.get(apiPath('/v1/session_data/s-ok2/session_status/')).reply(200, { session_id: 's-ok2', accounts: [] });

		const { items, error } = await runNode(
			{ resource: 'session', operation: 'getStatus', sessionId: '={{ $json.id }}' },
			{ continueOnFail: true, startItems: [{ json: { id: 's-ok' } }, { json: { id: 's-gone' } }, { json: { id: 's-ok2' } }] },
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0]).toEqual({ json: { session_id: 's-ok', accounts: [] }, pairedItem: { item: 0 } });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json).toMatchObject({ error: 'SESSION_NOT_FOUND: The provided Session ID is invalid', httpCode: '404' });
		expect(items[1].json.description).toContain('check Session ID');
		expect(items[2]).toEqual({ json: { session_id: 's-ok2', accounts: [] }, pairedItem: { item: 2 } });
	});

	test('Process and Wait gives up after Max Wait naming the statements still processing', async () => {
		const api = mockApi();
		api.scope.post(dataPath('initiate_processing')).reply(202, { session_id: SESSION_ID, message: 'success' });
		api.scope
			.get(dataPath('progress'))
			.times(5)
			.reply(200, {
				session_id: SESSION_ID,
				session_progress: 'processing',
				progress: [{ statement_id: 'st-slow', processing_status: 'processing', message: null }],
			});

		const error = await runNodeFailing({
			resource: 'session',
			operation: 'initiateProcessing',
			sessionId: SESSION_ID,
			processAndWait: true,
			maxWaitSeconds: 1,
			output: 'whole',
		});

		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(`Session ${SESSION_ID} still processing after 1 s; statements: st-slow`);
		expect(requestLines(api.requests)).toEqual([
			`POST /v1/session_data/${SESSION_ID}/initiate_processing/`,
			`GET /v1/session_data/${SESSION_ID}/progress/`,
			`GET /v1/session_data/${SESSION_ID}/progress/`,
		]);
	});
});
