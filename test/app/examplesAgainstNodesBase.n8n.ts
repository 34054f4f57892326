/**
 * Every n8n-nodes-base node of every example workflow, checked against the node type descriptions
 * of the n8n-nodes-base the real app installs (2.41.1): `dist/types/nodes.json`, the file the n8n
 * editor itself renders parameters from. A mistyped parameter, an option value the node lacks or a
 * typeVersion it does not have would import silently and be dropped or break on the canvas.
 */
import { readFileSync, readdirSync } from 'fs';
import { join, relative } from 'path';

import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodePropertyCollection, INodeTypeDescription, NodeParameterValue } from 'n8n-workflow';

import { REPO_ROOT } from '../harness/repository';

const NODES_BASE = join(REPO_ROOT, '.n8n-app', 'app', 'node_modules', 'n8n-nodes-base');
const EXAMPLES = join(REPO_ROOT, 'examples');
const PREFIX = 'n8n-nodes-base.';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	credentials?: Record<string, unknown>;
}

function exampleFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return exampleFiles(path);
		return entry.name.endsWith('.json') ? [path] : [];
	});
}

const descriptions = JSON.parse(readFileSync(join(NODES_BASE, 'dist', 'types', 'nodes.json'), 'utf8')) as INodeTypeDescription[];
const nodesBaseVersion = (JSON.parse(readFileSync(join(NODES_BASE, 'package.json'), 'utf8')) as { version: string }).version;

/** The description of `type` that covers `typeVersion` (versioned nodes have one per set of versions). */
function descriptionOf(type: string, typeVersion: number): INodeTypeDescription | undefined {
	return descriptions.find(
		(description) =>
			`${PREFIX}${description.name}` === type && ([] as number[]).concat(description.version).includes(typeVersion),
	);
}

function versionsOf(type: string): number[] {
	return descriptions.filter((description) => `${PREFIX}${description.name}` === type).flatMap((description) => ([] as number[]).concat(description.version));
}

function isRecord(value: unknown): value is INodeParameters {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of keys the example sets that n8n drops: unknown to the node, or hidden by displayOptions. */
function droppedKeys(given: unknown, kept: unknown, path: string): string[] {
	if (Array.isArray(given)) {
		const keptList = Array.isArray(kept) ? kept : [];
		return given.flatMap((value, index) => droppedKeys(value, keptList[index], `${path}[${index}]`));
	}
	if (!isRecord(given)) return [];
	const keptRecord = isRecord(kept) ? kept : {};
	return Object.entries(given).flatMap(([key, value]) =>
		key in keptRecord ? droppedKeys(value, keptRecord[key], `${path}.${key}`) : [`${path}.${key}`.slice(1)],
	);
}

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

/** Where option values are checked: the node (for versioned displayOptions) and the values that decide what is shown. */
interface OptionScope {
	node: Pick<INode, 'typeVersion'>;
	description: INodeTypeDescription;
	/** All parameters of the node with their defaults, as n8n keeps them. */
	root: INodeParameters;
}

/**
 * Plain option values (not loaded from the API, not expressions) that the shown property does not
 * offer. Several properties share a name (e.g. `operation`, one per resource): only the shown one counts.
 */
function invalidOptionValues(properties: INodeProperties[], values: INodeParameters, scope: OptionScope, path: string): string[] {
	const shownIn = path === '' ? scope.root : values;
	return properties.flatMap((property) => {
		if (!(property.name in values)) return [];
		if (!NodeHelpers.displayParameter(shownIn, property, scope.node, scope.description, scope.root)) return [];
		const value = values[property.name];
		const where = `${path}${property.name}`;
		const loaded = property.typeOptions?.loadOptionsMethod ?? property.typeOptions?.loadOptions;
		if ((property.type === 'options' || property.type === 'multiOptions') && !loaded && Array.isArray(property.options)) {
			const allowed = (property.options as Array<{ value?: NodeParameterValue }>).map((option) => option.value);
			const chosen = (Array.isArray(value) ? value : [value]).filter((one) => !isExpression(one));
			return chosen.filter((one) => !allowed.includes(one as NodeParameterValue)).map((one) => `${where} = ${JSON.stringify(one)} (allowed: ${allowed.join(', ')})`);
		}
		if (property.type === 'collection' && isRecord(value)) {
			return invalidOptionValues(property.options as INodeProperties[], value, scope, `${where}.`);
		}
		if (property.type === 'fixedCollection' && isRecord(value)) {
			return (property.options as INodePropertyCollection[]).flatMap((group) => {
				const groupValue = (value as INodeParameters)[group.name];
				const entries = Array.isArray(groupValue) ? groupValue : groupValue === undefined ? [] : [groupValue];
				return entries.flatMap((entry, index) =>
					isRecord(entry) ? invalidOptionValues(group.values, entry, scope, `${where}.${group.name}[${index}].`) : [],
				);
			});
		}
		return [];
	});
}

/** Everything about one example node that n8n-nodes-base would not accept as written. */
function problemsOf(node: ExampleNode): string[] {
	const description = descriptionOf(node.type, node.typeVersion);
	if (!description) {
		const versions = versionsOf(node.type);
		return [versions.length === 0 ? `no node type ${node.type}` : `${node.type} has no typeVersion ${node.typeVersion} (it has ${versions.join(', ')})`];
	}
	const asNode: Pick<INode, 'typeVersion'> = { typeVersion: node.typeVersion };
	const kept = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, asNode, description) ?? {};
	const problems = droppedKeys(node.parameters, kept, '').map((path) => `parameter ${path} is unknown to or hidden in this version`);
	problems.push(...invalidOptionValues(description.properties, node.parameters, { node: asNode, description, root: kept }, '').map((issue) => `invalid option ${issue}`));
	const credentialNames = (description.credentials ?? []).map((credential) => credential.name);
	for (const credential of Object.keys(node.credentials ?? {})) {
		if (!credentialNames.includes(credential)) problems.push(`credential ${credential} is not one of ${credentialNames.join(', ')}`);
	}
	return problems;
}

const cases = exampleFiles(EXAMPLES).flatMap((file) => {
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ExampleNode[] };
	return workflow.nodes.filter((node) => node.type.startsWith(PREFIX)).map((node) => ({ example: relative(EXAMPLES, file), node }));
});

describe(`example workflows against n8n-nodes-base ${nodesBaseVersion}`, () => {
	test('the app has the n8n-nodes-base the issue names, and the examples use some of its nodes', () => {
		expect(nodesBaseVersion).toBe('2.41.1');
		expect(descriptions.length).toBeGreaterThan(400);
		expect(cases.length).toBeGreaterThan(10);
	});

	test.each(cases.map(({ example, node }) => [example, node.name, node]))('%s › %s', (_example, _name, node) => {
		expect(problemsOf(node as ExampleNode)).toEqual([]);
	});

	test('the checker catches a wrong typeVersion, an unknown parameter, a hidden one and a bad option value', () => {
		const slack = { name: 'Slack', type: 'n8n-nodes-base.slack', typeVersion: 2.3, credentials: { slackApi: {} } };
		expect(problemsOf({ ...slack, typeVersion: 9, parameters: {} })).toEqual([expect.stringMatching(/^n8n-nodes-base.slack has no typeVersion 9 \(it has 2, 2\.1/)]);
		expect(problemsOf({ ...slack, name: 'X', type: 'n8n-nodes-base.noSuchNode', parameters: {} })).toEqual(['no node type n8n-nodes-base.noSuchNode']);
		expect(
			problemsOf({ ...slack, parameters: { resource: 'message', operation: 'post', select: 'channel', text: 'hi', txet: 'typo', otherOptions: { includeLinkToWorkflow: false, colour: 'red' } } }),
		).toEqual(['parameter txet is unknown to or hidden in this version', 'parameter otherOptions.colour is unknown to or hidden in this version']);
		expect(problemsOf({ ...slack, parameters: { resource: 'message', operation: 'post', select: 'channel', messageType: 'carrier-pigeon' } })).toEqual([
			expect.stringMatching(/^invalid option messageType = "carrier-pigeon" \(allowed: text, block, attachment\)$/),
		]);
		expect(problemsOf({ ...slack, parameters: { resource: 'channel', operation: 'archive', text: 'hidden here' } })).toEqual([
			'parameter text is unknown to or hidden in this version',
		]);
		const http = { name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 };
		expect(problemsOf({ ...http, parameters: { url: 'https://x.test', options: { response: { response: { responseFormt: 'file' } } } } })).toEqual([
			'parameter options.response.response.responseFormt is unknown to or hidden in this version',
		]);
		expect(problemsOf({ ...http, parameters: { url: 'https://x.test', options: { response: { response: { responseFormat: 'pdf' } } } } })).toEqual([
			'invalid option options.response.response[0].responseFormat = "pdf" (allowed: autodetect, file, json, text)',
		]);
		expect(problemsOf({ ...slack, credentials: { gmailOAuth2: {} }, parameters: {} })).toEqual([expect.stringMatching(/^credential gmailOAuth2 is not one of slackApi/)]);
	});
});
