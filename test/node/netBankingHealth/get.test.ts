import { HEALTH } from '../../fixtures/health';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { badInputItem, expectBadInput, runNode, runNodeFailing, runNodeOk } from '../../harness/runNode';

const health = (parameters: Record<string, unknown> = {}) => ({
	resource: 'netBankingHealth',
	operation: 'get',
	banks: [],
	onlyDown: false,
	...parameters,
});

function serveHealth() {
	const api = mockApi();
	api.scope.get(apiPath('/v1/net_banking_health/')).reply(200, HEALTH);
	return api;
}

const banksOf = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.bank);

beforeEach(resetNetwork);

describe('Net Banking Health → Get', () => {
	test('GETs /v1/net_banking_health/ and outputs one item per bank', async () => {
		const api = serveHealth();

		const items = await runNodeOk(health());

		expect(requestLines(api.requests)).toEqual(['GET /v1/net_banking_health/']);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual(HEALTH.map((entry) => ({ json: entry, pairedItem: { item: 0 } })));
	});

	test('filters by the chosen banks, whatever their case', async () => {
		serveHealth();

		expect(banksOf(await runNodeOk(health({ banks: ['sbi', 'ICICI', ' hdfc '] })))).toEqual(['HDFC', 'SBI', 'ICICI']);
	});

	test('"Only Banks That Are Down" keeps the banks whose net banking is down', async () => {
		serveHealth();

		const items = await runNodeOk(health({ onlyDown: true }));

		expect(items.map((item) => item.json)).toEqual([HEALTH[1], HEALTH[3]]);
	});

	test('both filters together', async () => {
		serveHealth();

		expect(banksOf(await runNodeOk(health({ banks: ['hdfc', 'kotak'], onlyDown: true })))).toEqual(['KOTAK']);
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

		const { items, error } = await runNode(health({ banks: '={{ $json.watch }}' }), {
			continueOnFail: true,
			startItems: [{ json: { watch: ['sbi'] } }, { json: { watch: ['xyz-bank'] } }, { json: { watch: ['kotak'] } }],
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: HEALTH[1], pairedItem: { item: 0 } },
			badInputItem('Bank Names or IDs', '"xyz-bank" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)', 1),
			{ json: HEALTH[3], pairedItem: { item: 2 } },
		]);
		expect(api.requests).toHaveLength(2);
	});
});
