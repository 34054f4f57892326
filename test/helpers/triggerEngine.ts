/** Node types and a credentials helper for the trigger harness (the package from dist/, a NoOp sink). */
import { ICredentialsHelper, NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from './engine';

class SinkStandIn implements INodeType {
	description = {
		displayName: 'No Operation',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'Passes items on (test stand-in)',
		defaults: { name: 'No Operation' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Applies the package's credential `authenticate`, as n8n's CredentialsHelper does. */
class CredentialsFromTest extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Record<string, { type: unknown }>,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getCredentialsProperties() {
		return [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions) {
		const type = this.credentialTypes[typeName]?.type as ICredentialType | undefined;
		if (typeof type?.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		return requestOptions;
	}

	isCredentialUsableByNode() {
		return true;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	getParentTypes() {
		return [];
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return data;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the trigger tests');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}

/** The node types (package + NoOp sink) and a credentials helper holding the given credentials. */
export async function triggerEnginePieces(
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<{ nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper }> {
	const loader = await loadPackage();
	const sink = new SinkStandIn();
	const nodeTypes: INodeTypes = {
		getByName(nodeType: string): INodeType | IVersionedNodeType {
			if (nodeType === 'n8n-nodes-base.noOp') return sink;
			const entry = loader.nodeTypes[nodeType.replace(`${PACKAGE_NAME}.`, '')];
			if (!entry) throw new Error(`Unknown node type ${nodeType}`);
			return entry.type;
		},
		getByNameAndVersion(nodeType: string, version?: number): INodeType {
			const type = this.getByName(nodeType);
			return 'nodeVersions' in type ? type.getNodeType(version) : type;
		},
		getKnownTypes() {
			return {};
		},
	};
	return { nodeTypes, credentialsHelper: new CredentialsFromTest(loader.credentialTypes, credentials) };
}
