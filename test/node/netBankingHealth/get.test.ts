import type { IDataObject } from 'n8n-workflow';
import type { BankHealth } from '../../../nodes/BankConnect/api/types';
import { CATALOGUE, HEALTH, healthItem } from '../../fixtures/health';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { badInputItem, expectBadInput, runNode, runNodeFailing, runNodeOk } from '../../harness/runNode';

const health = (parameters: Record<string, unknown> = {}) => ({
	resource: 'netBankingHealth',
	operation: 'get',
	banks: [],
	onlyDown: false,
	...parameters,
});

function serveHealth(answer: BankHealth[] = HEALTH, catalogue: unknown = CATALOGUE) {
	const api = mockApi();
	api.scope.get(apiPath('/v1/net_banking_health/')).reply(200, answer);
	api.scope.get(apiPath('/v1/banks/catalogue/')).optionally().reply(200, catalogue as object);
	return api;
}

const banksOf = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.bank);

beforeEach(resetNetwork);

describe('Net Banking Health → Get', () => {
	test('GETs /v1/net_banking_health/ and the catalogue once; one item per bank, with its full name and updated_at in UTC', async () => {
		const api = serveHealth();

		const items = await runNodeOk(health());

		expect(requestLines(api.requests)).toEqual(['GET /v1/net_banking_health/', 'GET /v1/banks/catalogue/']);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual(HEALTH.map((entry) => ({ json: healthItem(entry), pairedItem: { item: 0 } })));
		expect(items[1].json).toEqual({ bank: 'SBI', bank_name: 'State Bank of India', updated_at: '2026-11-22 08:00:00 UTC', health_up: false, issue_details: 'Net banking login failing' });
	});

	test('a bank the catalogue does not list, or a catalogue that fails, shows the identifier as its name', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/net_banking_health/')).reply(200, HEALTH);
		api.scope.get(apiPath('/v1/banks/catalogue/')).reply(403, { detail: 'You do not have permission to perform this action.' });

		const items = await runNodeOk(health({ onlyDown: true }));

		expect(items.map((item) => [item.json.bank, item.json.bank_name])).toEqual([['SBI', 'SBI'], ['KOTAK', 'KOTAK']]);
	});

	test('filters by the chosen banks, whatever their case', async () => {
		serveHealth();

		expect(banksOf(await runNodeOk(health({ banks: ['sbi', 'ICICI', ' hdfc '] })))).toEqual(['HDFC', 'SBI', 'ICICI']);
	});

	test('"Only Banks That Are Down" keeps the banks whose net banking is down', async () => {
		serveHealth();

		const items = await runNodeOk(health({ onlyDown: true }));

		expect(items.map((item) => item.json)).toEqual([healthItem(HEALTH[1]), healthItem(HEALTH[3])]);
	});

	test('both filters together', async () => {
		serveHealth();

		expect(banksOf(await runNodeOk(health({ banks: ['hdfc', 'kotak'], onlyDown: true })))).toEqual(['KOTAK']);
	});

	test('nothing to output: the catalogue is not read', async () => {
		const api = serveHealth(HEALTH.map((entry) => ({ ...entry, health_up: true, issue_details: null })));

		expect(await runNodeOk(health({ onlyDown: true }))).toEqual([]);
		expect(requestLines(api.requests)).toEqual(['GET /v1/net_banking_health/']);
	});

	test('bank IDs from an expression are accepted', async () => {
		serveHealth();

		expect(banksOf(await runNodeOk(health({ banks: '={{ $json.watch }}' }), { startItems: [{ json: { watch: ['sbi'] } }] }))).toEqual(['SBI']);
	});

	test('an expression may give the bank IDs as comma-separated text', async () => {
		serveHealth();

		expect(banksOf(await runNodeOk(health({ banks: '={{ $json.watch }}' }), { startItems: [{ json: { watch: 'kotak, SBI' } }] }))).toEqual(['SBI', 'KOTAK']);
	});

	test('a text that cannot be a bank identifier is refused before any request', async () => {
		const api = watchApi();

		expectBadInput(
			await runNodeFailing(health({ banks: ['hdfc', 'Bank of Atlantis'] })),
			'Bank Names or IDs',
			'"bank of atlantis" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)',
		);
		expect(api.requests).toEqual([]);
	});

	test('with continueOnFail an item with a malformed bank becomes an error item; the others still output', async () => {
		const api = mockApi();
		api.scope.get(apiPath('/v1/net_banking_health/')).times(2).reply(200, HEALTH);
		api.scope.get(apiPath('/v1/banks/catalogue/')).reply(200, CATALOGUE);

		const { items, error } = await runNode(health({ banks: '={{ $json.watch }}' }), {
			continueOnFail: true,
			startItems: [{ json: { watch: ['sbi'] } }, { json: { watch: ['xyz-bank'] } }, { json: { watch: ['kotak'] } }],
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: healthItem(HEALTH[1]), pairedItem: { item: 0 } },
			badInputItem('Bank Names or IDs', '"xyz-bank" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)', 1),
			{ json: healthItem(HEALTH[3]), pairedItem: { item: 2 } },
		]);
		// the catalogue is read once for the whole run
		expect(requestLines(api.requests).filter((line) => line.includes('catalogue'))).toHaveLength(1);
	});
});

describe('Report: changes since the last run (kept in the workflow’s static data)', () => {
	const down = (bank: string, issue: string, updatedAt = '2026-11-22 08:15:00'): BankHealth => ({ bank, updated_at: updatedAt, health_up: false, issue_details: issue });
	const up = (bank: string, updatedAt = '2026-11-22 08:15:00'): BankHealth => ({ bank, updated_at: updatedAt, health_up: true, issue_details: null });

	/** Runs the node once per answer with one static data, as n8n does for an active workflow. */
	async function runs(report: string, answers: BankHealth[][], parameters: Record<string, unknown> = {}): Promise<IDataObject[][]> {
		const staticData: IDataObject = {};
		const outputs: IDataObject[][] = [];
		for (const answer of answers) {
			serveHealth(answer);
			outputs.push((await runNodeOk(health({ report, ...parameters }), { staticData })).map((item) => item.json));
		}
		return outputs;
	}

	test('Only Newly Down: every bank down on the first run, then only banks that went down since; an outage is reported once', async () => {
		const outputs = await runs('newlyDown', [
			[up('HDFC', '2026-11-22 08:00:00'), down('SBI', 'Login failing', '2026-11-22 08:00:00'), up('KOTAK', '2026-11-22 08:00:00')],
			[up('HDFC'), down('SBI', 'Login failing'), up('KOTAK')],
			[down('HDFC', 'Captcha errors', '2026-11-22 08:30:00'), up('SBI', '2026-11-22 08:30:00'), up('KOTAK', '2026-11-22 08:30:00')],
		]);

		expect(outputs).toEqual([
			[{ event: 'went down', bank: 'SBI', bank_name: 'State Bank of India', updated_at: '2026-11-22 08:00:00 UTC', health_up: false, issue_details: 'Login failing', down_since: '2026-11-22 08:00:00 UTC' }],
			[],
			[{ event: 'went down', bank: 'HDFC', bank_name: 'HDFC Bank', updated_at: '2026-11-22 08:30:00 UTC', health_up: false, issue_details: 'Captcha errors', down_since: '2026-11-22 08:30:00 UTC' }],
		]);
	});

	test('Newly Down and Back Up: a bank that came back up is reported once, with when it went down', async () => {
		const outputs = await runs('changes', [
			[down('SBI', 'Login failing', '2026-11-22 08:00:00'), up('KOTAK', '2026-11-22 08:00:00')],
			[up('SBI', '2026-11-22 09:45:00'), down('KOTAK', 'OTP delays', '2026-11-22 09:45:00')],
			[up('SBI', '2026-11-22 10:00:00'), down('KOTAK', 'OTP delays', '2026-11-22 10:00:00')],
		]);

		expect(outputs.map((items) => items.map((item) => `${item.event} ${item.bank} since ${item.down_since}`))).toEqual([
			['went down SBI since 2026-11-22 08:00:00 UTC'],
			['back up SBI since 2026-11-22 08:00:00 UTC', 'went down KOTAK since 2026-11-22 09:45:00 UTC'],
			[],
		]);
		expect(outputs[1][0]).toEqual({ event: 'back up', bank: 'SBI', bank_name: 'State Bank of India', updated_at: '2026-11-22 09:45:00 UTC', health_up: true, issue_details: null, down_since: '2026-11-22 08:00:00 UTC' });
	});

	test('the chosen banks filter the events; every bank is remembered, so choosing another later reports no stale change', async () => {
		const outputs = await runs(
			'changes',
			[
				[down('SBI', 'Login failing'), down('KOTAK', 'OTP delays')],
				[down('SBI', 'Login failing'), up('KOTAK')],
			],
			{ banks: ['sbi'] },
		);

		expect(outputs.map((items) => items.map((item) => `${item.event} ${item.bank}`))).toEqual([['went down SBI'], []]);
	});

	test('Current Health (the default, as saved workflows have it) remembers nothing', async () => {
		const staticData: IDataObject = {};
		serveHealth();

		await runNodeOk(health(), { staticData });

		expect(staticData).toEqual({});
	});
});
