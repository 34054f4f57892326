/** The scheduled-alert workflow file: banks that are down flow on to the alert node. */
import { CATALOGUE, HEALTH, healthItem } from '../../fixtures/health';
import { apiPath, mockApi, resetNetwork } from '../../harness/bankConnectApi';
import { readWorkflow } from '../../harness/engine';
import { runWithTestCredentials } from '../../harness/runNode';

const workflow = readWorkflow('test/fixtures/workflows/netBankingDownAlert.json');

beforeEach(resetNetwork);

test('only the watched banks that are down reach the alert', async () => {
	const api = mockApi();
	api.scope.get(apiPath('/v1/net_banking_health/')).reply(200, HEALTH);
	api.scope.get(apiPath('/v1/banks/catalogue/')).reply(200, CATALOGUE);

	const result = await runWithTestCredentials(workflow);

	expect(result.executionOrder).toEqual(['When clicking ‘Execute workflow’', 'Net Banking Health', 'Alert']);
	expect(result.output('Net Banking Health')).toEqual([
		{ json: healthItem(HEALTH[1]), pairedItem: { item: 0 } },
		{ json: healthItem(HEALTH[3]), pairedItem: { item: 0 } },
	]);
	expect(result.output('Alert').map((item) => item.json.issue_details)).toEqual(['Net banking login failing', 'OTP delays']);
});

test('when every watched bank is up, nothing reaches the alert', async () => {
	const api = mockApi();
	api.scope.get(apiPath('/v1/net_banking_health/')).reply(200, HEALTH.map((entry) => ({ ...entry, health_up: true, issue_details: null })));

	const result = await runWithTestCredentials(workflow);

	expect(result.output('Net Banking Health')).toEqual([]);
	expect(result.executionOrder).not.toContain('Alert');
});
