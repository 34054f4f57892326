/**
 * The entity reads of FinBox's current docs, the Account ID filter, the bank catalogue and banks
 * beyond the old 24, through the engine against the sandbox process: one entity with an HDFC and a
 * Bandhan account, each read checked against the others (same accounts, same months, same money).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { binaryDataService, singleNodeWorkflow } from '../../harness/engine';
import { loadOptions } from '../../harness/loadOptions';
import { runNodeFailing, runNodeOk, runWithTestCredentials, upload } from '../../harness/runNode';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { sampleUrl } from '../session/helpers';

jest.setTimeout(120_000);

let sandbox: SandboxProcess;
let entityId: string;
let accounts: Array<{ account_id: string; bank: string; months: string[] }>;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-03" → "Mar-2026", as the monthly analysis names months. */
const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]}-${month.slice(0, 4)}`;

const read = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'analysis',
	operation,
	entityId,
	waitForCompletion: true,
	maxWaitSeconds: 60,
	output: 'split',
	...parameters,
});

const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '100']);
	const [first] = await runNodeOk(
		upload({ source: 'url', fileUrl: sampleUrl(sandbox, { bank: 'hdfc', months: 3, seed: 'current-reads-hdfc' }), bankMode: 'known', bankName: 'hdfc', target: 'newEntity', then: 'none' }),
		{ sandbox },
	);
	entityId = first.json.entity_id as string;
	// bandhan was refused before sending when only 24 identifiers were accepted
	const uploaded = await runNodeOk(
		upload({ source: 'url', fileUrl: sampleUrl(sandbox, { bank: 'bandhan', months: 2, seed: 'current-reads-bandhan' }), bankMode: 'known', bankName: 'BANDHAN', target: 'entity', entityId, then: 'accounts', maxWaitSeconds: 60, output: 'split' }),
		{ sandbox },
	);
	accounts = jsonOf(uploaded) as typeof accounts;
	expect(accounts.map((account) => account.bank).sort()).toEqual(['bandhan', 'hdfc']);
});

afterAll(async () => {
	await sandbox?.stop();
});

test('Get Monthly Analysis: one item per account and month of the accounts; both paths read alike', async () => {
	const rows = jsonOf(await runNodeOk(read('monthlyAnalysis'), { sandbox }));
	const expected = accounts.flatMap((account) => account.months.map((month) => [account.account_id, monthName(month)]));
	expect(rows.map((row) => [row.account_id, row.month]).sort()).toEqual(expected.sort());
	for (const row of rows) {
		expect(row.entity_id).toBe(entityId);
		expect(typeof row.opening_balance).toBe('number');
		expect(typeof row.closing_balance).toBe('number');
		expect(Object.keys(row).length).toBeGreaterThan(50);
	}
	const legacy = jsonOf(await runNodeOk(read('monthlyAnalysis', { path: 'legacy' }), { sandbox }));
	expect(legacy).toEqual(rows);
});

test('Get Expense Categories: whole percents adding up to 100, for the entity and for one account', async () => {
	const all = jsonOf(await runNodeOk(read('expenseCategories'), { sandbox }));
	const hdfc = accounts.find((account) => account.bank === 'hdfc')!;
	const one = jsonOf(await runNodeOk(read('expenseCategories', { accountId: hdfc.account_id }), { sandbox }));
	for (const categories of [all, one]) {
		expect(categories.length).toBeGreaterThan(0);
		expect(categories.every((row) => row.entity_id === entityId && Number.isInteger(row.percentage))).toBe(true);
		expect(categories.reduce((sum, row) => sum + (row.percentage as number), 0)).toBe(100);
	}
});

test('Account ID keeps one account’s transactions', async () => {
	const all = jsonOf(await runNodeOk(read('transactions'), { sandbox }));
	const bandhan = accounts.find((account) => account.bank === 'bandhan')!;
	const one = jsonOf(await runNodeOk(read('transactions', { accountId: bandhan.account_id }), { sandbox }));
	expect(one.length).toBeGreaterThan(0);
	expect(one.map((row) => row.hash)).toEqual(all.filter((row) => row.account_id === bandhan.account_id).map((row) => row.hash));
});

test('Get Top Credits and Debits: at most five a month in each direction, largest first', async () => {
	const rows = jsonOf(await runNodeOk(read('topCreditsDebits'), { sandbox }));
	expect(new Set(rows.map((row) => row.direction))).toEqual(new Set(['credit', 'debit']));
	const groups = new Map<string, number[]>();
	for (const row of rows) groups.set(`${row.direction as string} ${row.month as string}`, [...(groups.get(`${row.direction as string} ${row.month as string}`) ?? []), row.amount as number]);
	for (const amounts of groups.values()) {
		expect(amounts.length).toBeLessThanOrEqual(5);
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
	}
});

test('Get Predictors and Get Score: one item per account', async () => {
	const ids = accounts.map((account) => account.account_id).sort();
	const predictors = jsonOf(await runNodeOk(read('predictors'), { sandbox }));
	expect(predictors.map((row) => row.account_id).sort()).toEqual(ids);
	expect(predictors.every((row) => row.entity_id === entityId && typeof row.start_date === 'string')).toBe(true);
	const scores = jsonOf(await runNodeOk(read('score'), { sandbox }));
	expect(scores.map((row) => row.account_id).sort()).toEqual(ids);
	expect(scores.every((row) => (row.score as number) >= 300 && (row.score as number) <= 900)).toBe(true);
});

test('Get Excel Report on a new node: each account’s detailed workbook downloaded', async () => {
	const run = await runWithTestCredentials(
		singleNodeWorkflow({ resource: 'analysis', operation: 'excelReport', entityId, waitForCompletion: true, maxWaitSeconds: 60, binaryPropertyName: 'report' }, { typeVersion: 1.1 }),
		{ sandbox },
	);
	expect(run.nodeError('BankConnect')).toBeUndefined();
	const items = run.output('BankConnect');
	expect(items.map((item) => item.json.account_id).sort()).toEqual(accounts.map((account) => account.account_id).sort());
	const service = await binaryDataService();
	for (const item of items) expect((await service.getAsBuffer(item.binary!.report)).subarray(0, 2).toString()).toBe('PK');
});

test('a well-formed identifier BankConnect does not know goes out, and its refusal comes back', async () => {
	const error = await runNodeFailing(
		upload({ source: 'url', fileUrl: sampleUrl(sandbox, { bank: 'hdfc', months: 1, seed: 'unknown-bank' }), bankMode: 'known', bankName: 'nosuchbank', target: 'newEntity', then: 'none' }),
		{ sandbox },
	);
	expect(error.name).toBe('NodeApiError');
	expect(error.message).toBe('bank_name: "nosuchbank" is not a valid choice.');
	expect(error.httpCode).toBe('400');
});

test('the bank dropdown lists the sandbox’s catalogue of 346 with the modes of each bank', async () => {
	const options = await loadOptions('getBanks', { resource: 'session', operation: 'create' }, { sandbox });
	expect(options).toHaveLength(346);
	expect(options).toContainEqual({ name: 'Bandhan Bank (bandhan)', value: 'bandhan', description: 'PDF upload, Account Aggregator' });
	expect(options).toContainEqual({ name: 'State Bank of India (sbi)', value: 'sbi', description: 'PDF upload, net banking' });
	expect(options).toContainEqual({ name: 'HDFC Bank (hdfc)', value: 'hdfc', description: 'PDF upload, net banking, Account Aggregator' });
});
