/**
 * Statement → Upload: every error shape of the upload routes as NodeApiError items (code, message,
 * entity_id kept), the no-resend rule after a dropped connection, and upload → wait → analysis.
 */
import nock from 'nock';

import { API_ORIGIN, networkError } from '../../harness/bankConnectApi';
import { fileItem } from '../../harness/binaryItems';
import { runNode, upload } from '../../harness/runNode';
import { PDF, captureRequests, expectRequest } from './nockUpload';

const captured = captureRequests();

const FILE_TO_ENTITY = { source: 'binary', inputBinaryField: 'data', bankMode: 'detect', target: 'entity', entityId: 'ent-1' };

async function errorJson(parameters: Record<string, unknown>, withFile = true) {
	const { run } = await runNode(upload(parameters), { startItems: withFile ? [await fileItem(PDF, 'statement.pdf')] : undefined, continueOnFail: true });
	const items = run.output('BankConnect');
	expect(items).toHaveLength(1);
	expect(items[0].pairedItem).toEqual({ item: 0 });
	return items[0].json;
}

describe('error shapes', () => {
	test.each([
		['wrong password', 400, { entity_id: 'ent-7', message: 'Password incorrect' }, { error: 'PASSWORD_INCORRECT: Password incorrect (entity_id ent-7)', description: "HTTP status 400, code PASSWORD_INCORRECT, entity_id ent-7. Next step: set PDF Password to the statement's password (often printed in the bank's e-mail).", httpCode: '400', entity_id: 'ent-7' }],
		['bank not detected', 400, { entity_id: 'ent-7', message: 'Unable to detect bank. Please provide BANK NAME.' }, { error: 'BANK_NAME_UNDETECTED: Unable to detect bank. Please provide BANK NAME. (entity_id ent-7)', description: 'HTTP status 400, code BANK_NAME_UNDETECTED, entity_id ent-7. Next step: set Bank to Known Bank and choose the bank of the statement.', httpCode: '400', entity_id: 'ent-7' }],
		['bank mismatch', 400, { entity_id: 'ent-7', message: 'Not hdfc bank statement' }, { error: 'BANK_NAME_MISMATCH: Not hdfc bank statement (entity_id ent-7)', description: 'HTTP status 400, code BANK_NAME_MISMATCH, entity_id ent-7. Next step: choose the bank the statement is from in Bank Name or ID, or set Bank to Detect Automatically.', httpCode: '400', entity_id: 'ent-7' }],
		['duplicate', 400, { entity_id: 'ent-7', message: 'A duplicate statement has been detected' }, { error: 'STATEMENT_DUPLICATE: A duplicate statement has been detected (entity_id ent-7)', description: 'HTTP status 400, code STATEMENT_DUPLICATE, entity_id ent-7. Next step: nothing to resend: this statement is already uploaded; read the analysis of its entity or session.', httpCode: '400', entity_id: 'ent-7' }],
		['unparsable PDF (image-only or corrupt: no code)', 400, { entity_id: 'ent-7', message: 'PDF is not parsable' }, { error: 'PDF is not parsable (entity_id ent-7)', description: "HTTP status 400, entity_id ent-7. Next step: upload the bank's original e-statement PDF, not a scan, a photo or a re-saved copy.", httpCode: '400', entity_id: 'ent-7' }],
		['missing field', 400, { file: ['This field is required.'] }, { error: 'file: This field is required.', description: 'HTTP status 400. Next step: correct the field named in the message and run again.', httpCode: '400' }],
		['bad base64', 400, { file: ['Invalid Base 64 string'] }, { error: 'INVALID_BASE_64: file: Invalid Base 64 string', description: 'HTTP status 400, code INVALID_BASE_64. Next step: give the whole PDF as base64 text in Base64 Content (no file name, no quotes).', httpCode: '400' }],
		['wrong credentials', 401, { detail: 'Authentication credentials were not provided.' }, { error: 'Authentication credentials were not provided.', description: 'HTTP status 401. Next step: check the API key and Server Hash of the BankConnect credential.', httpCode: '401' }],
	] as Array<[string, number, unknown, Record<string, unknown>]>)('entity route, %s', async (_name, status, body, expected) => {
		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [status, body], captured);
		expect(await errorJson(FILE_TO_ENTITY)).toEqual(expected);
	});

	test.each([
		['SESSION_NOT_FOUND', 404, 'The provided Session ID is invalid', 'check Session ID: use the session_id that Session → Create returned'],
		['TRIAL_PERIOD_EXPIRED', 402, 'Trial period expired', 'ask FinBox to extend your trial or move the account to a paid plan, then run again'],
		['INVALID_FILE_URL', 400, 'This file url is invalid', 'give a File URL starting with http:// or https:// that BankConnect can download'],
		['PDF_IS_IMAGE', 400, 'Scanned images are not supported', "upload the bank's original e-statement PDF, not a scan or a photo of it"],
		['OUT_OF_DATE_RANGE', 400, 'No transactions in expected date range', "upload a statement covering the session's dates, or create the session with a wider From Date and To Date"],
		['STATEMENT_DUPLICATE', 400, 'A duplicate statement has been detected', 'nothing to resend: this statement is already uploaded; read the analysis of its entity or session'],
	])('session route, %s', async (code, status, message, nextStep) => {
		expectRequest('POST', '/bank-connect/v1/statement/upload_session/', [status, { session_id: 'ses-1', statement_id: 'st-0', error: { code, message } }], captured);
		expect(await errorJson({ source: 'url', fileUrl: 'https://files.example.com/s.pdf', bankMode: 'detect', target: 'session', sessionId: 'ses-1' }, false)).toEqual({
			error: `${code}: ${message}`,
			description: `HTTP status ${status}, code ${code}, session_id ses-1, statement_id st-0. Next step: ${nextStep}.`,
			httpCode: String(status),
			session_id: 'ses-1',
			statement_id: 'st-0',
		});
	});

	test('without Continue On Fail the node stops with the NodeApiError and its item', async () => {
		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [400, { entity_id: 'ent-7', message: 'Password incorrect' }], captured);
		const { run } = await runNode(upload(FILE_TO_ENTITY), { startItems: [await fileItem(PDF)] });
		const error = run.nodeError('BankConnect') as Error & { httpCode?: string; context?: { itemIndex?: number } };
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('PASSWORD_INCORRECT: Password incorrect (entity_id ent-7)');
		expect(error.httpCode).toBe('400');
		expect(error.context?.itemIndex).toBe(0);
	});
});

describe('a file that is not a PDF', () => {
	test.each([
		['not a PDF', Buffer.from('\u0089PNG\r\n a photo of the statement'), 'is not a PDF (its bytes do not start with %PDF-)'],
		['empty', Buffer.alloc(0), 'is an empty file'],
	])('%s: the error says to give a PDF file, not to fix the field', async (_name, bytes, problem) => {
		const { run } = await runNode(upload(FILE_TO_ENTITY), { startItems: [await fileItem(bytes, 'statement.png')], continueOnFail: true });
		expect(run.output('BankConnect')).toEqual([
			{
				json: {
					error: `Input Binary Field the file "statement.png" in "data" ${problem} (item 0)`,
					description: "Give the statement as a PDF file (the bank's e-statement, not an image or another document) in item 0; nothing was sent to BankConnect for this item.",
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('no blind resend after a dropped connection', () => {
	const pdfUrl = `${API_ORIGIN}/files/st-9.pdf`;

	test('the file is among the entity’s statements: it is the result, nothing is resent', async () => {
		nock(API_ORIGIN).post('/bank-connect/v1/statement/bankless_upload/').query(true).replyWithError(networkError('ECONNRESET', 'socket hang up'));
		expectRequest('GET', '/bank-connect/v1/entity/ent-1/get_pdfs/', [200, { statements: [
			{ statement_id: 'st-8', bank_name: 'sbi', pdf_password: null, pdf_url: `${API_ORIGIN}/files/st-8.pdf`, account_id: 'acc-8' },
			{ statement_id: 'st-0', bank_name: 'sbi', pdf_password: null, pdf_url: '', account_id: 'acc-8' },
			{ statement_id: 'st-9', bank_name: 'hdfc', pdf_password: null, pdf_url: pdfUrl, account_id: 'acc-9' },
		] }], captured);
		nock(API_ORIGIN).get('/files/st-8.pdf').reply(200, Buffer.from('%PDF-1.7 another statement'));
		nock(API_ORIGIN).get('/files/st-9.pdf').reply(200, PDF);
		const { run } = await runNode(upload(FILE_TO_ENTITY), { startItems: [await fileItem(PDF)] });
		expect(run.output('BankConnect')).toEqual([{
			json: { entity_id: 'ent-1', statement_id: 'st-9', bank_name: 'hdfc', account_id: 'acc-9', recovered_after_connection_failure: true },
			pairedItem: { item: 0 },
		}]);
	});

	test('the file is not there: sent exactly once more', async () => {
		nock(API_ORIGIN).post('/bank-connect/v1/statement/bankless_upload/').query(true).replyWithError(networkError('EPIPE', 'broken pipe'));
		expectRequest('GET', '/bank-connect/v1/entity/ent-1/get_pdfs/', [200, { statements: [] }], captured);
		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [200, { entity_id: 'ent-1', statement_id: 'st-1', bank_name: 'hdfc' }], captured);
		const { run } = await runNode(upload(FILE_TO_ENTITY), { startItems: [await fileItem(PDF)] });
		expect(run.output('BankConnect')[0].json).toEqual({ entity_id: 'ent-1', statement_id: 'st-1', bank_name: 'hdfc' });
		expect(captured.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /bank-connect/v1/entity/ent-1/get_pdfs/',
			'POST /bank-connect/v1/statement/bankless_upload/?identity=true',
		]);
	});

	test('the resend drops too: UPLOAD_OUTCOME_UNKNOWN, no third attempt', async () => {
		nock(API_ORIGIN).post('/bank-connect/v1/statement/bankless_upload/').query(true).times(2).replyWithError(networkError('ECONNRESET', 'socket hang up'));
		expectRequest('GET', '/bank-connect/v1/entity/ent-1/get_pdfs/', [200, { statements: [] }], captured);
		const json = await errorJson(FILE_TO_ENTITY);
		expect(json.error).toBe('UPLOAD_OUTCOME_UNKNOWN: the connection to BankConnect dropped after the statement was sent; it may or may not have been stored');
		expect(json.description).toMatch(/^Network error ECONNRESET\. The file was not stored after the first failure, and the one resend failed the same way\./);
		expect(json.entity_id).toBe('ent-1');
	});

	test('a session: its get_pdfs/ is checked', async () => {
		nock(API_ORIGIN).post('/bank-connect/v1/statement/upload_session/').query(true).replyWithError(networkError('ECONNRESET', 'socket hang up'));
		expectRequest('GET', '/bank-connect/v1/session_data/ses-1/get_pdfs/', [200, { statements: [{ statement_id: 'st-9', bank_name: 'hdfc', pdf_password: null, pdf_url: pdfUrl, account_id: 'acc-9' }] }], captured);
		nock(API_ORIGIN).get('/files/st-9.pdf').reply(200, PDF);
		const { run } = await runNode(upload({ ...FILE_TO_ENTITY, target: 'session', sessionId: 'ses-1' }), { startItems: [await fileItem(PDF)] });
		expect(run.output('BankConnect')[0].json).toEqual({ session_id: 'ses-1', statement_id: 'st-9', bank_name: 'hdfc', account_id: 'acc-9', recovered_after_connection_failure: true });
	});

	test('the connection never opened (ECONNREFUSED): nothing can have arrived, the error stands and nothing is checked or resent', async () => {
		nock(API_ORIGIN).post('/bank-connect/v1/statement/bankless_upload/').query(true).replyWithError(networkError('ECONNREFUSED', 'refused'));
		const json = await errorJson(FILE_TO_ENTITY);
		expect(String(json.error)).not.toMatch(/UPLOAD_OUTCOME_UNKNOWN/);
		expect(json.description).toBe('The connection failed before BankConnect answered. Check the base URL of the credential and the network.');
	});

	test('a new entity: UPLOAD_OUTCOME_UNKNOWN without any further request', async () => {
		nock(API_ORIGIN).post('/bank-connect/v1/statement/bankless_upload/').query(true).replyWithError(networkError('ECONNRESET', 'socket hang up'));
		const json = await errorJson({ ...FILE_TO_ENTITY, target: 'newEntity' });
		expect(json.error).toBe('UPLOAD_OUTCOME_UNKNOWN: the connection to BankConnect dropped after the statement was sent; it may or may not have been stored');
		expect(json.entity_id).toBeUndefined();
	});
});

describe('upload, then wait and return the analysis', () => {
	const envelope = (status: string) => ({
		entity_id: 'ent-1',
		progress: [{ status, message: null, statement_id: 'st-1' }],
		accounts: [{ account_id: 'acc-1', statements: ['st-1'], months: ['2026-09'], bank: 'hdfc', account_number: '501', ifsc: null, micr: null }],
		fraud: { fraudulent_statements: [], fraud_type: [] },
	});
	const transaction = { transaction_note: 'UPI/123', hash: 'h1', description: '', account_id: 'acc-1', transaction_type: 'debit', amount: 250, date: '2026-09-02 00:00:00', merchant_category: 'food', balance: 1000, transaction_channel: 'upi' };

	test('transactions: polls until completed and returns one item per transaction, paired with the input', async () => {
		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [200, { entity_id: 'ent-1', statement_id: 'st-1', bank_name: 'hdfc' }], captured);
		expectRequest('GET', '/bank-connect/v1/entity/ent-1/transactions/', [200, { ...envelope('processing'), transactions: [] }], captured);
		expectRequest('GET', '/bank-connect/v1/entity/ent-1/transactions/', [200, { ...envelope('completed'), transactions: [transaction, { ...transaction, hash: 'h2', amount: 99 }] }], captured);
		const { run } = await runNode(upload({ ...FILE_TO_ENTITY, then: 'transactions', maxWaitSeconds: 30, output: 'split' }), { startItems: [await fileItem(PDF)] });
		expect(run.output('BankConnect')).toEqual([
			{ json: { entity_id: 'ent-1', ...transaction, is_fraud: false, fraud_types: '' }, pairedItem: { item: 0 } },
			{ json: { entity_id: 'ent-1', ...transaction, hash: 'h2', amount: 99, is_fraud: false, fraud_types: '' }, pairedItem: { item: 0 } },
		]);
	});

	test('a statement that fails processing stops the item with its reason and the stored ids', async () => {
		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [200, { entity_id: 'ent-1', statement_id: 'st-1', bank_name: 'hdfc' }], captured);
		expectRequest('GET', '/bank-connect/v1/entity/ent-1/accounts/', [200, { ...envelope('failed'), progress: [{ status: 'failed', message: 'NULL_ACCOUNT_NUMBER', statement_id: 'st-1' }] }], captured);
		const json = await errorJson({ ...FILE_TO_ENTITY, then: 'accounts', maxWaitSeconds: 30, output: 'split' });
		expect(json).toEqual({
			error: 'BankConnect could not analyse the statements: statement st-1 failed: NULL_ACCOUNT_NUMBER (entity_id ent-1, statement_id st-1)',
			description:
				'The statement is stored at BankConnect (entity_id ent-1, statement_id st-1): read its analysis with Analysis → Get Accounts (Entity ID ent-1) instead of uploading the file again.',
			entity_id: 'ent-1',
			statement_id: 'st-1',
		});
	});

	test('Max Wait running out names the stored statement, in the error and in the error item', async () => {
		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [200, { entity_id: 'ent-1', statement_id: 'st-1', bank_name: 'hdfc' }], captured);
		nock(API_ORIGIN).get('/bank-connect/v1/entity/ent-1/transactions/').reply(200, { ...envelope('processing'), transactions: [] });
		const parameters = upload({ ...FILE_TO_ENTITY, then: 'transactions', maxWaitSeconds: 1, output: 'split' });

		const { error } = await runNode(parameters, { startItems: [await fileItem(PDF)] });
		expect(error?.message).toBe('Analysis not complete after 1 s; still processing: st-1 (entity_id ent-1, statement_id st-1)');
		expect(error?.description).toBe(
			'The statement is stored at BankConnect (entity_id ent-1, statement_id st-1): read its analysis with Analysis → Get Transactions (Entity ID ent-1) instead of uploading the file again. Raise Max Wait, or check again later.',
		);

		expectRequest('POST', '/bank-connect/v1/statement/bankless_upload/', [200, { entity_id: 'ent-1', statement_id: 'st-1', bank_name: 'hdfc' }], captured);
		nock(API_ORIGIN).get('/bank-connect/v1/entity/ent-1/transactions/').reply(200, { ...envelope('processing'), transactions: [] });
		const json = await errorJson({ ...FILE_TO_ENTITY, then: 'transactions', maxWaitSeconds: 1, output: 'split' });
		expect(json).toMatchObject({ error: error?.message, entity_id: 'ent-1', statement_id: 'st-1' });
	});
});
