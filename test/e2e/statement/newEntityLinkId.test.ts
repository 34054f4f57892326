/**
 * Upload to a New Entity with a Link ID against the sandbox (issue 17, trap 3): the statement's
 * webhook payload, Link Overview and Get Many by Link ID all carry the Link ID, which an upload that
 * let BankConnect create the entity could never set.
 */
import { fileItem } from '../../harness/binaryItems';
import { runNodeOk, upload } from '../../harness/runNode';
import { listRequests, sampleStatement } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';

let sandbox: SandboxProcess;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200']);
});

afterAll(async () => {
	await sandbox?.stop();
});

test('the entity has the Link ID and Meta Data, and the statement’s webhook payload carries the Link ID', async () => {
	const linkId = 'loan-application-e2e-1';
	const pdf = await sampleStatement(sandbox.origin, { bank: 'sbi', months: 2, seed: 'new-entity-link' });

	const [identity] = await runNodeOk(
		upload({ source: 'binary', inputBinaryField: 'data', bankMode: 'detect', target: 'newEntity', linkId, metaData: 'branch Pune', then: 'identity', maxWaitSeconds: 60, output: 'split' }),
		{ sandbox, startItems: [await fileItem(pdf, 'sbi.pdf')] },
	);
	const entityId = identity.json.entity_id as string;

	const requests = (await listRequests(sandbox.origin)).filter((request) => request.method === 'POST');
	expect(requests.map((request) => request.path.replace('/bank-connect', ''))).toEqual(['/v1/entity/', '/v1/statement/bankless_upload/']);
	const [entity] = await runNodeOk({ resource: 'entity', operation: 'get', entityId }, { sandbox });
	expect(entity.json).toMatchObject({ entity_id: entityId, link_id: linkId, meta_data: 'branch Pune' });
	const payloads = await runNodeOk({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: linkId }, { sandbox });
	expect(payloads.map((item) => item.json)).toEqual([expect.objectContaining({ entity_id: entityId, link_id: linkId, progress: 'completed' })]);
});
