/**
 * Every BankConnect node of every example workflow, checked against this package's node descriptions
 * the way the n8n editor reads them: a parameter the description lacks or hides for the chosen
 * resource/operation would be dropped on import, and an option value it does not offer would break
 * on the canvas. (The nodes of n8n-nodes-base are checked in test/app/examplesAgainstNodesBase.n8n.ts.)
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodePropertyCollection, INodeTypeDescription, NodeParameterValue } from 'n8n-workflow';

import { BankConnect } from '../../nodes/BankConnect/BankConnect.node';
import { BankConnectTrigger } from '../../nodes/BankConnect/BankConnectTrigger.node';
import { REPO_ROOT } from '../harness/repository';

const EXAMPLES = join(REPO_ROOT, 'examples');
const DESCRIPTIONS: Record<string, INodeTypeDescription> = {
	'n8n-nodes-bankconnect.bankConnect': new BankConnect().description,
	'n8n-nodes-bankconnect.bankConnectTrigger': new BankConnectTrigger().description,
};

type ExampleNode = Pick<INode, 'name' | 'type' | 'typeVersion' | 'parameters' | 'credentials'>;

function exampleFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return exampleFiles(path);
		return entry.name.endsWith('.json') ? [path] : [];
	});
}

function isRecord(value: unknown): value is INodeParameters {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of the keys the example sets that n8n drops (unknown, or hidden by displayOptions). */
function droppedKeys(given: unknown, kept: unknown, path: string): string[] {
	if (Array.isArray(given)) return given.flatMap((value, index) => droppedKeys(value, Array.isArray(kept) ? kept[index] : undefined, `${path}[${index}]`));
	if (!isRecord(given)) return [];
	const keptRecord = isRecord(kept) ? kept : {};
	return Object.entries(given).flatMap(([key, value]) => (key in keptRecord ? droppedKeys(value, keptRecord[key], `${path}.${key}`) : [`${path}.${key}`.slice(1)]));
}

/** Plain option values (not expressions, not loaded from the API) the shown property does not offer. */
function invalidOptions(properties: INodeProperties[], values: INodeParameters, node: Pick<INode, 'typeVersion'>, description: INodeTypeDescription, root: INodeParameters, path: string): string[] {
	return properties.flatMap((property) => {
		if (!(property.name in values)) return [];
		if (!NodeHelpers.displayParameter(path === '' ? root : values, property, node, description, root)) return [];
		const value = values[property.name];
		const where = `${path}${property.name}`;
		const loaded = property.typeOptions?.loadOptionsMethod ?? property.typeOptions?.loadOptions;
		if ((property.type === 'options' || property.type === 'multiOptions') && !loaded && Array.isArray(property.options)) {
			const allowed = (property.options as Array<{ value?: NodeParameterValue }>).map((option) => option.value);
			const chosen = (Array.isArray(value) ? value : [value]).filter((one) => !(typeof one === 'string' && one.startsWith('=')));
			return chosen.filter((one) => !allowed.includes(one as NodeParameterValue)).map((one) => `${where} = ${JSON.stringify(one)}`);
		}
		if (property.type === 'collection' && isRecord(value)) return invalidOptions(property.options as INodeProperties[], value, node, description, root, `${where}.`);
		if (property.type === 'fixedCollection' && isRecord(value)) {
			return (property.options as INodePropertyCollection[]).flatMap((group) => {
				const entries = ([] as unknown[]).concat((value as INodeParameters)[group.name] ?? []);
				return entries.flatMap((entry, index) => (isRecord(entry) ? invalidOptions(group.values, entry, node, description, root, `${where}.${group.name}[${index}].`) : []));
			});
		}
		return [];
	});
}

function problemsOf(node: ExampleNode): string[] {
	const description = DESCRIPTIONS[node.type];
	if (!description) return [`no node type ${node.type}`];
	if (!([] as number[]).concat(description.version).includes(node.typeVersion)) return [`${node.type} has no typeVersion ${node.typeVersion}`];
	const kept = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	return [
		...droppedKeys(node.parameters, kept, '').map((path) => `parameter ${path} is unknown or hidden`),
		...invalidOptions(description.properties, node.parameters, node, description, kept, '').map((issue) => `invalid option ${issue}`),
		...Object.keys(node.credentials ?? {})
			.filter((name) => !(description.credentials ?? []).some((credential) => credential.name === name))
			.map((name) => `credential ${name} is not the node's`),
	];
}

const cases = exampleFiles(EXAMPLES).flatMap((file) =>
	(JSON.parse(readFileSync(file, 'utf8')) as { nodes: ExampleNode[] }).nodes
		.filter((node) => node.type.startsWith('n8n-nodes-bankconnect.'))
		.map((node): [string, string, ExampleNode] => [relative(EXAMPLES, file), node.name, node]),
);

test('the examples, main-job/ included, use both BankConnect nodes', () => {
	expect(new Set(cases.map(([, , node]) => node.type))).toEqual(new Set(Object.keys(DESCRIPTIONS)));
	expect(cases.map(([file, name]) => `${file} › ${name}`)).toEqual(
		expect.arrayContaining([
			'04-customer-journey.json › Create Session',
			'04-customer-journey.json › Session Completed',
			'04-customer-journey.json › Process and Get Transactions',
			'05-replay-missed-webhooks.json › Get Missed Payloads',
			'05-replay-missed-webhooks.json › Get Salary',
			'main-job/statement-to-excel.json › Get Excel Report',
			'main-job/password-protected-statement.json › Get Transactions',
			'main-job/banks-down.json › Banks That Are Down',
		]),
	);
});

test.each(cases)('%s › %s: every parameter is one the node shows, with a value it offers', (_file, _name, node) => {
	expect(problemsOf(node)).toEqual([]);
});

test('the check finds a mistyped parameter, one hidden for the operation, a value not offered and a wrong version', () => {
	const node = { name: 'X', type: 'n8n-nodes-bankconnect.bankConnect', typeVersion: 1, credentials: { bankConnectApi: { id: '', name: 'x' } } };
	expect(problemsOf({ ...node, parameters: { resource: 'session', operation: 'create', linkId: 'a', redirectUrl: 'https://x.test', additionalFields: { mobilNumber: '1' } } })).toEqual([
		'parameter additionalFields.mobilNumber is unknown or hidden',
	]);
	expect(problemsOf({ ...node, parameters: { resource: 'webhook', operation: 'getMissedPayloads', linkIds: 'a', webhookMode: 1 } })).toEqual(['parameter webhookMode is unknown or hidden']);
	expect(problemsOf({ ...node, parameters: { resource: 'webhook', operation: 'getMissedPayloads', linkIds: 'a', options: { progress: 'done' } } })).toEqual([
		'invalid option options.progress = "done"',
	]);
	expect(problemsOf({ ...node, parameters: { resource: 'session', operation: 'initiateProcessing', sessionId: 's', processAndWait: true, output: 'everything' } })).toEqual([
		'invalid option output = "everything"',
	]);
	expect(problemsOf({ ...node, typeVersion: 3, parameters: {} })).toEqual(['n8n-nodes-bankconnect.bankConnect has no typeVersion 3']);
	expect(problemsOf({ ...node, credentials: { slackApi: { id: '', name: 'x' } }, parameters: { resource: 'webhook', operation: 'getMissedPayloads', linkIds: 'a' } })).toEqual([
		"credential slackApi is not the node's",
	]);
});

/** The version a node added today gets: the description's defaultVersion, or its only (or latest) version. */
function currentVersionOf(description: INodeTypeDescription): number {
	return description.defaultVersion ?? Math.max(...([] as number[]).concat(description.version));
}

/** Every example workflow, the demo's of main-job/ too: each is imported into n8n as it is, and its nodes get this version. */
test.each(cases)('%s › %s: at the node’s current version, the one a node added today gets', (_file, _name, node) => {
	expect(node.typeVersion).toBe(currentVersionOf(DESCRIPTIONS[node.type]));
});
