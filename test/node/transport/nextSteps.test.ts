import { readFileSync } from 'fs';
import { join } from 'path';

import { NEXT_STEP_BY_CODE, NEXT_STEP_BY_STATUS, nextStepFor } from '../../../nodes/BankConnect/transport/nextSteps';
import { apiPath, mockApi, resetNetwork } from '../../harness/bankConnectApi';
import { expectApiError, runNode, runNodeFailing } from '../../harness/runNode';

beforeEach(resetNetwork);

const TO_SESSION = { resource: 'statement', operation: 'upload', source: 'url', fileUrl: 'https://files.example.com/s.pdf', bankMode: 'detect', target: 'session', sessionId: 'ses-1', pdfPassword: '', identity: false };
const CREATE_ENTITY = { resource: 'entity', operation: 'create', linkId: 'x', isSingleAccount: false, metaDataFormat: 'text', metaData: '' };

describe('the error description ends with the next step, through the node', () => {
	test.each([
		[
			'PASSWORD_INCORRECT',
			400,
			'Password incorrect',
			"HTTP status 400, code PASSWORD_INCORRECT, session_id ses-1, statement_id st-1. Next step: set PDF Password to the statement's password (often printed in the bank's e-mail).",
		],
		[
			'PDF_IS_IMAGE',
			400,
			'Scanned images are not supported',
			"HTTP status 400, code PDF_IS_IMAGE, session_id ses-1, statement_id st-1. Next step: upload the bank's original e-statement PDF, not a scan or a photo of it.",
		],
		[
			'SESSION_DELETED',
			410,
			'Session was deleted',
			'HTTP status 410, code SESSION_DELETED, session_id ses-1, statement_id st-1. Next step: create a new session; a deleted session cannot be read again.',
		],
		[
			'TRIAL_PERIOD_EXPIRED',
			402,
			'Trial period expired',
			'HTTP status 402, code TRIAL_PERIOD_EXPIRED, session_id ses-1, statement_id st-1. Next step: ask FinBox to extend your trial or move the account to a paid plan, then run again.',
		],
	])('session upload %s', async (code, status, message, description) => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/statement/upload_session/')).reply(status, { session_id: 'ses-1', statement_id: 'st-1', error: { code, message } });

		const error = await runNodeFailing(TO_SESSION);

		expectApiError(error, { message: `${code}: ${message}`, httpCode: String(status) });
		expect(error.description).toBe(description);
		expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /bank-connect/v1/statement/upload_session/']);
	});

	test('a code the map lacks falls back to the status: 403', async () => {
		mockApi().scope.post(apiPath('/v1/entity/')).reply(403, { error: { code: 'FEATURE_OFF', message: 'Not allowed' } });

		const error = await runNodeFailing(CREATE_ENTITY);

		expect(error.description).toBe(
			'HTTP status 403, code FEATURE_OFF. Next step: use the credential of the BankConnect account that owns this data, or ask FinBox to enable the feature.',
		);
	});

	test('401 without a code: check the credential', async () => {
		mockApi().scope.post(apiPath('/v1/entity/')).reply(401, { detail: 'Authentication credentials were not provided.' });

		const error = await runNodeFailing(CREATE_ENTITY);

		expect(error.description).toBe('HTTP status 401. Next step: check the API key and Server Hash of the BankConnect credential.');
	});

	test('409 without a code, as an error item under Continue On Fail', async () => {
		mockApi().scope.post(apiPath('/v1/entity/')).reply(409, { detail: 'Conflict.' });

		const { items } = await runNode(CREATE_ENTITY, { continueOnFail: true });

		expect(items).toEqual([
			{
				json: { error: 'Conflict.', description: 'HTTP status 409. Next step: nothing to resend: BankConnect already has this request.', httpCode: '409' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a status without a next step keeps the facts only', async () => {
		mockApi().scope.post(apiPath('/v1/entity/')).reply(418, { detail: 'I am a teapot' });

		expect((await runNodeFailing(CREATE_ENTITY)).description).toBe('HTTP status 418');
	});
});

describe('nextStepFor', () => {
	test('code first, then the message, then the status', () => {
		expect(nextStepFor('PASSWORD_INCORRECT', 400)).toBe(NEXT_STEP_BY_CODE.PASSWORD_INCORRECT);
		expect(nextStepFor(null, 400, 'PDF is not parsable')).toBe("upload the bank's original e-statement PDF, not a scan, a photo or a re-saved copy");
		expect(nextStepFor('SOMETHING_NEW', 429)).toBe(NEXT_STEP_BY_STATUS[429]);
		expect(nextStepFor(null, 302)).toBeUndefined();
	});

	test('each step is one short instruction in lower case, without a final period', () => {
		for (const step of [...Object.values(NEXT_STEP_BY_CODE), ...Object.values(NEXT_STEP_BY_STATUS)]) {
			expect(step).toMatch(/^[a-z]/);
			expect(step).not.toMatch(/\.$/);
			expect(step.length).toBeLessThanOrEqual(130);
		}
	});

	test('every code of the API contract has a next step', () => {
		// the codes of the contract's upload, session-create, session-read and failure-code tables
		const contractCodes = [
			'SESSION_NOT_FOUND', 'TRIAL_PERIOD_EXPIRED', 'INVALID_FILE_OBJECT', 'INVALID_FILE_URL', 'MISSING_FILE_OBJECT', 'INVALID_BASE_64',
			'INVALID_ACCOUNT_CATEGORY', 'PASSWORD_INCORRECT', 'STATEMENT_UNSUPPORTED_FORMAT', 'BANK_NAME_UNDETECTED', 'PDF_IS_IMAGE',
			'BANK_NAME_MISMATCH', 'OUT_OF_DATE_RANGE', 'STATEMENT_DUPLICATE', 'INVALID_DATE_FORMAT', 'INVALID_DATE_RANGE', 'MISSING_DATE_FIELD',
			'INVALID_BANK_NAME', 'MISSING_BANK_NAME', 'MODE_NOT_AVAILABLE', 'MODE_NOT_ENABLED', 'SESSION_DELETED', 'ACCESS_DENIED',
			'PROCESSING_NOT_REQUESTED', 'PROCESSING_NOT_COMPLETED', 'DUPLICATE_PROCESSING_REQUEST', 'MISSING_TRANSACTIONS', 'INCOMPLETE_MONTHS',
			'NULL_ACCOUNT_NUMBER', 'BALANCE_MISMATCH', 'INCOMPLETE_MONTHS_UPLOAD', 'INCOMPLETE_DATES_UPLOAD', 'STATEMENT_TOO_MANY_PAGES',
			'NO_TRANSACTIONS_FROM_AA', 'EXTRACTION_FAILED', 'STATEMENT_NO_TRANSACTIONS',
		];
		expect(contractCodes.filter((code) => !(code in NEXT_STEP_BY_CODE))).toEqual([]);
		expect(Object.keys(NEXT_STEP_BY_STATUS).map(Number)).toEqual(expect.arrayContaining([400, 401, 402, 403, 404, 409, 410, 429, 500, 502, 503, 504]));
	});
});

/** Rows `| `CODE` | … | next step |` of a "Troubleshooting by error code" section. */
function troubleshootingRows(markdown: string): Map<string, string> {
	const section = markdown.split(/^## Troubleshooting by error code$/m)[1]?.split(/^## /m)[0] ?? '';
	const rows = new Map<string, string>();
	for (const line of section.split('\n')) {
		const cells = line.split('|').map((cell) => cell.trim());
		const key = /^`([A-Z0-9_]+)`$/.exec(cells[1] ?? '')?.[1];
		if (key) rows.set(key, cells[cells.length - 2]);
	}
	return rows;
}

describe('the troubleshooting table', () => {
	const root = join(__dirname, '../../..');
	const readme = readFileSync(join(root, 'README.md'), 'utf8');

	test('README.md lists every code and status with the node’s exact next step', () => {
		expect(readme).toMatch(/^## Troubleshooting by error code$/m);
		const rows = troubleshootingRows(readme);
		const expected = new Map<string, string>([
			...Object.entries(NEXT_STEP_BY_CODE),
			...Object.entries(NEXT_STEP_BY_STATUS).map(([status, step]): [string, string] => [status, step]),
		]);
		for (const [key, step] of expected) expect([key, rows.get(key)]).toEqual([key, `${step[0].toUpperCase()}${step.slice(1)}.`]);
		expect([...rows.keys()].filter((key) => !expected.has(key))).toEqual([]);
	});
});
