/**
 * Statement → Upload through the n8n engine against the sandbox, on every route: file (from n8n's
 * binary store on disk), base64 and URL × bank known and detected × new entity, existing entity and
 * session. The transactions that come back are checked against what the generator put in each PDF.
 */
import { createHash } from 'crypto';

import { fileItem } from '../../harness/binaryItems';
import { runNodeOk, upload } from '../../harness/runNode';
import { listRequests, listStatements, sampleStatement } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { contentOf, createEntity, createSession, expectTransactionsOf } from './helpers';

let sandbox: SandboxProcess;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function sampleUrl(query: Record<string, string | number>): string {
	const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
	return `${sandbox.origin}/__sandbox/sample-statement?${params.toString()}`;
}

/** The one upload request the sandbox saw with this file (or query), checked for path and query. */
async function expectOneUpload(path: string, query: Record<string, string>, digest?: string): Promise<void> {
	const requests = await listRequests(sandbox.origin);
	const uploads = requests.filter((request) => request.method === 'POST' && request.path.endsWith(path) && (!digest || request.sha256 === digest));
	expect(uploads).toHaveLength(1);
	expect(uploads[0].query).toEqual(query);
	expect(uploads[0].status).toBe(200);
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200']);
});

afterAll(async () => {
	await sandbox?.stop();
});

describe('entity flow', () => {
	test('binary file, bank known, new entity, then transactions: POST statement/upload/ and the PDF’s transactions as items', async () => {
		const spec = { bank: 'hdfc', months: 3, seed: 'upload-file-known' };
		const pdf = await sampleStatement(sandbox.origin, spec);
		const items = await runNodeOk(
			upload({ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', target: 'newEntity', then: 'transactions', maxWaitSeconds: 60, output: 'split' }),
			{ sandbox, startItems: [await fileItem(pdf, 'march.pdf')] },
		);
		expectTransactionsOf(items, contentOf(spec));
		await expectOneUpload('/v1/statement/upload/', { identity: 'true' }, sha256(pdf));
		const stored = (await listStatements(sandbox.origin)).filter((statement) => statement.sha256 === sha256(pdf));
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ entity_id: items[0].json.entity_id, bank: 'hdfc', status: 'completed' });
	});

	test('binary file, bank detected, existing entity, then none: POST statement/bankless_upload/ returns the upload with identity', async () => {
		const spec = { bank: 'icici', months: 2, seed: 'upload-file-detect' };
		const content = contentOf(spec);
		const pdf = await sampleStatement(sandbox.origin, spec);
		const entityId = await createEntity(sandbox);
		const [item, ...rest] = await runNodeOk(
			upload({ source: 'binary', inputBinaryField: 'statement', bankMode: 'detect', target: 'entity', entityId, then: 'none' }),
			{ sandbox, startItems: [await fileItem(pdf, 'icici.pdf', 'statement')] },
		);
		expect(rest).toHaveLength(0);
		expect(item.json).toMatchObject({
			entity_id: entityId,
			bank_name: 'icici',
			statement_id: expect.any(String),
			date_range: { from_date: content.fromDate, to_date: content.toDate },
			identity: { name: content.identity.name, account_number: content.identity.account_number },
			is_fraud: false,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		await expectOneUpload('/v1/statement/bankless_upload/', { identity: 'true' }, sha256(pdf));
	});

	test('base64, bank known, new entity, then salary: POST statement/upload_base64/ (Include Identity is hidden there; a saved "off" is dropped)', async () => {
		const spec = { bank: 'sbi', months: 3, seed: 'upload-base64-known' };
		const pdf = await sampleStatement(sandbox.origin, spec);
		const items = await runNodeOk(
			upload({
				source: 'base64', base64Content: pdf.toString('base64'), bankMode: 'known', bankName: 'sbi', target: 'newEntity', identity: false,
				then: 'salary', maxWaitSeconds: 60, output: 'split',
			}),
			{ sandbox },
		);
		const salaryLines = contentOf(spec).lines.filter((line) => /SALARY/i.test(line.narration));
		expect(items).toHaveLength(salaryLines.length);
		expect(items.map((item) => item.json.date)).toEqual(salaryLines.map((line) => line.date));
		expect(items.map((item) => item.json.amount)).toEqual(salaryLines.map((line) => line.credit));
		await expectOneUpload('/v1/statement/upload_base64/', { identity: 'true' }, sha256(pdf));
	});

	test('base64, bank detected, existing entity, then transactions as the whole response: POST statement/bankless_upload_base64/', async () => {
		const spec = { bank: 'axis', months: 1, seed: 'upload-base64-detect' };
		const pdf = await sampleStatement(sandbox.origin, spec);
		const entityId = await createEntity(sandbox);
		const [item, ...rest] = await runNodeOk(
			upload({
				source: 'base64', base64Content: `data:application/pdf;base64,${pdf.toString('base64')}`, bankMode: 'detect', target: 'entity', entityId,
				then: 'transactions', maxWaitSeconds: 60, output: 'whole',
			}),
			{ sandbox },
		);
		expect(rest).toHaveLength(0);
		const transactions = item.json.transactions as Array<{ date: string }>;
		const content = contentOf(spec);
		expect(item.json.entity_id).toBe(entityId);
		expect(transactions).toHaveLength(content.lines.length);
		expect(transactions[0].date).toBe(content.lines[0].date);
		await expectOneUpload('/v1/statement/bankless_upload_base64/', { identity: 'true' }, sha256(pdf));
	});

	test('URL, bank known, new entity, then transactions: POST statement/upload/ with file_url; BankConnect fetched it', async () => {
		const spec = { bank: 'kotak', months: 2, seed: 'upload-url-known' };
		const items = await runNodeOk(
			upload({
				source: 'url', fileUrl: sampleUrl(spec), bankMode: 'known', bankName: 'kotak', target: 'newEntity', then: 'transactions', maxWaitSeconds: 60, output: 'split',
			}),
			{ sandbox },
		);
		expectTransactionsOf(items, contentOf(spec));
		const pdf = await sampleStatement(sandbox.origin, spec);
		await expectOneUpload('/v1/statement/upload/', { identity: 'true' }, sha256(pdf));
	});

	test('URL, bank detected, existing entity, then accounts: POST statement/bankless_upload/ with file_url', async () => {
		const spec = { bank: 'yesbnk', months: 2, seed: 'upload-url-detect' };
		const entityId = await createEntity(sandbox);
		const [account] = await runNodeOk(
			upload({
				source: 'url', fileUrl: sampleUrl(spec), bankMode: 'detect', target: 'entity', entityId, then: 'accounts', maxWaitSeconds: 60, output: 'split',
			}),
			{ sandbox },
		);
		const content = contentOf(spec);
		expect(account.json).toMatchObject({ entity_id: entityId, bank: 'yesbnk', account_number: content.identity.account_number, months: expect.any(Array) });
		const pdf = await sampleStatement(sandbox.origin, spec);
		await expectOneUpload('/v1/statement/bankless_upload/', { identity: 'true' }, sha256(pdf));
	});
});

describe('session flow: POST statement/upload_session/', () => {
	test('file (PDF), base64 (BASE64) and URL (PDF) to one session, bank known and detected', async () => {
		const sessionId = await createSession(sandbox);
		const specs = [
			{ bank: 'hdfc', months: 2, seed: 'session-file' },
			{ bank: 'sbi', months: 2, seed: 'session-base64' },
			{ bank: 'axis', months: 2, seed: 'session-url' },
		];
		const [filePdf, base64Pdf, urlPdf] = await Promise.all(specs.map((spec) => sampleStatement(sandbox.origin, spec)));

		const [fromFile] = await runNodeOk(
			upload({ source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', target: 'session', sessionId }),
			{ sandbox, startItems: [await fileItem(filePdf)] },
		);
		const [fromBase64] = await runNodeOk(upload({ source: 'base64', base64Content: base64Pdf.toString('base64'), bankMode: 'detect', target: 'session', sessionId }), { sandbox });
		const [fromUrl] = await runNodeOk(upload({ source: 'url', fileUrl: sampleUrl(specs[2]), bankMode: 'known', bankName: 'axis', target: 'session', sessionId, identity: false }), { sandbox });

		for (const [item, spec] of [[fromFile, specs[0]], [fromBase64, specs[1]], [fromUrl, specs[2]]] as const) {
			const content = contentOf(spec);
			expect(item.json).toMatchObject({
				session_id: sessionId,
				bank_name: spec.bank,
				status: 1,
				date_range: { from_date: content.fromDate, to_date: content.toDate },
				identity: { account_number: content.identity.account_number, name: content.identity.name },
			});
		}
		const requests = (await listRequests(sandbox.origin)).filter((request) => request.path.endsWith('/v1/statement/upload_session/'));
		expect(requests.map((request) => [request.sha256, request.query, request.status])).toEqual([
			[sha256(filePdf), { identity: 'true' }, 200],
			[sha256(base64Pdf), { identity: 'true' }, 200],
			[sha256(urlPdf), {}, 200],
		]);
		const stored = (await listStatements(sandbox.origin)).filter((statement) => statement.session_id === sessionId);
		expect(stored.map((statement) => statement.bank).sort()).toEqual(['axis', 'hdfc', 'sbi']);
	});
});
