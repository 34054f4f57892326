/**
 * The session side of FinBox's current API through the engine against the sandbox process: a V2
 * session with an AA journey, consents and metadata; an upload that leaves the bank to
 * BankConnect; then every per-type read (waiting for processing), Get Insights in every output mode
 * on today's shape, and Get Status's insights_available.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { binaryDataService } from '../../harness/engine';
import { runNodeFailing, runNodeOk } from '../../harness/runNode';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { contentOf } from '../statement/helpers';
import { sampleUrl } from './helpers';

jest.setTimeout(120_000);

const KOTAK = { bank: 'kotak', months: 2, seed: 'current-api-kotak' };

let sandbox: SandboxProcess;
let sessionId: string;
let accountId: string;

const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
const session = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'session',
	operation,
	sessionId,
	waitForCompletion: true,
	maxWaitSeconds: 60,
	...parameters,
});

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '100']);
	const [created] = await runNodeOk(
		{
			resource: 'session',
			operation: 'create',
			apiVersion: 'v2',
			linkId: 'loan-application-v2',
			redirectUrl: 'https://lender.example/done',
			additionalFields: {},
			v2Options: {
				aaJourneyCode: 'BCAA003',
				consents: { consent: [{ code: 'CC0004', consentExpiry: '={{ $today.plus({ years: 1 }).toFormat("dd/MM/yyyy") }}' }] },
				names: 'Asha Rao',
				employerNames: 'Acme Pvt Ltd',
			},
		},
		{ sandbox },
	);
	sessionId = created.json.session_id as string;
	expect(created.json.redirect_url).toMatch(new RegExp(`session_id=${sessionId}&token=[0-9a-f]{64}$`));

	// Detect Automatically: no bank_name is sent, BankConnect finds the bank
	const [uploaded] = await runNodeOk(
		{ resource: 'statement', operation: 'upload', source: 'url', fileUrl: sampleUrl(sandbox, KOTAK), bankMode: 'detect', target: 'session', sessionId },
		{ sandbox },
	);
	expect(uploaded.json).toMatchObject({ session_id: sessionId, bank_name: 'kotak' });
	accountId = uploaded.json.account_id as string;
	await runNodeOk({ resource: 'session', operation: 'initiateProcessing', sessionId, processAndWait: false }, { sandbox });
});

afterAll(async () => {
	await sandbox?.stop();
});

test('the V2 session kept the journey, consents and metadata the node sent', async () => {
	const kept = (await (await fetch(`${sandbox.origin}/__sandbox/sessions/${sessionId}`)).json()) as Record<string, unknown>;
	expect(kept).toMatchObject({
		api_version: 2,
		link_id: 'loan-application-v2',
		aa_journey_code: 'BCAA003',
		metadata: { names: ['Asha Rao'], employer_names: ['Acme Pvt Ltd'], companies_for_self_transfer: [] },
	});
	expect(Object.keys(kept.consents as object).sort()).toEqual(['CC0003', 'CC0004']);
});

test('a V2 refusal by BankConnect arrives with its code', async () => {
	const error = await runNodeFailing(
		{ resource: 'session', operation: 'create', apiVersion: 'v2', linkId: 'v2-aa-sbi', redirectUrl: '', additionalFields: { bankName: 'sbi', mode: 'aa' }, v2Options: {} },
		{ sandbox },
	);
	expect(error.name).toBe('NodeApiError');
	expect(error.message).toMatch(/^MODE_NOT_AVAILABLE: /);
	expect(error.httpCode).toBe('400');
});

test('Get Identity waits for processing, then one item per account holder', async () => {
	const content = contentOf(KOTAK);
	const identities = jsonOf(await runNodeOk(session('getIdentity', { output: 'split' }), { sandbox }));
	expect(identities).toEqual([
		expect.objectContaining({ session_id: sessionId, account_id: accountId, name: content.identity.name, account_number: content.identity.account_number, bank_name: 'kotak' }),
	]);
});

test('the reads FinBox does not publish: one whole item each, for this session', async () => {
	const transactions = jsonOf(await runNodeOk(session('getTransactions'), { sandbox }));
	expect(transactions).toHaveLength(1);
	expect(transactions[0].session_id).toBe(sessionId);
	expect((transactions[0].transactions as unknown[]).length).toBe(contentOf(KOTAK).lines.length);
	for (const [operation, key] of [
		['getRecurringTransactions', 'recurring_transactions'],
		['getPredictors', 'predictors'],
		['getEodBalances', 'eod_balances'],
		['getMonthlyAnalysis', 'monthly_analysis'],
	]) {
		const [item, ...rest] = jsonOf(await runNodeOk(session(operation), { sandbox }));
		expect([operation, rest]).toEqual([operation, []]);
		expect(item).toMatchObject({ session_id: sessionId, [key]: expect.anything() });
	}
});

test('Get Excel Report downloads the account’s detailed workbook', async () => {
	const items = await runNodeOk(session('getExcelReport', { binaryPropertyName: 'data' }), { sandbox });
	expect(items.map((item) => item.json)).toEqual([{ session_id: sessionId, account_id: accountId, bank: null, account_number: null, file_name: `bank_${accountId}.xlsx` }]);
	const service = await binaryDataService();
	expect((await service.getAsBuffer(items[0].binary!.data)).subarray(0, 2).toString()).toBe('PK');
});

test('Get Insights on today’s shape, every output mode; Get Status says insights are available', async () => {
	const lines = contentOf(KOTAK).lines;
	const [whole] = jsonOf(await runNodeOk(session('getInsights', { output: 'whole' }), { sandbox }));
	expect(whole).toMatchObject({ session_id: sessionId, link_id: 'loan-application-v2', accounts: [{ account_id: accountId, data: expect.any(Object) }] });
	const accounts = jsonOf(await runNodeOk(session('getInsights', { output: 'accounts' }), { sandbox }));
	expect(accounts.map((account) => [account.session_id, account.account_id])).toEqual([[sessionId, accountId]]);
	const rows = jsonOf(await runNodeOk(session('getInsights', { output: 'transactions' }), { sandbox }));
	expect(rows).toHaveLength(lines.length);
	expect(rows.every((row) => row.session_id === sessionId && row.account_id === accountId)).toBe(true);
	const months = jsonOf(await runNodeOk(session('getInsights', { output: 'monthlyBalances' }), { sandbox }));
	expect(months.length).toBeGreaterThanOrEqual(KOTAK.months);
	expect(months.every((row) => row.account_id === accountId && typeof row.closing_balance === 'number')).toBe(true);

	const [status] = jsonOf(await runNodeOk({ resource: 'session', operation: 'getStatus', sessionId }, { sandbox }));
	expect(status.insights_available).toBe(true);
});
