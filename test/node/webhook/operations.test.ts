import { PAYLOADS_BY_LINK } from '../../fixtures/sessions';
import { apiPath, connectionReset, expectAuthenticated, mockApi, requestLines, resetNetwork, watchApi } from '../../harness/bankConnectApi';
import { expectApiError, expectBadInput, runNodeFailing, runNodeOk } from '../../harness/runNode';

const WEBHOOK_URL = 'https://n8n.lender.example/webhook/bankconnect';
const paired = (json: Record<string, unknown>) => ({ json, pairedItem: { item: 0 } });

beforeEach(resetNetwork);

describe('Webhook → Update URL', () => {
	test.each([
		['entity', 1, '/v1/entity/update_webhook/', 1],
		['entity', 0, '/v1/entity/update_webhook/', 0],
		['session', 1, '/v1/session_data/update_webhook/', 3],
	])('%s flow, mode field %i: POSTs %s with JSON {webhook_url, webhook_mode: %i}', async (flow, webhookMode, path, sentMode) => {
		const api = mockApi();
		api.scope.post(apiPath(path)).reply(200, { message: 'success' });

		const items = await runNodeOk({ resource: 'webhook', operation: 'updateUrl', flow, webhookUrl: ` ${WEBHOOK_URL} `, webhookMode });

		expect(requestLines(api.requests)).toEqual([`POST ${path}`]);
		expectAuthenticated(api.requests[0]);
		expect(api.requests[0].headers['content-type']).toBe('application/json');
		expect(JSON.parse(api.requests[0].body)).toEqual({ webhook_url: WEBHOOK_URL, webhook_mode: sentMode });
		expect(items).toEqual([paired({ flow, webhook_url: WEBHOOK_URL, webhook_mode: sentMode, message: 'success' })]);
	});

	test.each([
		['no scheme', 'n8n.lender.example/webhook'],
		['ftp', 'ftp://n8n.lender.example/webhook'],
		['words', 'my webhook'],
	])('a Webhook URL with %s is refused before sending', async (_name, webhookUrl) => {
		const api = watchApi();

		const error = await runNodeFailing({ resource: 'webhook', operation: 'updateUrl', flow: 'entity', webhookUrl, webhookMode: 1 });

		expectBadInput(error, 'Webhook URL', `must be an http(s) URL (got "${webhookUrl}")`);
		expect(api.requests).toEqual([]);
	});

	test('a Webhook Mode from an expression other than 0 or 1 is refused', async () => {
		const api = watchApi();

		const error = await runNodeFailing({ resource: 'webhook', operation: 'updateUrl', flow: 'entity', webhookUrl: WEBHOOK_URL, webhookMode: '={{ 3 }}' });

		expectBadInput(error, 'Webhook Mode', 'must be 0 (net banking only) or 1 (manual uploads too)');
		expect(api.requests).toEqual([]);
	});

	test('setting a URL is idempotent, so a 503 or a dropped connection is retried', async () => {
		const api = mockApi();
		const path = apiPath('/v1/entity/update_webhook/');
		api.scope.post(path).reply(503, 'upstream unavailable', { 'Retry-After': '0' });
		api.scope.post(path).replyWithError(connectionReset());
		api.scope.post(path).reply(200, { message: 'success' });

		const items = await runNodeOk({ resource: 'webhook', operation: 'updateUrl', flow: 'entity', webhookUrl: WEBHOOK_URL, webhookMode: 1 });

		expect(requestLines(api.requests)).toEqual(Array(3).fill('POST /v1/entity/update_webhook/'));
		expect(api.requests.map((request) => JSON.parse(request.body))).toEqual(Array(3).fill({ webhook_url: WEBHOOK_URL, webhook_mode: 1 }));
		expect(items).toEqual([paired({ flow: 'entity', webhook_url: WEBHOOK_URL, webhook_mode: 1, message: 'success' })]);
	});

	test('a refusal keeps BankConnect\'s answer and status', async () => {
		const api = mockApi();
		api.scope.post(apiPath('/v1/session_data/update_webhook/')).reply(403, { error: { code: 'ACCESS_DENIED', message: 'Webhooks are not enabled' } });

		const error = await runNodeFailing({ resource: 'webhook', operation: 'updateUrl', flow: 'session', webhookUrl: WEBHOOK_URL });

		expectApiError(error, { message: 'ACCESS_DENIED: Webhooks are not enabled', httpCode: '403', description: ['code ACCESS_DENIED'] });
	});
});

describe('Webhook → Get Missed Payloads', () => {
	const mockPayloads = () => {
		const api = mockApi();
		for (const [linkId, payloads] of Object.entries(PAYLOADS_BY_LINK)) {
			api.scope.get(apiPath('/v1/entity/webhook_payloads/')).query({ link_id: linkId }).reply(200, { payloads });
		}
		return api;
	};
	const [l1New, l1Old] = PAYLOADS_BY_LINK['loan-1'];
	const [l2New, l2Old] = PAYLOADS_BY_LINK['loan-2'];

	test('reads every link ID (comma or newline separated, repeats once) and outputs the payloads newest first', async () => {
		const api = mockPayloads();

		const items = await runNodeOk({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: 'loan-1,\n loan-2 , loan-1', options: {} });

		expect(requestLines(api.requests)).toEqual(['GET /v1/entity/webhook_payloads/?link_id=loan-1', 'GET /v1/entity/webhook_payloads/?link_id=loan-2']);
		expectAuthenticated(api.requests[0]);
		expect(items).toEqual([l2New, l1New, l2Old, l1Old].map(paired));
	});

	test('a list of link IDs from an expression works too', async () => {
		mockPayloads();

		const items = await runNodeOk({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: "={{ ['loan-2', 'loan-1'] }}", options: {} });

		expect(items.map((item) => item.json.statement_id)).toEqual(['st-4', 'st-3', 'st-2', 'st-1']);
	});

	test.each([
		['After a date-time', { after: '2026-11-20T10:00:00' }, ['st-4', 'st-3', 'st-2']],
		['After a date only (midnight)', { after: '2026-11-21' }, ['st-4', 'st-3']],
		['After the exact time of a payload excludes it', { after: '2026-11-21 09:00:00' }, ['st-4']],
		['Completed only', { progress: 'completed' }, ['st-4', 'st-2', 'st-1']],
		['Failed only', { progress: 'failed' }, ['st-3']],
		['After and Completed', { after: '2026-11-20T09:00:00', progress: 'completed' }, ['st-4', 'st-2']],
	])('%s', async (_name, options, statementIds) => {
		mockPayloads();

		const items = await runNodeOk({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: 'loan-1, loan-2', options });

		expect(items.map((item) => item.json.statement_id)).toEqual(statementIds);
	});

	test.each([
		['blank', ' , \n ', 'Link IDs', 'must name at least one link ID'],
	])('Link IDs %s are refused', async (_name, linkIds, field, problem) => {
		const api = watchApi();

		const error = await runNodeFailing({ resource: 'webhook', operation: 'getMissedPayloads', linkIds, options: {} });

		expectBadInput(error, field, problem);
		expect(api.requests).toEqual([]);
	});

	test('an After that is not a date-time is refused', async () => {
		const api = watchApi();

		const error = await runNodeFailing({ resource: 'webhook', operation: 'getMissedPayloads', linkIds: 'loan-1', options: { after: '={{ "yesterday" }}' } });

		expectBadInput(error, 'After', 'must be a date and time, e.g. 2026-11-20 09:30:00');
		expect(api.requests).toEqual([]);
	});
});
