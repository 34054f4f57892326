/**
 * Drives the BankConnect Trigger the way n8n does: activation runs the node's webhookMethods
 * (checkExists, then create when it answers false) in n8n-core's HookContext; every delivery runs
 * `webhook()` in n8n-core's WebhookContext and, when it returns items, an execution is started
 * with WorkflowExecute (trigger → "Sink" NoOp). Static data behaves as in n8n: each activation and
 * each delivery gets a fresh Workflow built from the stored copy, and the copy is overwritten
 * afterwards when the node changed it (so concurrent deliveries race exactly as in n8n).
 */
import type { IncomingMessage, ServerResponse } from 'http';
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

import { additionalDataFor, binaryDataService, engineParts } from './engine';
import { PACKAGE_NAME } from './repository';
import { assertNoSecrets, credentialSecrets } from './secretScan';

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
	/** the items the execution started with, or undefined when nothing started */
	started: INodeExecutionData[] | undefined;
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
	/** The items of every execution started, in start order. */
	readonly executions: INodeExecutionData[][] = [];
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

	private async build(): Promise<{ workflow: Workflow; additionalData: IWorkflowExecuteAdditionalData; nodeType: INodeType }> {
		const { nodeTypes, credentialsHelper } = await engineParts(this.credentials);
		const workflow = new Workflow({
			id: this.workflowId,
			name: 'trigger test',
			nodes: [
				this.node,
				{ id: 'sink', name: 'Sink', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
			],
			connections: { [TRIGGER_NAME]: { main: [[{ node: 'Sink', type: NodeConnectionTypes.Main, index: 0 }]] } },
			nodeTypes,
			active: true,
			staticData: structuredClone(this.storedStaticData),
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
		parts: { workflow: Workflow; additionalData: IWorkflowExecuteAdditionalData; nodeType: INodeType },
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
	): Promise<boolean | undefined> {
		const webhookData = this.webhookData(parts.workflow, parts.additionalData, parts.nodeType, mode === 'manual');
		const context = new HookContext(parts.workflow, this.node, parts.additionalData, mode, activation, webhookData);
		const method = parts.nodeType.webhookMethods!.default![name]!;
		return await method.call(context);
	}

	/** As WebhookService.createWebhookIfNotExists, then the static data is saved. */
	async activate(activation: WorkflowActivateMode = 'activate', mode: WorkflowExecuteMode = 'trigger'): Promise<'existed' | 'created'> {
		const parts = await this.build();
		const exists = await this.runHook('checkExists', parts, mode, activation);
		if (!exists) await this.runHook('create', parts, mode, activation);
		this.save(parts.workflow);
		return exists ? 'existed' : 'created';
	}

	/** As WebhookService.deleteWebhook when a workflow is deactivated. */
	async deactivate(mode: WorkflowExecuteMode = 'trigger'): Promise<void> {
		const parts = await this.build();
		await this.runHook('delete', parts, mode, 'activate');
		this.save(parts.workflow);
	}

	/** Runs `webhook()` for a request n8n has received and parsed; starts an execution with its items. */
	async runWebhook(
		httpRequest: IDataObject,
		httpResponse: unknown,
		mode: WorkflowExecuteMode = 'webhook',
	): Promise<INodeExecutionData[] | undefined> {
		const parts = await this.build();
		const additionalData = { ...parts.additionalData, httpRequest, httpResponse } as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = this.webhookData(parts.workflow, additionalData, parts.nodeType, mode === 'manual');
		const context = new WebhookContext(parts.workflow, this.node, additionalData, mode, webhookData, [], null);
		const result: IWebhookResponseData = await parts.nodeType.webhook!.call(context);
		this.save(parts.workflow);
		if (result.workflowData === undefined) return undefined;
		const started = await this.startExecution(parts.workflow, parts.additionalData, result.workflowData);
		this.executions.push(started);
		return started;
	}

	/** A delivery from a test double of n8n's request and response (engine tests). */
	async deliver(request: DeliveryRequest, mode: WorkflowExecuteMode = 'webhook'): Promise<DeliveryResult> {
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
			mode,
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

	/** The credential's secrets and the trigger's webhook secret never reach an execution. */
	private expectNoSecretsIn(run: IRun): void {
		const webhookSecret = this.node.parameters.secret;
		const secrets = { ...credentialSecrets(this.credentials), webhookSecret: typeof webhookSecret === 'string' ? webhookSecret : undefined };
		assertNoSecrets({ runData: run.data.resultData.runData, error: run.data.resultData.error }, secrets, 'execution');
	}

	/** As n8n starts a webhook execution: the trigger's items on the stack, then WorkflowExecute. */
	private async startExecution(
		workflow: Workflow,
		baseAdditionalData: IWorkflowExecuteAdditionalData,
		workflowData: INodeExecutionData[][],
	): Promise<INodeExecutionData[]> {
		await binaryDataService();
		const executionId = `exec-${++idCounter}`;
		const hooks = new ExecutionLifecycleHooks('webhook', executionId, {
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
		await new WorkflowExecute(additionalData, 'webhook', runExecutionData).processRunExecutionData(workflow);
		const run = await finished;
		this.expectNoSecretsIn(run);
		const sink = run.data.resultData.runData.Sink;
		if (!sink) throw new Error(`the execution did not reach Sink: ${run.data.resultData.error?.message ?? 'no error'}`);
		return sink.flatMap((task) => task.data?.main?.[0] ?? []);
	}
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
