/**
 * Runs a loadOptions method of the BankConnect node the way the editor does: in n8n-core's
 * LoadOptionsContext, with the package loaded from dist/ and the test credential (nock host) or a
 * sandbox's, so its requests go through the credential's own authenticate.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { additionalDataFor, bankConnectCredentials, engineParts } from './engine';
import { PACKAGE_NAME } from './repository';
import { testCredentials } from './runNode';
import type { SandboxProcess } from './sandboxProcess';

/** Calls `loadOptions[method]` of a BankConnect node holding `parameters`; the options the dropdown would show. */
export async function loadOptions(
	method: string,
	parameters: Record<string, unknown>,
	options: { sandbox?: Pick<SandboxProcess, 'baseUrl' | 'apiKey' | 'serverHash'>; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<INodePropertyOptions[]> {
	const credentials = options.sandbox
		? bankConnectCredentials(options.sandbox.baseUrl, { apiKey: options.sandbox.apiKey, serverHashSecret: options.sandbox.serverHash, ...options.credentials })
		: testCredentials(options.credentials);
	const { nodeTypes, credentialsHelper } = await engineParts(credentials);
	const node: INode = {
		id: 'bankconnect',
		name: 'BankConnect',
		type: `${PACKAGE_NAME}.bankConnect`,
		typeVersion: 1.1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { bankConnectApi: { id: '1', name: 'BankConnect account' } },
	};
	const workflow = new Workflow({ id: 'load-options', nodes: [node], connections: {}, nodeTypes, active: false });
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(credentialsHelper), 'parameters');
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const load = nodeType.methods?.loadOptions?.[method];
	if (!load) throw new Error(`The BankConnect node has no loadOptions method ${method}`);
	return await load.call(context);
}
