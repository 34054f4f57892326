/**
 * Statement → Upload failures through the engine against the sandbox: passwords right and wrong,
 * image-only PDFs, duplicates, bad input caught before any request, and the no-resend rule when the
 * connection drops after the body was sent.
 */
import { createHash } from 'crypto';
import type { INodeExecutionData } from 'n8n-workflow';

import { fileItem } from '../../harness/binaryItems';
import { runNode, runNodeOk, upload } from '../../harness/runNode';
import { clearFaults, clearRequests, injectFault, listFaults, listRequests, listStatements, sampleStatement } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { contentOf, createEntity, createSession, expectTransactionsOf } from './helpers';

let sandbox: SandboxProcess;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The error item of a continue-on-fail run. */
async function errorItem(parameters: Record<string, unknown>, startItems?: INodeExecutionData[]): Promise<INodeExecutionData> {
	const { run } = await runNode(upload(parameters), { sandbox, startItems, continueOnFail: true });
	const items = run.output('BankConnect');
	expect(items).toHaveLength(1);
	return items[0];
}

async function uploadRequests(): Promise<number> {
	return (await listRequests(sandbox.origin)).filter((request) => request.path.includes('/v1/statement/')).length;
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200']);
});

afterAll(async () => {
	await sandbox?.stop();
});

beforeEach(async () => {
	await clearFaults(sandbox.origin);
	await clearRequests(sandbox.origin);
});

describe('password-protected statements', () => {
	const spec = { bank: 'hdfc', months: 2, seed: 'locked', password: 'S3cret!' };

	test('the right password: the statement is read and its transactions come back', async () => {
		const pdf = await sampleStatement(sandbox.origin, spec);
		const items = await runNodeOk(
			upload({ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', target: 'newEntity', pdfPassword: 'S3cret!', then: 'transactions', maxWaitSeconds: 60, output: 'split' }),
			{ sandbox, startItems: [await fileItem(pdf)] },
		);
		expectTransactionsOf(items, contentOf(spec));
	});

	test('a wrong password: PASSWORD_INCORRECT with the entity the upload created kept on the error item', async () => {
		const pdf = await sampleStatement(sandbox.origin, spec);
		const item = await errorItem(
			{ source: 'base64', base64Content: pdf.toString('base64'), bankMode: 'detect', target: 'newEntity', pdfPassword: 'wrong' },
		);
		expect(item.json).toEqual({
			error: `PASSWORD_INCORRECT: Password incorrect (entity_id ${item.json.entity_id as string})`,
			description: `HTTP status 400, code PASSWORD_INCORRECT, entity_id ${item.json.entity_id as string}. Next step: set PDF Password to the statement's password (often printed in the bank's e-mail).`,
			httpCode: '400',
			entity_id: expect.stringMatching(/.+/),
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('a wrong password to a session: PASSWORD_INCORRECT with the vendor’s message', async () => {
		const sessionId = await createSession(sandbox);
		const pdf = await sampleStatement(sandbox.origin, spec);
		const item = await errorItem(
			{ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', target: 'session', sessionId, pdfPassword: 'nope' },
			[await fileItem(pdf)],
		);
		expect(item.json).toMatchObject({ error: 'PASSWORD_INCORRECT: The provided password is incorrect', httpCode: '400' });
	});
});

describe('statements BankConnect cannot use', () => {
	test('image-only PDF to an entity: "PDF is not parsable" with the entity id; to a session: PDF_IS_IMAGE', async () => {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'sbi', months: 1, seed: 'scanned', variant: 'image' });
		const entityItem = await errorItem({ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'sbi', target: 'newEntity' }, [await fileItem(pdf)]);
		expect(entityItem.json.error).toBe(`PDF is not parsable (entity_id ${entityItem.json.entity_id as string})`);
		expect(entityItem.json.httpCode).toBe('400');

		const sessionId = await createSession(sandbox);
		const sessionItem = await errorItem({ source: 'base64', base64Content: pdf.toString('base64'), bankMode: 'detect', target: 'session', sessionId });
		expect(sessionItem.json).toMatchObject({ error: 'PDF_IS_IMAGE: Scanned images are not supported', httpCode: '400' });
	});

	test('the same statement twice to one entity: STATEMENT_DUPLICATE, stored once', async () => {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'axis', months: 1, seed: 'twice' });
		const entityId = await createEntity(sandbox);
		const parameters = { source: 'binary', inputBinaryField: 'data', bankMode: 'detect', target: 'entity', entityId };
		await runNodeOk(upload(parameters), { sandbox, startItems: [await fileItem(pdf)] });
		const item = await errorItem(parameters, [await fileItem(pdf)]);
		expect(item.json).toMatchObject({
			error: `STATEMENT_DUPLICATE: A duplicate statement has been detected (entity_id ${entityId})`,
			entity_id: entityId,
			httpCode: '400',
		});
		expect((await listStatements(sandbox.origin)).filter((statement) => statement.sha256 === sha256(pdf))).toHaveLength(1);
	});

	test('a statement of another bank than the one given: BANK_NAME_MISMATCH', async () => {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'icici', months: 1, seed: 'other-bank' });
		const item = await errorItem({ source: 'base64', base64Content: pdf.toString('base64'), bankMode: 'known', bankName: 'hdfc', target: 'newEntity' });
		expect(item.json.error).toBe(`BANK_NAME_MISMATCH: Not hdfc bank statement (entity_id ${item.json.entity_id as string})`);
	});
});

describe('bad input is refused before any request, naming the field and the item', () => {
	const cases: Array<[string, Record<string, unknown>, () => Promise<INodeExecutionData[] | undefined>, string]> = [
		['missing binary property', { source: 'binary', inputBinaryField: 'attachment' }, async () => [await fileItem(Buffer.from('%PDF-1.7 x'))], 'Input Binary Field "attachment" is not a binary property of the input item (it has "data") (item 0)'],
		['not a PDF (named .pdf)', { source: 'binary', inputBinaryField: 'data' }, async () => [await fileItem(Buffer.from('PK\u0003\u0004 a zip file'), 'statement.pdf')], 'Input Binary Field the file "statement.pdf" in "data" is not a PDF (its bytes do not start with %PDF-) (item 0)'],
		['empty file', { source: 'binary', inputBinaryField: 'data' }, async () => [await fileItem(Buffer.alloc(0), 'empty.pdf')], 'Input Binary Field the file "empty.pdf" in "data" is an empty file (item 0)'],
		['invalid base64', { source: 'base64', base64Content: 'JVBERi0x*not base64*' }, async () => undefined, 'Base64 Content is not valid base64 (item 0)'],
		['URL not http(s)', { source: 'url', fileUrl: 'ftp://files.example.com/statement.pdf' }, async () => undefined, 'File URL must be an http:// or https:// URL (got ftp:) (item 0)'],
		['password for a PDF that is not protected', { source: 'base64', base64Content: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n').toString('base64'), pdfPassword: 'secret' }, async () => undefined, 'PDF Password was given but the decoded content is not password-protected; leave PDF Password empty for this file (item 0)'],
		['session without a session id', { source: 'url', fileUrl: 'http://127.0.0.1:1/s.pdf', target: 'session', sessionId: '  ' }, async () => undefined, 'Session ID must not be empty (item 0)'],
		['a bank that cannot be an identifier', { source: 'url', fileUrl: 'http://127.0.0.1:1/s.pdf', bankMode: 'known', bankName: 'no such bank' }, async () => undefined, 'Bank Name or ID "no such bank" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan) (item 0)'],
	];

	test.each(cases)('%s', async (_name, parameters, items, message) => {
		const item = await errorItem({ bankMode: 'detect', target: 'newEntity', ...parameters }, await items());
		expect(item.json.error).toBe(message);
		expect(item.json.description).toContain('nothing was sent to BankConnect');
		expect(await uploadRequests()).toBe(0);
	});
});

describe('never resent blindly: the connection drops after the body was sent', () => {
	test('stored before the drop: the node finds the file among the entity’s statements and does not resend', async () => {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 1, seed: 'dropped-stored' });
		const entityId = await createEntity(sandbox);
		await clearRequests(sandbox.origin);
		await injectFault(sandbox.origin, { route: 'statement/upload/', reset: true });
		const [item] = await runNodeOk(upload({ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', target: 'entity', entityId }), { sandbox, startItems: [await fileItem(pdf)] });
		const stored = (await listStatements(sandbox.origin)).filter((statement) => statement.sha256 === sha256(pdf));
		expect(stored).toHaveLength(1);
		expect(item.json).toEqual({
			entity_id: entityId,
			statement_id: stored[0].statement_id,
			bank_name: 'hdfc',
			account_id: stored[0].account_id,
			recovered_after_connection_failure: true,
		});
		// the sandbox's log lists answered requests only: the upload whose socket was destroyed is not in it
		const requests = await listRequests(sandbox.origin);
		expect(requests.map((request) => `${request.method} ${request.path.replace('/bank-connect', '')}`)).toEqual([
			`GET /v1/entity/${entityId}/get_pdfs/`,
		]);
		expect(await listFaults(sandbox.origin)).toEqual([]);
	});

	test('dropped before it was stored: the node checks, finds nothing, sends once more and the statement is stored once', async () => {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'sbi', months: 1, seed: 'dropped-lost' });
		const sessionId = await createSession(sandbox);
		await clearRequests(sandbox.origin);
		await injectFault(sandbox.origin, { route: 'statement/upload_session/', reset: true, resetBeforeProcessing: true });
		const [item] = await runNodeOk(upload({ source: 'base64', base64Content: pdf.toString('base64'), bankMode: 'detect', target: 'session', sessionId }), { sandbox });
		expect(item.json).toMatchObject({ session_id: sessionId, bank_name: 'sbi', status: 1 });
		const requests = await listRequests(sandbox.origin);
		expect(await listFaults(sandbox.origin)).toEqual([]);
		expect(requests.map((request) => `${request.method} ${request.path.replace('/bank-connect', '')}`)).toEqual([
			`GET /v1/session_data/${sessionId}/get_pdfs/`,
			'POST /v1/statement/upload_session/',
		]);
		expect((await listStatements(sandbox.origin)).filter((statement) => statement.sha256 === sha256(pdf))).toHaveLength(1);
	});

	test('to a new entity the node cannot look, so it reports UPLOAD_OUTCOME_UNKNOWN and sends nothing more', async () => {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'axis', months: 1, seed: 'dropped-new' });
		await injectFault(sandbox.origin, { route: 'statement/bankless_upload/', reset: true });
		const item = await errorItem({ source: 'binary', inputBinaryField: 'data', bankMode: 'detect', target: 'newEntity' }, [await fileItem(pdf)]);
		expect(String(item.json.error)).toMatch(/^UPLOAD_OUTCOME_UNKNOWN: the connection to BankConnect dropped after the statement was sent/);
		expect(item.json.description).toBe(
			'Network error ECONNRESET. A new entity was requested and its entity_id never arrived, so the node cannot look for the file. Look for the new entity with Entity → Get Many before uploading this file again; with a Link ID (Upload To: New Entity) the node creates the entity first and looks for you.',
		);
		expect(await listFaults(sandbox.origin)).toEqual([]);
		expect(await listRequests(sandbox.origin)).toEqual([]);
		expect((await listStatements(sandbox.origin)).filter((statement) => statement.sha256 === sha256(pdf))).toHaveLength(1);
	});
});
