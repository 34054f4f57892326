/**
 * Runs the credential's Test the way n8n's editor does (n8n 2.41, packages/cli
 * credentials-tester.service `runRequestTest`): a throw-away declarative node whose one property
 * routes to the credential's `test.request`, run by n8n-core's RoutingNode, so the request goes
 * through httpRequestWithAuthentication and the credential's own `authenticate`; a failure is then
 * matched against the test's `responseCode` rules for the message the user sees.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteData,
	INode,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';

import { additionalDataFor, engineParts, loadPackage } from './engine';

const CREDENTIAL_TYPE = 'bankConnectApi';

/** What the editor shows after Test: "Connection successful!" or the error message. */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

interface RequestFailure {
	message?: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

/** The throw-away node type of n8n's tester: no code, one property routing to the test request. */
function testNodeType(credential: ICredentialType): INodeType {
	return {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: 'Credential test (test stand-in)',
			defaults: { name: 'Temp' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: credential.test!.request }, default: '' }],
		},
	};
}

/** The tester's verdict for a failed request, as n8n words it. */
function verdictOf(error: RequestFailure, credential: ICredentialType): CredentialTestResult {
	const response = error.cause?.response;
	if (response) {
		for (const rule of credential.test?.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) return { status: 'Error', message: rule.properties.message };
		}
		if (response.status < 199 || response.status > 299) {
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: String(error.message) };
}

/** Tests these credential values against whatever their base URL points at. */
export async function testCredential(data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const loader = await loadPackage();
	const credential = loader.credentialTypes[CREDENTIAL_TYPE].type as ICredentialType;
	const nodeType = testNodeType(credential);
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'BankConnect account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const { credentialsHelper } = await engineParts({ [CREDENTIAL_TYPE]: data });
	const additionalData = additionalDataFor(credentialsHelper);
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const inputData = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', runExecutionData, 0, [], inputData, executeData, []);
	const routingNode = new RoutingNode(context, nodeType, { id: '1', name: 'BankConnect account', type: CREDENTIAL_TYPE, data });
	try {
		await workflow.expression.acquireIsolate();
		await routingNode.runNode();
	} catch (error) {
		return verdictOf(error as RequestFailure, credential);
	} finally {
		await workflow.expression.releaseIsolate();
	}
	return { status: 'OK', message: 'Connection successful!' };
}
