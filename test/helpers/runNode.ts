/**
 * Runs the BankConnect node through the n8n engine against the nock API host and hands back its
 * items and error. Every run is checked for leaked secrets.
 */
import type { ICredentialDataDecryptedObject, INode, INodeExecutionData } from 'n8n-workflow';

import { API_BASE_URL } from './bankConnectApi';
import { bankConnectCredentials, runWorkflow, singleNodeWorkflow } from './engine';
import type { WorkflowJson, WorkflowRun } from './engine';
import { SECRETS, expectNoSecrets } from './secrets';

export interface NodeRunOptions {
	/** Overrides of the test credential (e.g. `{ signingSecret: SECRETS.signingSecret }`). */
	credentials?: ICredentialDataDecryptedObject;
	/** Input items of the node (default one empty item). */
	startItems?: INodeExecutionData[];
	/** Turn on the node's "On Error: Continue" setting. */
	continueOnFail?: boolean;
}

export interface NodeError extends Error {
	description?: string | null;
	httpCode?: string | null;
	context?: { itemIndex?: number };
	node?: INode;
}

export interface NodeRun {
	items: INodeExecutionData[];
	error: NodeError | undefined;
}

/** The test credential: distinctive secrets, custom base URL at the nock host. */
export function testCredentials(overrides: ICredentialDataDecryptedObject = {}) {
	return bankConnectCredentials(API_BASE_URL, {
		apiKey: SECRETS.apiKey,
		serverHashSecret: SECRETS.serverHash,
		...overrides,
	});
}

/** Runs a workflow file's nodes with the test credential; checks every node's output and errors for secrets. */
export async function runWithTestCredentials(
	workflow: WorkflowJson,
	options: Omit<NodeRunOptions, 'continueOnFail'> = {},
): Promise<WorkflowRun> {
	const result = await runWorkflow(workflow, {
		credentials: testCredentials(options.credentials),
		startItems: options.startItems,
	});
	expectNoSecrets(result.run.data.resultData);
	return result;
}

/** Manual Trigger → BankConnect with `parameters`; the node's output items and error. */
export async function runNode(parameters: Record<string, unknown>, options: NodeRunOptions = {}): Promise<NodeRun> {
	const nodeOptions: Partial<INode> = options.continueOnFail ? { onError: 'continueRegularOutput' } : {};
	const result = await runWithTestCredentials(singleNodeWorkflow(parameters, nodeOptions), options);
	const error = result.nodeError('BankConnect') as NodeError | undefined;
	return { items: error ? [] : result.output('BankConnect'), error };
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
