/**
 * Runs the BankConnect node through the n8n engine, against the nock API host (with the test
 * credential's distinctive secrets) or a running sandbox, and hands back its items and error.
 * Every run is checked for leaked secrets.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { ENTITY_ID } from '../fixtures/entities';
import { API_BASE_URL } from './bankConnectApi';
import { bankConnectCredentials, runWorkflow, singleNodeWorkflow } from './engine';
import type { WorkflowJson, WorkflowRun } from './engine';
import type { SandboxProcess } from './sandboxProcess';
import type { NamedSecrets } from './secretScan';
import { SECRETS } from './secrets';

export interface NodeRunOptions {
	/** The sandbox the credential points at (with its API key and Server Hash); default the nock API host. */
	sandbox?: Pick<SandboxProcess, 'baseUrl' | 'apiKey' | 'serverHash'>;
	/** Overrides of the credential's fields (e.g. `{ signingSecret: SECRETS.signingSecret }`). */
	credentials?: ICredentialDataDecryptedObject;
	/** Input items of the node (default one empty item). */
	startItems?: INodeExecutionData[];
	/** Turn on the node's "On Error: Continue" setting. */
	continueOnFail?: boolean;
	/** The node's version in the workflow (default 1, as workflows saved before version 2 have it). */
	typeVersion?: number;
	/** Secrets besides the credential's that the run must not show (e.g. a webhook secret). */
	extraSecrets?: NamedSecrets;
	/** The workflow's static data, kept between runs as n8n keeps it for an active workflow (updated in place). */
	staticData?: IDataObject;
}

export interface NodeError extends Error {
	description?: string | null;
	httpCode?: string | null;
	/** Earlier messages, e.g. the node's own when n8n replaced it with a descriptive one. */
	messages?: string[];
	context?: { itemIndex?: number };
	node?: INode;
}

export interface NodeRun {
	items: INodeExecutionData[];
	error: NodeError | undefined;
	/** The whole run, e.g. for the execution order or another node's output. */
	run: WorkflowRun;
}

/** The test credential: distinctive secrets, custom base URL at the nock host. */
export function testCredentials(overrides: ICredentialDataDecryptedObject = {}) {
	return bankConnectCredentials(API_BASE_URL, {
		apiKey: SECRETS.apiKey,
		serverHashSecret: SECRETS.serverHash,
		...overrides,
	});
}

function credentialsFor(options: NodeRunOptions) {
	const { sandbox } = options;
	if (!sandbox) return testCredentials(options.credentials);
	return bankConnectCredentials(sandbox.baseUrl, { apiKey: sandbox.apiKey, serverHashSecret: sandbox.serverHash, ...options.credentials });
}

/** Runs a workflow file's nodes with the test credential, or the sandbox's (the engine checks the run for its secrets). */
export async function runWithTestCredentials(
	workflow: WorkflowJson,
	options: Omit<NodeRunOptions, 'continueOnFail'> = {},
): Promise<WorkflowRun> {
	return await runWorkflow(workflow, {
		credentials: credentialsFor(options),
		startItems: options.startItems,
		extraSecrets: options.extraSecrets,
		staticData: options.staticData,
	});
}

/** Manual Trigger → BankConnect with `parameters`; the node's output items and error. */
export async function runNode(parameters: Record<string, unknown>, options: NodeRunOptions = {}): Promise<NodeRun> {
	const nodeOptions: Partial<INode> = {
		...(options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
	};
	const run = await runWithTestCredentials(singleNodeWorkflow(parameters, nodeOptions), options);
	const error = run.nodeError('BankConnect') as NodeError | undefined;
	return { items: error ? [] : run.output('BankConnect'), error, run };
}

/** Statement → Upload with these parameters. */
export function upload(parameters: Record<string, unknown>): Record<string, unknown> {
	return { resource: 'statement', operation: 'upload', ...parameters };
}

/** Analysis → `operation` of the test entity, read once (no waiting), one item per record unless `parameters` say otherwise. */
export function analysisRead(operation: string, parameters: Record<string, unknown> = {}): Record<string, unknown> {
	return { resource: 'analysis', operation, entityId: ENTITY_ID, waitForCompletion: false, output: 'split', ...parameters };
}

/** Like runNode, but the node must succeed. */
export async function runNodeOk(parameters: Record<string, unknown>, options: NodeRunOptions = {}): Promise<INodeExecutionData[]> {
	const { items, error } = await runNode(parameters, options);
	if (error) throw new Error(`BankConnect node failed: ${error.message} (${error.description ?? ''})`);
	return items;
}

/** Like runNode, but the node must fail; returns its error. */
export async function runNodeFailing(parameters: Record<string, unknown>, options: NodeRunOptions = {}): Promise<NodeError> {
	const { error } = await runNode(parameters, options);
	if (!error) throw new Error('expected the BankConnect node to fail, but it succeeded');
	return error;
}

/** The node stopped with a NodeApiError (the engine keeps errors as plain copies, so the name is checked). */
export function expectApiError(error: NodeError | undefined, expected: { message: string; httpCode?: string; description?: string[] }): void {
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe(expected.message);
	if (expected.httpCode !== undefined) expect(error?.httpCode).toBe(expected.httpCode);
	for (const part of expected.description ?? []) expect(error?.description).toContain(part);
}

/** The node refused an input: a NodeOperationError naming the field and the item, and the fix when it is not to edit the field. */
export function expectBadInput(error: NodeError | undefined, field: string, problem: string, itemIndex = 0, fix?: string): void {
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toBe(`${field} ${problem} (item ${itemIndex})`);
	expect(error?.description).toBe(`${fix ?? `Fix the "${field}" field of item ${itemIndex}`}; nothing was sent to BankConnect for this item.`);
	expect(error?.context?.itemIndex).toBe(itemIndex);
}

/** The error item continueOnFail makes of a refused input. */
export function badInputItem(field: string, problem: string, itemIndex: number) {
	return {
		json: {
			error: `${field} ${problem} (item ${itemIndex})`,
			description: `Fix the "${field}" field of item ${itemIndex}; nothing was sent to BankConnect for this item.`,
		},
		pairedItem: { item: itemIndex },
	};
}
