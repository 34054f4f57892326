/**
 * Runs workflow JSON through n8n-core's WorkflowExecute with this package loaded from dist/ the way
 * n8n loads a community package (PackageDirectoryLoader), a credentials helper that applies the
 * credential's own `authenticate`, and n8n's binary data service in filesystem mode.
 * Modelled on n8n's packages/core/nodes-testing harness.
 */
import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeConnectionTypes,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IConnections,
	INode,
} from 'n8n-workflow';
import { readFileSync } from 'fs';
import { resolve } from 'path';

import { prepareN8nEnvironment } from './n8nEnvironment';
import { recordingStandIns } from './recorder';
import type { Recorder } from './recorder';
import { PACKAGE_NAME, REPO_ROOT } from './repository';
import { accessTokenSecrets, assertNoSecrets, credentialSecrets, parameterSecrets, recordLogLines } from './secretScan';
import type { NamedSecrets } from './secretScan';

// n8n-core reads its folders from the environment when first used, which is after this line.
prepareN8nEnvironment();

/** Stand-in for n8n's Manual Trigger: passes on the items the run starts with. */
class ManualTriggerStandIn implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow (test stand-in)',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Stand-in for n8n's No Operation node, handy as a sink in test workflows. */
class NoOpStandIn implements INodeType {
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

/** Stand-in for n8n's Sticky Note: never runs, but every node of a workflow needs a known type. */
class StickyNoteStandIn implements INodeType {
	description = {
		displayName: 'Sticky Note',
		name: 'stickyNote',
		group: ['input'],
		version: [1],
		description: 'A note on the canvas (test stand-in)',
		defaults: { name: 'Sticky Note' },
		inputs: [],
		outputs: [],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(): Promise<INodeExecutionData[][]> {
		return [];
	}
}

let loaded: Promise<PackageDirectoryLoader> | undefined;

/** Loads the package's nodes and credentials from dist/ (run `npm run build` first). */
export async function loadPackage(): Promise<PackageDirectoryLoader> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();
		return loader;
	})();
	return await loaded;
}

class PackageNodeTypes implements INodeTypes {
	constructor(
		private readonly loader: PackageDirectoryLoader,
		extraStandIns: Record<string, INodeType> = {},
	) {
		this.standIns = { ...this.standIns, ...extraStandIns };
	}

	private readonly standIns: Record<string, INodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
		'n8n-nodes-base.noOp': new NoOpStandIn(),
		'n8n-nodes-base.stickyNote': new StickyNoteStandIn(),
	};

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const standIn = this.standIns[nodeType];
		if (standIn) return standIn;
		// The loader keys nodes by their name; workflows name them `<package>.<name>`.
		const entry = this.loader.nodeTypes[nodeType.replace(`${PACKAGE_NAME}.`, '')];
		if (!entry) throw new Error(`Unknown node type ${nodeType}`);
		return entry.type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.getByName(nodeType);
		if ('nodeVersions' in type) return type.getNodeType(version);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

/** Applies the package's own credential `authenticate`, like n8n's CredentialsHelper. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly loader: PackageDirectoryLoader,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getCredentialsProperties() {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.loader.credentialTypes[typeName]?.type as ICredentialType | undefined;
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
		throw new Error('not used by the engine tests');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}

let binaryDataReady: Promise<BinaryDataService> | undefined;

/** n8n's binary data service, filesystem mode, under the temporary N8N_BINARY_DATA_STORAGE_PATH. */
export async function binaryDataService(): Promise<BinaryDataService> {
	binaryDataReady ??= (async () => {
		const service = Container.get(BinaryDataService);
		await service.init();
		return service;
	})();
	return await binaryDataReady;
}

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowBase['settings'];
	pinData?: Record<string, INodeExecutionData[]>;
}

export interface RunOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items the start node begins with (default one empty item). */
	startItems?: INodeExecutionData[];
	/** The node the run starts at (default: n8n's choice, `workflow.getStartNode()`). */
	startNode?: string;
	/** Node types (e.g. `n8n-nodes-base.slack`) replaced by recording stand-ins that pass items on. */
	recordTypes?: string[];
	/** Receives what each recording stand-in was given; required with `recordTypes`. */
	recorder?: Recorder;
	/** Node types of the run besides the package's and the stand-ins, by type name (e.g. a benchmark's trivial node). */
	nodeTypes?: Record<string, INodeType>;
	/** Run the nodes of this loaded package instead of this repository's dist/ (e.g. an installed tarball). */
	loader?: PackageDirectoryLoader;
	/** Secrets to look for besides the credentials' (e.g. a webhook secret). */
	extraSecrets?: NamedSecrets;
	/** Skip the secret check (benchmarks, whose timing must not include it). */
	skipSecretScan?: boolean;
	/** The workflow's static data, as n8n keeps it between runs of an active workflow; the run updates it in place. */
	staticData?: IDataObject;
}

export interface WorkflowRun {
	run: IRun;
	/** Output items (first output, every run concatenated) of a node; throws if it did not run. */
	output(nodeName: string): INodeExecutionData[];
	/** Output items of one output of a node (every run concatenated), e.g. the second output of a node that routes. */
	outputAt(nodeName: string, outputIndex: number): INodeExecutionData[];
	/** The notices a node put in the output panel (execution hints), every run. */
	hints(nodeName: string): string[];
	/** The error a node stopped with, if any. */
	nodeError(nodeName: string): Error | undefined;
	executionOrder: string[];
}

/** Reads a workflow JSON file (path relative to the repository root or absolute). */
export function readWorkflow(path: string): WorkflowJson {
	return JSON.parse(readFileSync(resolve(REPO_ROOT, path), 'utf8')) as WorkflowJson;
}

/** Credentials for the package's credential type pointing at a base URL (the sandbox or a nock host). */
export function bankConnectCredentials(
	baseUrl: string,
	overrides: ICredentialDataDecryptedObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		bankConnectApi: {
			apiKey: 'sandbox_api_key',
			serverHashSecret: 'sandbox_server_hash',
			environment: 'custom',
			baseUrl,
			signingSecret: '',
			...overrides,
		},
	};
}

/** What n8n hands a workflow run besides the workflow: the credentials helper and a local n8n's URLs (overridable). */
export function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	overrides: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		executionId: undefined,
		credentialsHelper,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used here');
		},
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		...overrides,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * The package's node types (with the stand-ins, and `replaced` types, e.g. a node loaded as
 * another n8n process has it) and a credentials helper holding `credentials`.
 */
export async function engineParts(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	replaced: Record<string, INodeType> = {},
): Promise<{ nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper }> {
	const loader = await loadPackage();
	return { nodeTypes: new PackageNodeTypes(loader, replaced), credentialsHelper: new TestCredentialsHelper(loader, credentials) };
}

/** Executes a workflow from its first trigger-less start node and resolves when the run finishes. */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions): Promise<WorkflowRun> {
	const loader = options.loader ?? (await loadPackage());
	await binaryDataService();
	if (options.recordTypes?.length && !options.recorder) throw new Error('recordTypes needs a recorder');
	const recording = options.recorder ? recordingStandIns(workflowJson, options.recordTypes ?? [], options.recorder) : {};
	const nodeTypes = new PackageNodeTypes(loader, { ...options.nodeTypes, ...recording });
	// read before n8n resolves the parameters in place against each node type's fields
	const workflowSecrets = parameterSecrets(workflowJson.nodes);
	const workflow = new Workflow({
		id: 'test',
		name: workflowJson.name ?? 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		nodeTypes,
		settings: workflowJson.settings,
		active: false,
		staticData: options.staticData,
	});
	const workflowData = {
		id: 'test',
		name: workflowJson.name ?? 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	let finish: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolveRun) => (finish = resolveRun));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finish(fullRunData));

	const additionalData = additionalDataFor(new TestCredentialsHelper(loader, options.credentials), { executionId: '1', hooks });

	const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
	if (!startNode) throw new Error(`The workflow has no start node${options.startNode ? ` "${options.startNode}"` : ''}`);
	const runExecutionData = {
		startData: {},
		resultData: { runData: {}, pinData: workflowJson.pinData },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [
				{ node: startNode, data: { main: [options.startItems ?? [{ json: {} }]] }, source: null },
			],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	const logs = options.skipSecretScan ? undefined : recordLogLines();
	const startedAt = Date.now();
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	try {
		await execution.processRunExecutionData(workflow);
	} finally {
		logs?.stop();
	}
	const run = await finished;
	const runData = run.data.resultData.runData;
	if (logs) {
		const secrets = {
			...credentialSecrets(options.credentials),
			...accessTokenSecrets(options.credentials, startedAt, Date.now()),
			...workflowSecrets,
			...options.extraSecrets,
		};
		assertNoSecrets({ runData, error: run.data.resultData.error, log: logs.lines }, secrets, 'run');
	}
	return {
		run,
		executionOrder,
		output(nodeName) {
			const runs = runData[nodeName];
			if (!runs) {
				const failure = run.data.resultData.error?.message;
				throw new Error(`Node "${nodeName}" did not run${failure ? `: ${failure}` : ''}`);
			}
			return runs.flatMap((taskData) => taskData.data?.main?.[0] ?? []);
		},
		outputAt(nodeName, outputIndex) {
			return (runData[nodeName] ?? []).flatMap((taskData) => taskData.data?.main?.[outputIndex] ?? []);
		},
		hints(nodeName) {
			return (runData[nodeName] ?? []).flatMap((taskData) => (taskData.hints ?? []).map((hint) => hint.message));
		},
		nodeError(nodeName) {
			return runData[nodeName]?.find((taskData) => taskData.error)?.error;
		},
	};
}

/** A workflow "Manual Trigger → BankConnect node" with the given parameters. */
export function singleNodeWorkflow(parameters: Record<string, unknown>, nodeOptions: Partial<INode> = {}): WorkflowJson {
	return {
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'bankconnect',
				name: 'BankConnect',
				type: `${PACKAGE_NAME}.bankConnect`,
				typeVersion: 1,
				position: [200, 0],
				parameters: parameters as INode['parameters'],
				credentials: { bankConnectApi: { id: '1', name: 'BankConnect account' } },
				...nodeOptions,
			},
		],
		connections: {
			Start: { main: [[{ node: 'BankConnect', type: NodeConnectionTypes.Main, index: 0 }]] },
		},
	};
}

