/**
 * Drives the BankConnect Trigger the way n8n 2.41 does (ActiveWorkflowManager, TestWebhooks,
 * WebhookService): activation runs the node's webhookMethods (checkExists, then create when it
 * answers false) in n8n-core's HookContext, and a failed activation runs `delete` on the stored
 * workflow; every delivery runs `webhook()` in n8n-core's WebhookContext and, when it returns
 * items, an execution is started with WorkflowExecute (trigger → "Sink" NoOp), which runs the
 * trigger's own `execute()` first. Static data behaves as in n8n: each activation and each delivery
 * gets a fresh Workflow built from the stored copy, and the copy is overwritten afterwards when the
 * node changed it (so concurrent deliveries race exactly as in n8n). "Listen for test event" runs
 * on static data of its own. n8n's deduplication store is the in-memory one of deduplication.ts.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { join } from 'path';
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { deduplicationStore } from './deduplication';
import { additionalDataFor, binaryDataService, engineParts } from './engine';
import { PACKAGE_NAME, REPO_ROOT } from './repository';
import { assertNoSecrets, credentialSecrets, recordLogLines } from './secretScan';

export const TRIGGER_NAME = 'BankConnect Trigger';
export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';
export const WEBHOOK_TEST_BASE_URL = 'https://n8n.example.com/webhook-test';

/** A delivery as an HTTP request (n8n has parsed the body already, as its body parser does). */
export interface DeliveryRequest {
	/** JSON body; serialised unless `rawBody` is given */
	body?: unknown;
	rawBody?: string;
	contentType?: string;
	headers?: Record<string, string>;
	/** called when the node answers the request */
	onResponse?: (status: number) => void;
}

export interface DeliveryResult {
	status: number;
	responseBody: unknown;
	/**
	 * the items the execution passed on from the trigger; [] when the execution stopped at the
	 * trigger (its execute() found every event already recorded); undefined when nothing started
	 */
	started: INodeExecutionData[] | undefined;
}

/** How n8n runs one delivery. */
export interface DeliveryOptions {
	/** 'manual' for a test delivery (to the test URL while listenForTestEvent() is on) */
	mode?: WorkflowExecuteMode;
	/**
	 * 'other': webhook() runs in a second n8n webhook process (its own copy of the package's
	 * modules, as in queue mode); executions always run in this one, as on a queue-mode worker
	 */
	process?: 'main' | 'other';
	/** the static data that process read when the call started (default: the stored copy) */
	staticData?: IDataObject;
}

interface Parts {
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
	nodeType: INodeType;
}

interface BuildOptions {
	staticData?: IDataObject;
	active?: boolean;
	process?: 'main' | 'other';
}

const TRIGGER_TYPE = `${PACKAGE_NAME}.bankConnectTrigger`;
let otherProcessTrigger: INodeType | undefined;

/** The trigger as a second n8n process loads it: the same dist/ files in a module registry of their own. */
function triggerOfOtherProcess(): INodeType {
	if (!otherProcessTrigger) {
		jest.isolateModules(() => {
			const loaded = require(join(REPO_ROOT, 'dist', 'nodes', 'BankConnect', 'BankConnectTrigger.node.js')) as {
				BankConnectTrigger: new () => INodeType;
			};
			otherProcessTrigger = new loaded.BankConnectTrigger();
		});
	}
	return otherProcessTrigger!;
}

interface CapturedResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: string | undefined;
}

let idCounter = 0;

/** One trigger node in one workflow, with its stored static data. */
export class TriggerHarness {
	/** The static data "in the database" (what n8n would load for the next request). */
	storedStaticData: IDataObject = {};
	/** The items of every execution that went past the trigger, in start order. */
	readonly executions: INodeExecutionData[][] = [];
	/** How many executions stopped at the trigger (every event already recorded in n8n's database). */
	stoppedAtTrigger = 0;
	/** The static data of the current "Listen for test event" (n8n keeps it with the test webhook). */
	private testStaticData: IDataObject | undefined;
	readonly workflowId: string;
	readonly node: INode;
	/** n8n's production webhook base URL (e.g. a local receiver in end-to-end tests) */
	readonly webhookBaseUrl: string;

	constructor(
		parameters: Record<string, unknown>,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
		options: { workflowId?: string; webhookBaseUrl?: string } = {},
	) {
		this.workflowId = options.workflowId ?? `trigger-test-${++idCounter}`;
		this.webhookBaseUrl = options.webhookBaseUrl ?? WEBHOOK_BASE_URL;
		this.node = {
			id: 'b7c1f7a2-0000-4000-8000-000000000001',
			name: TRIGGER_NAME,
			type: `${PACKAGE_NAME}.bankConnectTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: '5f0c6a52-9d3b-4c1e-9a57-2f1f0b7d7e01',
			parameters: parameters as INode['parameters'],
			credentials: { bankConnectApi: { id: '1', name: 'BankConnect account' } },
		};
	}

	/** The production URL the trigger registers. */
	get productionUrl(): string {
		return `${this.webhookBaseUrl}/${this.node.webhookId}/webhook`;
	}

	/** The node's static data as stored (scope "node"). */
	get nodeStaticData(): IDataObject {
		return (this.storedStaticData[`node:${TRIGGER_NAME}`] ?? {}) as IDataObject;
	}

	/** The production URL's test twin, served while listening for a test event. */
	get testUrl(): string {
		return `${WEBHOOK_TEST_BASE_URL}/${this.node.webhookId}/webhook`;
	}

	private async build(options: BuildOptions = {}): Promise<Parts> {
		const replaced: Record<string, INodeType> = options.process === 'other' ? { [TRIGGER_TYPE]: triggerOfOtherProcess() } : {};
		const { nodeTypes, credentialsHelper } = await engineParts(this.credentials, replaced);
		const workflow = new Workflow({
			id: this.workflowId,
			name: 'trigger test',
			nodes: [
				this.node,
				{ id: 'sink', name: 'Sink', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
			],
			connections: { [TRIGGER_NAME]: { main: [[{ node: 'Sink', type: NodeConnectionTypes.Main, index: 0 }]] } },
			nodeTypes,
			active: options.active ?? true,
			staticData: structuredClone(options.staticData ?? this.storedStaticData),
		});
		const additionalData = additionalDataFor(credentialsHelper, {
			restApiUrl: 'https://n8n.example.com/rest',
			instanceBaseUrl: 'https://n8n.example.com/',
			webhookBaseUrl: this.webhookBaseUrl,
			webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
			webhookTestBaseUrl: WEBHOOK_TEST_BASE_URL,
			formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		});
		const nodeType = nodeTypes.getByNameAndVersion(this.node.type, 1);
		return { workflow, additionalData, nodeType };
	}

	/** As n8n's WorkflowStaticDataService.saveStaticData: overwrite the stored copy when it changed. */
	private save(workflow: Workflow): void {
		const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (staticData.__dataChanged === true) {
			const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
			delete copy.__dataChanged;
			this.storedStaticData = copy;
		}
	}

	private webhookData(workflow: Workflow, additionalData: IWorkflowExecuteAdditionalData, nodeType: INodeType, isTest: boolean): IWebhookData {
		const description = nodeType.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
			isTest,
		};
	}

	private async runHook(
		name: 'checkExists' | 'create' | 'delete',
		parts: Parts,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
		isTest = false,
	): Promise<boolean | undefined> {
		const webhookData = this.webhookData(parts.workflow, parts.additionalData, parts.nodeType, isTest);
		const context = new HookContext(parts.workflow, this.node, parts.additionalData, mode, activation, webhookData);
		const method = parts.nodeType.webhookMethods!.default![name]!;
		return await this.withoutSecretsLogged(async () => await method.call(context));
	}

	/** Runs `work`; neither its log lines nor its error may hold a secret. */
	private async withoutSecretsLogged<T>(work: () => Promise<T>): Promise<T> {
		const logs = recordLogLines();
		try {
			return await work();
		} catch (error) {
			assertNoSecrets(error, this.secrets(), 'error');
			throw error;
		} finally {
			assertNoSecrets(logs.stop(), this.secrets(), 'log');
		}
	}

	/**
	 * As ActiveWorkflowManager.addWebhooks (WebhookService.createWebhookIfNotExists), then the static
	 * data is saved. When a hook throws, n8n runs `delete` on the stored workflow (clearWebhooks),
	 * saves that, and fails the activation.
	 */
	async activate(activation: WorkflowActivateMode = 'activate', mode: WorkflowExecuteMode = 'trigger'): Promise<'existed' | 'created'> {
		const parts = await this.build();
		let exists: boolean | undefined;
		try {
			exists = await this.runHook('checkExists', parts, mode, activation);
			if (!exists) await this.runHook('create', parts, mode, activation);
		} catch (error) {
			await this.deactivate().catch(() => undefined);
			throw error;
		}
		this.save(parts.workflow);
		return exists ? 'existed' : 'created';
	}

	/** As ActiveWorkflowManager.clearWebhooks when a workflow is deactivated: `delete` in mode internal, then saved. */
	async deactivate(): Promise<void> {
		const parts = await this.build();
		await this.runHook('delete', parts, 'internal', 'update');
		this.save(parts.workflow);
	}

	/**
	 * "Listen for test event", as TestWebhooks.needsWebhook: the workflow (inactive) with empty static
	 * data, checkExists/create in manual mode on the test URL; n8n keeps the resulting static data
	 * with the test webhook.
	 */
	async listenForTestEvent(): Promise<'existed' | 'created'> {
		const parts = await this.build({ staticData: {}, active: false });
		const exists = await this.runHook('checkExists', parts, 'manual', 'manual', true);
		if (!exists) await this.runHook('create', parts, 'manual', 'manual', true);
		this.testStaticData = parts.workflow.staticData;
		return exists ? 'existed' : 'created';
	}

	/** The end of a test listen (a test delivery, the time-out or Stop), as TestWebhooks.deactivateWebhooks. */
	async stopListening(): Promise<void> {
		if (this.testStaticData === undefined) throw new Error('not listening for a test event');
		const parts = await this.build({ staticData: {}, active: false });
		parts.workflow.staticData = this.testStaticData;
		this.testStaticData = undefined;
		await this.runHook('delete', parts, 'internal', 'update', true);
	}

	/** Runs `webhook()` for a request n8n has received and parsed; starts an execution with its items. */
	async runWebhook(httpRequest: IDataObject, httpResponse: unknown, options: DeliveryOptions = {}): Promise<INodeExecutionData[] | undefined> {
		const mode = options.mode ?? 'webhook';
		const test = mode === 'manual' && this.testStaticData !== undefined;
		const parts = test
			? await this.build({ staticData: {}, active: false })
			: await this.build({ staticData: options.staticData, process: options.process });
		if (test) parts.workflow.setTestStaticData(this.testStaticData!);
		const additionalData = { ...parts.additionalData, httpRequest, httpResponse } as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = this.webhookData(parts.workflow, additionalData, parts.nodeType, test);
		const context = new WebhookContext(parts.workflow, this.node, additionalData, mode, webhookData, [], null);
		const result: IWebhookResponseData = await this.withoutSecretsLogged(async () => await parts.nodeType.webhook!.call(context));
		if (!test) this.save(parts.workflow);
		let started: INodeExecutionData[] | undefined;
		if (result.workflowData !== undefined) {
			// queue mode: whichever process ran webhook(), the execution runs on the worker
			const worker = options.process === 'other' ? await this.build({ staticData: options.staticData }) : parts;
			started = await this.startExecution(worker.workflow, worker.additionalData, result.workflowData, test ? 'manual' : 'webhook');
			if (started.length > 0) this.executions.push(started);
			else this.stoppedAtTrigger++;
		}
		if (test) await this.stopListening();
		return started;
	}

	/** A delivery from a test double of n8n's request and response (engine tests). */
	async deliver(request: DeliveryRequest, options: DeliveryOptions = {}): Promise<DeliveryResult> {
		const contentType = request.contentType ?? 'application/json';
		const raw = request.rawBody ?? (request.body === undefined ? '' : JSON.stringify(request.body));
		let body: unknown = {};
		if (request.rawBody === undefined && request.body !== undefined && contentType === 'application/json') body = request.body;
		if (contentType === 'text/plain') body = raw;
		const response: CapturedResponse = { statusCode: 200, headers: {}, body: undefined };
		const httpResponse = {
			get statusCode() {
				return response.statusCode;
			},
			set statusCode(code: number) {
				response.statusCode = code;
			},
			setHeader(name: string, value: string) {
				response.headers[name.toLowerCase()] = value;
			},
			end(text?: string) {
				response.body = text;
				request.onResponse?.(response.statusCode);
			},
		};
		const headers = { 'content-type': contentType, ...lowerCaseKeys(request.headers ?? {}) };
		const started = await this.runWebhook(
			{ body, headers, params: {}, query: {}, rawBody: Buffer.from(raw), method: 'POST' } as unknown as IDataObject,
			httpResponse,
			options,
		);
		return {
			status: response.statusCode,
			responseBody: response.body === undefined ? undefined : JSON.parse(response.body),
			started,
		};
	}

	/**
	 * A real HTTP request: the body is read and parsed as n8n's body parser does (a broken
	 * application/json body gets 422 from n8n itself, before any node runs).
	 */
	async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<INodeExecutionData[] | undefined> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
		let body: unknown = {};
		if (rawBody.length > 0 && contentType === 'application/json') {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				res.statusCode = 422;
				res.end(JSON.stringify({ message: 'Failed to parse request body' }));
				return undefined;
			}
		} else if (contentType === 'text/plain') {
			body = rawBody.toString('utf8');
		}
		return await this.runWebhook({ body, headers: req.headers, params: {}, query: {}, rawBody, method: req.method } as unknown as IDataObject, res);
	}

	/** The credential's secrets (its Webhook Secret included) and a webhook secret kept in the node. */
	private secrets(): Record<string, string | undefined> {
		const webhookSecret = this.node.parameters.secret;
		return { ...credentialSecrets(this.credentials), webhookSecret: typeof webhookSecret === 'string' ? webhookSecret : undefined };
	}

	/** No secret reaches an execution's data or error. */
	private expectNoSecretsIn(run: IRun): void {
		assertNoSecrets({ runData: run.data.resultData.runData, error: run.data.resultData.error }, this.secrets(), 'execution');
	}

	/** As n8n starts a webhook execution: the trigger's items on the stack, then WorkflowExecute (the trigger's execute() runs first). */
	private async startExecution(
		workflow: Workflow,
		baseAdditionalData: IWorkflowExecuteAdditionalData,
		workflowData: INodeExecutionData[][],
		mode: WorkflowExecuteMode,
	): Promise<INodeExecutionData[]> {
		await binaryDataService();
		await deduplicationStore();
		const executionId = `exec-${++idCounter}`;
		const hooks = new ExecutionLifecycleHooks(mode, executionId, {
			id: workflow.id,
			name: workflow.name,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			active: true,
		} as unknown as IWorkflowBase);
		let finish: (run: IRun) => void = () => undefined;
		const finished = new Promise<IRun>((resolve) => (finish = resolve));
		hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
		const additionalData = { ...baseAdditionalData, executionId, hooks } as unknown as IWorkflowExecuteAdditionalData;
		const runExecutionData = {
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				nodeExecutionStack: [{ node: workflow.getNode(TRIGGER_NAME)!, data: { main: workflowData }, source: null }],
				waitingExecution: {},
				waitingExecutionSource: {},
			},
		} as unknown as IRunExecutionData;
		const run = await this.withoutSecretsLogged(async () => {
			await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
			return await finished;
		});
		this.expectNoSecretsIn(run);
		const { runData, error } = run.data.resultData;
		if (error) throw new Error(`the execution failed: ${error.message}`);
		const passedOn = runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [];
		if (passedOn.length === 0) return [];
		const sink = runData.Sink;
		if (!sink) throw new Error('the execution did not reach Sink');
		return sink.flatMap((task) => task.data?.main?.[0] ?? []);
	}
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
