import type { IDataObject } from 'n8n-workflow';

import type { AnalysisField } from '../../../nodes/BankConnect/api/types';
import {
	ENVELOPE,
	HDFC,
	IDENTITIES,
	LENDER,
	RECURRING,
	RESPONSES,
	SALARY,
	SBI,
	TRANSACTIONS,
	TRANSACTION_FLAGS,
} from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, expectAuthenticated, mockApi, requestLines, resetNetwork } from '../../harness/bankConnectApi';
import { expectApiError, runNodeFailing, runNodeOk } from '../../harness/runNode';
import { SECRETS } from '../../harness/secrets';

const CLEAN = { is_fraud: false, fraud_types: '' };
/** HDFC has one statement with a flagged transaction; SBI's only statement is fraudulent as a whole. */
const ACCOUNT_FLAGS: Record<string, IDataObject> = {
	[HDFC.account_id]: { is_fraud: true, fraud_types: 'inconsistent_transaction' },
	[SBI.account_id]: { is_fraud: true, fraud_types: 'author_fraud' },
};

interface ReadCase {
	operation: string;
	field: AnalysisField;
	/** The json of each split item. */
	split: IDataObject[];
}

const withEntity = (record: object): IDataObject => ({ entity_id: ENTITY_ID, ...record });

const READS: ReadCase[] = [
	{
		operation: 'accounts',
		field: 'accounts',
		split: [HDFC, SBI].map((account) => withEntity({ ...account, ...ACCOUNT_FLAGS[account.account_id] })),
	},
	{
		operation: 'identity',
		field: 'identity',
		split: IDENTITIES.map((identity) => withEntity({ ...identity, ...ACCOUNT_FLAGS[identity.account_id] })),
	},
	{
		operation: 'transactions',
		field: 'transactions',
		split: TRANSACTIONS.map((transaction, index) => withEntity({ ...transaction, ...TRANSACTION_FLAGS[index] })),
	},
	{
		operation: 'salary',
		field: 'salary',
		split: SALARY.map((transaction) => withEntity({ ...transaction, ...CLEAN })),
	},
	{
		operation: 'recurringTransactions',
		field: 'recurring_transactions',
		split: [
			withEntity({ direction: 'credit', ...RECURRING.credit_transactions[0], transaction_count: 2, ...CLEAN }),
			withEntity({ direction: 'debit', ...RECURRING.debit_transactions[0], transaction_count: 1, is_fraud: true, fraud_types: 'author_fraud' }),
		],
	},
	{
		operation: 'lenderTransactions',
		field: 'lender_transactions',
		split: LENDER.map((transaction) => withEntity({ ...transaction, is_fraud: true, fraud_types: 'author_fraud' })),
	},
];

const read = (operation: string, output: 'split' | 'whole', entityId = ENTITY_ID) => ({
	resource: 'analysis',
	operation,
	entityId,
	waitForCompletion: false,
	output,
});

beforeEach(resetNetwork);

describe.each(READS)('Analysis → $operation', ({ operation, field, split }) => {
	const path = `/v1/entity/${ENTITY_ID}/${field}/`;

	test(`GETs ${field}/ and splits it into items carrying entity_id, account_id and fraud flags`, async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, RESPONSES[field]);

		const items = await runNodeOk(read(operation, 'split'), { credentials: { signingSecret: SECRETS.signingSecret } });

		expect(requestLines(api.requests)).toEqual([`GET ${path}`]);
		expectAuthenticated(api.requests[0], true);
		expect(items).toEqual(split.map((json) => ({ json, pairedItem: { item: 0 } })));
		for (const item of items) expect(item.json.account_id).toEqual(expect.any(String));
	});

	test('Whole Response outputs the response, fraud block included, as one item', async () => {
		const api = mockApi();
		api.scope.get(apiPath(path)).reply(200, RESPONSES[field]);

		const items = await runNodeOk(read(operation, 'whole'));

		expect(items).toEqual([{ json: RESPONSES[field], pairedItem: { item: 0 } }]);
		expect(items[0].json.fraud).toEqual(ENVELOPE.fraud);
	});

	test('an unknown entity says "entity <id> not found"', async () => {
		mockApi().scope.get(apiPath(`/v1/entity/ghost/${field}/`)).reply(404, { detail: 'Not found.' });

		expectApiError(await runNodeFailing(read(operation, 'split', 'ghost')), { message: 'entity ghost not found', httpCode: '404' });
	});
});

test('each input item reads its own entity and its items are paired with it', async () => {
	const api = mockApi();
	api.scope.get(apiPath('/v1/entity/e-a/transactions/')).reply(200, { ...RESPONSES.transactions, entity_id: 'e-a', transactions: TRANSACTIONS.slice(0, 2) });
	api.scope.get(apiPath('/v1/entity/e-b/transactions/')).reply(200, { ...RESPONSES.transactions, entity_id: 'e-b', transactions: TRANSACTIONS.slice(2) });

	const items = await runNodeOk(read('transactions', 'split', '={{ $json.entity }}'), {
		startItems: [{ json: { entity: 'e-a' } }, { json: { entity: 'e-b' } }],
	});

	expect(items.map((item) => [item.json.entity_id, item.json.hash, item.pairedItem])).toEqual([
		['e-a', 'txn-h1', { item: 0 }],
		['e-a', 'txn-h2', { item: 0 }],
		['e-b', 'txn-s1', { item: 1 }],
	]);
});
