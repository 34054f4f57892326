/**
 * A workflow file against the real sandbox process (HTTP on loopback, no nock): Create Entity →
 * Get Entity → Get Many Entities → Net Banking Health, then Return All over several real pages.
 */
import { BANKS } from '../../../sandbox/banks';
import { bankConnectCredentials, readWorkflow, runWorkflow } from '../../harness/engine';
import { runNodeOk } from '../../harness/runNode';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { expectNoSecrets } from '../../harness/secrets';

const workflow = readWorkflow('test/fixtures/workflows/sandboxEntityAndHealth.json');

let sandbox: SandboxProcess;

beforeAll(async () => {
	sandbox = await startSandboxProcess();
});

afterAll(async () => {
	await sandbox?.stop();
});

test('Create → Get → Get Many → Net Banking Health', async () => {
	const applicationId = `app-${Date.now()}`;

	const result = await runWorkflow(workflow, {
		credentials: bankConnectCredentials(sandbox.baseUrl),
		startItems: [{ json: { application_id: applicationId, note: 'first contact' } }],
	});

	expect(result.run.data.resultData.error).toBeUndefined();
	expect(result.executionOrder).toEqual([
		'When clicking ‘Execute workflow’',
		'Create Entity',
		'Get Entity',
		'Get Many Entities',
		'Net Banking Health',
	]);
	const [created] = result.output('Create Entity');
	expect(created).toEqual({
		json: { entity_id: expect.stringMatching(/\S/), link_id: applicationId, meta_data: 'first contact' },
		pairedItem: { item: 0 },
	});
	expect(result.output('Get Entity')).toEqual([{ json: created.json, pairedItem: { item: 0 } }]);
	expect(result.output('Get Many Entities')).toEqual([{ json: created.json, pairedItem: { item: 0 } }]);

	const expectedHealth = BANKS.filter((bank) => bank.id === 'hdfc' || bank.id === 'sbi').map((bank) => ({
		bank: bank.id.toUpperCase(),
		bank_name: bank.fullName,
		health_up: bank.healthUp,
		issue_details: bank.healthUp ? null : bank.issueDetails,
		updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/),
	}));
	const health = result.output('Net Banking Health');
	expect(health.map((item) => item.json)).toEqual(expectedHealth);
	expect(health.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	expectNoSecrets(result.run.data.resultData);
});

test('Return All reads every page of a link’s 23 entities; Limit 12 reads the first 12 of them', async () => {
	const linkId = `bulk-${Date.now()}`;
	const created = await runNodeOk(
		{ resource: 'entity', operation: 'create', linkId, isSingleAccount: false, metaDataFormat: 'text', metaData: '={{ String($json.n) }}' },
		{ sandbox, startItems: Array.from({ length: 23 }, (_, n) => ({ json: { n } })) },
	);
	expect(created.map((item) => item.json.meta_data)).toEqual(Array.from({ length: 23 }, (_, n) => String(n)));

	const listed = await runNodeOk({ resource: 'entity', operation: 'getMany', returnAll: true, filters: { linkId } }, { sandbox });
	expect(new Set(listed.map((item) => item.json.entity_id))).toEqual(new Set(created.map((item) => item.json.entity_id)));
	expect(listed).toHaveLength(23);

	const limited = await runNodeOk({ resource: 'entity', operation: 'getMany', returnAll: false, limit: 12, filters: { linkId } }, { sandbox });
	expect(limited.map((item) => item.json.entity_id)).toEqual(listed.slice(0, 12).map((item) => item.json.entity_id));
});
