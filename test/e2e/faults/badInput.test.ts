/**
 * 200+ bad-input cases across the operations, table-driven: each bad value reaches the node through
 * an expression on an input item; every one must come back as an item-level error naming the
 * field (continueOnFail), with no crash and the good items of the same run answered normally.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../../harness/runNode';
import { sampleStatement } from '../../harness/sandboxClient';
import type { SandboxProcess } from '../../harness/sandboxProcess';
import { createAnalysedEntity, createEntity, startFaultSandbox, underFaults } from './faultSandbox';

let sandbox: SandboxProcess;
let entityId: string;
let otherEntityId: string;
/** An entity whose statement is analysed: waiting on an entity without statements never completes. */
let analysedEntityId: string;
let pdfBase64: string;

beforeAll(async () => {
	sandbox = await startFaultSandbox();
	entityId = await createEntity(sandbox);
	otherEntityId = await createEntity(sandbox);
	pdfBase64 = (await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 1, seed: 'bad-input' })).toString('base64');
	const analysedPdf = (await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 1, seed: 'bad-input-analysed' })).toString('base64');
	analysedEntityId = await createAnalysedEntity(sandbox, analysedPdf);
});

afterAll(async () => {
	await sandbox?.stop();
});

/** One field of one operation, the bad values it must refuse, and what a good item looks like. */
interface Group {
	name: string;
	parameters: Record<string, unknown>;
	/** the field's display name, as the error must name it */
	field: string;
	bad: unknown[];
	good: () => unknown;
	/** the last good item's value when it must differ from the first (two uploads of one file to one entity are a duplicate) */
	lastGood?: () => unknown;
}

const EMPTY_TEXTS = ['', '   ', '\n\t', '\u00a0', null, {}, [], true];
const MAX_WAITS = [0, -5, 3601, 99999, 'soon', '60s', null, 0.5];
const ANALYSIS_OPERATIONS = ['accounts', 'identity', 'transactions', 'salary', 'recurringTransactions', 'lenderTransactions', 'excelReport'];
const v = '={{ $json.v }}';

const groups: Group[] = [
	...ANALYSIS_OPERATIONS.map((operation) => ({
		name: `analysis ${operation}: Entity ID`,
		parameters: { resource: 'analysis', operation, entityId: v, waitForCompletion: false, output: 'whole', binaryPropertyName: 'data' },
		field: 'Entity ID',
		bad: EMPTY_TEXTS,
		good: () => analysedEntityId,
	})),
	...ANALYSIS_OPERATIONS.map((operation) => ({
		name: `analysis ${operation}: Max Wait`,
		parameters: { resource: 'analysis', operation, entityId: () => analysedEntityId, waitForCompletion: true, maxWaitSeconds: v, output: 'whole', binaryPropertyName: 'data' },
		field: 'Max Wait (Seconds)',
		bad: MAX_WAITS,
		good: () => 30,
	})),
	{
		name: 'entity get: Entity ID',
		parameters: { resource: 'entity', operation: 'get', entityId: v },
		field: 'Entity ID',
		bad: EMPTY_TEXTS,
		good: () => entityId,
	},
	{
		name: 'entity getPdfs: Entity ID',
		parameters: { resource: 'entity', operation: 'getPdfs', entityId: v, download: false },
		field: 'Entity ID',
		bad: EMPTY_TEXTS,
		good: () => entityId,
	},
	{
		name: 'entity getMany: Limit',
		parameters: { resource: 'entity', operation: 'getMany', returnAll: false, limit: v },
		field: 'Limit',
		bad: [0, -1, 1.5, 'ten', null, {}, [], '5x'],
		good: () => 1,
	},
	{
		name: 'entity linkOverview: Link ID',
		parameters: { resource: 'entity', operation: 'linkOverview', linkId: v, output: 'whole' },
		field: 'Link ID',
		bad: EMPTY_TEXTS,
		good: () => 'fault-suite',
	},
	{
		name: 'entity create: Meta Data (JSON)',
		parameters: { resource: 'entity', operation: 'create', linkId: 'bad-input', isSingleAccount: false, metaDataFormat: 'json', metaDataJson: v },
		field: 'Meta Data',
		bad: ['{oops', '[1,2]', '42', '"text"', 'null', '{"a":', [1, 2], 7],
		good: () => '{"source":"fault suite"}',
	},
	{
		name: 'entity create: Link ID',
		parameters: { resource: 'entity', operation: 'create', linkId: v, isSingleAccount: false, metaDataFormat: 'text', metaData: '' },
		field: 'Link ID',
		bad: [{}, [], { id: 1 }, true],
		good: () => 'bad-input',
	},
	{
		name: 'net banking health: Bank Names or IDs',
		parameters: { resource: 'netBankingHealth', operation: 'get', banks: v, onlyDown: false },
		field: 'Bank Names or IDs',
		bad: [['no-such-bank'], ['hdfc', 'z/z'], [''], ['  '], ['HDFC Bank Ltd']],
		good: () => ['hdfc'],
	},
	{
		name: 'statement upload: Bank Name or ID',
		parameters: { resource: 'statement', operation: 'upload', source: 'base64', base64Content: () => pdfBase64, bankMode: 'known', bankName: v, target: 'newEntity', pdfPassword: '', identity: false, then: 'none' },
		field: 'Bank Name or ID',
		bad: ['no such bank', '', '   ', 'HDFC Bank Ltd', null, 42, {}, ['hdfc']],
		good: () => 'hdfc',
	},
	{
		name: 'statement upload: Base64 Content',
		parameters: { resource: 'statement', operation: 'upload', source: 'base64', base64Content: v, bankMode: 'known', bankName: 'hdfc', target: 'newEntity', pdfPassword: '', identity: false, then: 'none' },
		field: 'Base64 Content',
		bad: ['', '   ', '@@@not base64@@@', '%%%%', Buffer.from('hello, not a pdf').toString('base64'), Buffer.from('<html></html>').toString('base64'), null, {}],
		good: () => pdfBase64,
	},
	{
		name: 'statement upload: File URL',
		parameters: { resource: 'statement', operation: 'upload', source: 'url', fileUrl: v, bankMode: 'known', bankName: 'hdfc', target: 'newEntity', pdfPassword: '', identity: false, then: 'none' },
		field: 'File URL',
		bad: ['', '  ', 'not a url', 'ftp://example.com/s.pdf', 'file:///etc/passwd', 'javascript:alert(1)', null, {}],
		good: () => `${sandbox.origin}/__sandbox/sample-statement?bank=hdfc&months=1&seed=bad-input-url`,
	},
	{
		name: 'statement upload: Entity ID of an existing entity',
		parameters: { resource: 'statement', operation: 'upload', source: 'base64', base64Content: () => pdfBase64, bankMode: 'known', bankName: 'hdfc', target: 'entity', entityId: v, pdfPassword: '', identity: false, then: 'none' },
		field: 'Entity ID',
		bad: EMPTY_TEXTS,
		good: () => entityId,
		lastGood: () => otherEntityId,
	},
	{
		name: 'statement upload: Session ID',
		parameters: { resource: 'statement', operation: 'upload', source: 'base64', base64Content: () => pdfBase64, bankMode: 'known', bankName: 'hdfc', target: 'session', sessionId: v, pdfPassword: '' },
		field: 'Session ID',
		bad: EMPTY_TEXTS,
		good: () => undefined,
	},
];

/** Parameters with thunks resolved (values known only after beforeAll). */
function resolved(parameters: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, typeof value === 'function' ? (value as () => unknown)() : value]));
}

test('the table holds at least 200 bad-input cases', () => {
	expect(groups.reduce((sum, group) => sum + group.bad.length, 0)).toBeGreaterThanOrEqual(200);
});

describe.each(groups.map((group) => [group.name, group] as const))('%s', (_name, group) => {
	test('every bad value is an item-level error naming the field; the good items are answered', async () => {
		const hasGood = group.good() !== undefined;
		const values = hasGood ? [group.good(), ...group.bad, (group.lastGood ?? group.good)()] : group.bad;
		const startItems: INodeExecutionData[] = values.map((value) => ({ json: { v: value as never } }));
		const { run, items } = await runNode(resolved(group.parameters), underFaults(sandbox, startItems));
		expect(run.nodeError('BankConnect')).toBeUndefined();
		const badIndexes = group.bad.map((_, index) => index + (hasGood ? 1 : 0));
		for (const index of badIndexes) {
			const outputs = items.filter((item) => (item.pairedItem as { item: number }).item === index);
			expect(outputs).toHaveLength(1);
			const error = outputs[0].json.error;
			expect({ value: values[index], error }).toEqual({ value: values[index], error: expect.stringContaining(group.field) });
		}
		if (hasGood) {
			for (const index of [0, values.length - 1]) {
				// one item per record: an entity without statements may give none (no PDFs, no report yet)
				const outputs = items.filter((item) => (item.pairedItem as { item: number }).item === index);
				expect(outputs.map((output) => output.json.error)).toEqual(outputs.map(() => undefined));
			}
		}
	});
});
