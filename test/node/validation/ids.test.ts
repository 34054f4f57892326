/**
 * IDs cannot change the URL path: every operation that puts an entity or session ID in a path (or
 * in an upload's target) refuses `.`, `..`, anything outside a BankConnect ID's characters, control
 * characters and non-text values, naming the field and the item, and sends nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { BankConnect } from '../../../nodes/BankConnect/BankConnect.node';
import { watchApi, resetNetwork } from '../../harness/bankConnectApi';
import { badInputItem, runNode } from '../../harness/runNode';

beforeEach(resetNetwork);

const CHARSET = 'may hold only letters, digits, "-", "_", "." and "~", as a BankConnect ID does';

/** [the value the ID expression gives, the problem the node names]. */
const BAD_IDS: Array<[unknown, string]> = [
	['.', 'cannot be ".": a BankConnect ID is not made of dots'],
	['..', 'cannot be "..": a BankConnect ID is not made of dots'],
	['...', 'cannot be "...": a BankConnect ID is not made of dots'],
	['../v1', `${CHARSET} (got "../v1")`],
	['e-1/../../v1', `${CHARSET} (got "e-1/../../v1")`],
	['a?b=c', `${CHARSET} (got "a?b=c")`],
	['a#b', `${CHARSET} (got "a#b")`],
	['%2e%2e', `${CHARSET} (got "%2e%2e")`],
	['a b', `${CHARSET} (got "a b")`],
	['tab\there', `${CHARSET} (got "tab\\there")`],
	['nul\u0000x', `${CHARSET} (got "nul\\u0000x")`],
	['line\r\nbreak', `${CHARSET} (got "line\\r\\nbreak")`],
	['café', `${CHARSET} (got "café")`],
	['x'.repeat(129), 'is too long for a BankConnect ID (at most 128 characters)'],
	[{ id: 'e-1' }, 'must be text (got an object)'],
	[['e-1'], 'must be text (got a list)'],
	[true, 'must be text (got true)'],
	['', 'must not be empty'],
	['   ', 'must not be empty'],
	[null, 'must not be empty'],
];

const ENTITY_OPERATIONS: Array<[string, Record<string, unknown>]> = [
	['Entity → Get', { resource: 'entity', operation: 'get' }],
	['Entity → Get PDFs', { resource: 'entity', operation: 'getPdfs', download: false }],
	...[
		'accounts',
		'identity',
		'transactions',
		'salary',
		'recurringTransactions',
		'lenderTransactions',
		'monthlyAnalysis',
		'expenseCategories',
		'topCreditsDebits',
		'predictors',
		'score',
		'waitForAnalysis',
	].map((operation): [string, Record<string, unknown>] => [`Analysis → ${operation}`, { resource: 'analysis', operation, waitForCompletion: false }]),
	['Analysis → Get Excel Report', { resource: 'analysis', operation: 'excelReport', waitForCompletion: false, binaryPropertyName: 'report' }],
	[
		'Statement → Upload to an entity',
		{ resource: 'statement', operation: 'upload', source: 'url', fileUrl: 'https://files.example.com/s.pdf', bankMode: 'detect', target: 'entity', identity: false },
	],
];

const SESSION_OPERATIONS: Array<[string, Record<string, unknown>]> = [
	...[
		'getUploadStatus',
		'initiateProcessing',
		'getProgress',
		'getStatus',
		'getInsights',
		'delete',
		'getIdentity',
		'getTransactions',
		'getRecurringTransactions',
		'getMonthlyAnalysis',
		'getEodBalances',
		'getPredictors',
	].map((operation): [string, Record<string, unknown>] => [`Session → ${operation}`, { resource: 'session', operation }]),
	['Session → Get PDFs', { resource: 'session', operation: 'getPdfs', download: false }],
	['Session → Get Excel Report', { resource: 'session', operation: 'getExcelReport', binaryPropertyName: 'report' }],
	[
		'Statement → Upload to a session',
		{ resource: 'statement', operation: 'upload', source: 'url', fileUrl: 'https://files.example.com/s.pdf', bankMode: 'detect', target: 'session', identity: false },
	],
];

const startItems = BAD_IDS.map(([id]) => ({ json: { id } as IDataObject }));

describe.each([
	['Entity ID', 'entityId', ENTITY_OPERATIONS],
	['Session ID', 'sessionId', SESSION_OPERATIONS],
])('%s', (field, parameter, operations) => {
	test.each(operations)('%s refuses every unsafe ID by item, and sends nothing', async (_name, parameters) => {
		const api = watchApi();

		const { error, run } = await runNode({ ...parameters, [parameter]: '={{ $json.id }}' }, { startItems, continueOnFail: true });

		expect(error).toBeUndefined();
		// Wait for Analysis sends its error items to Failed, its third output
		const items = run.outputAt('BankConnect', parameters.operation === 'waitForAnalysis' ? 2 : 0);
		expect(items).toEqual(BAD_IDS.map(([, problem], index) => badInputItem(field, problem, index)));
		expect(api.requests).toEqual([]);
	});
});

test('every operation with an Entity ID or Session ID field is in the lists above', () => {
	const listed = (operations: Array<[string, Record<string, unknown>]>) =>
		new Set(operations.map(([, parameters]) => `${parameters.resource}.${parameters.operation}`));
	const withField = (name: string) =>
		new Set(
			new BankConnect().description.properties
				.filter((field) => field.name === name)
				.flatMap((field) => {
					const show = field.displayOptions?.show ?? {};
					return ((show.resource ?? []) as string[]).flatMap((resource) => ((show.operation ?? []) as string[]).map((operation) => `${resource}.${operation}`));
				}),
		);
	expect([...withField('entityId')].sort()).toEqual([...listed(ENTITY_OPERATIONS)].sort());
	expect([...withField('sessionId')].sort()).toEqual([...listed(SESSION_OPERATIONS)].sort());
});
