/**
 * The real n8n app (2.41.1 in .n8n-app/, n8n-nodes-base included) with this package installed as n8n
 * installs community packages, as the benchmarks' stage. One `n8n start` serves a whole bench run:
 * credentials and workflows are created and run through the REST API the editor uses (a run is what
 * "Execute workflow" starts), and what each node did is read from the saved execution (every node
 * run's start time, duration and items). The real-app tests' harness does the heavy lifting; this
 * file is the benchmarks' one door to it.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import type { CliItem, WorkflowJson } from '../../test/harness/app/instance';
import { createInstance } from '../../test/harness/app/instance';
import { N8N_BIN } from '../../test/harness/app/n8nCli';
import { N8nRest, parseFlatted } from '../../test/harness/app/n8nRest';
import { startN8nProcess } from '../../test/harness/app/n8nServer';
import { packPackage } from '../../test/harness/communityPackage';
import { REPO_ROOT } from '../../test/harness/repository';
import type { SandboxProcess } from '../../test/harness/sandboxProcess';

export type { WorkflowJson };

/** How a benchmark process finds the app run.ts started (so one `n8n start` serves the whole run). */
const APP_ENV = { url: 'BENCH_N8N_URL', cookie: 'BENCH_N8N_COOKIE', browserId: 'BENCH_N8N_BROWSER_ID' } as const;

/** Why the real app cannot run here, or null when it can. */
export function n8nAppUnavailable(): string | null {
	if (Number(process.versions.node.split('.')[0]) < 24) return `n8n 2.41 needs Node 24 (this is ${process.version}): run through scripts/node24.sh`;
	if (!existsSync(N8N_BIN)) return 'the n8n app is not installed in .n8n-app/ (scripts/n8nApp/setup.sh installs it)';
	return null;
}

/** Installs the app when missing (a no-op when cached), as the real-app tests' global setup does. */
export function installN8nApp(): void {
	execFileSync('bash', [join(REPO_ROOT, 'scripts', 'n8nApp', 'setup.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** One run of one node: when it started (epoch ms, n8n's clock), how long it took, the items of its first output. */
export interface NodeRun {
	startTime: number;
	executionTime: number;
	items: CliItem[];
}

/** A finished workflow run: every run of a node, in order. */
export interface AppRun {
	executionId: string;
	status: string;
	runsOf(nodeName: string): NodeRun[];
}

interface SavedRunData {
	resultData: {
		error?: { message: string };
		runData: Record<string, Array<{ startTime: number; executionTime: number; data?: { main: Array<CliItem[] | null> } }>>;
	};
}

/** An execution as n8n lists it. */
interface ExecutionListed {
	id: string;
	status: string;
	stoppedAt: string | null;
}

/** The most executions n8n's REST API lists at once. */
const EXECUTION_PAGE = 100;

function hasStopped(execution: ExecutionListed): boolean {
	return execution.stoppedAt !== null && execution.status !== 'running' && execution.status !== 'new';
}

const pause = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

/** A credential as a workflow node refers to it. */
export interface CredentialRef {
	id: string;
	name: string;
}

/** The credentials every bench workflow uses, created in the app for one sandbox. */
export interface SandboxCredentials {
	/** the package's BankConnect credential, custom base URL = the sandbox */
	bankConnectApi: CredentialRef;
	/** n8n's generic Custom Auth credential sending both API headers, for the HTTP Request nodes */
	httpCustomAuth: CredentialRef;
}

/** A logged-in session with a running n8n app. */
export class N8nApp {
	constructor(
		readonly url: string,
		private readonly cookie: string,
		private readonly browserId: string,
	) {}

	/** The environment that lets a benchmark process use this app. */
	env(): Record<string, string> {
		return { [APP_ENV.url]: this.url, [APP_ENV.cookie]: this.cookie, [APP_ENV.browserId]: this.browserId };
	}

	private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'browser-id': this.browserId,
				cookie: this.cookie,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`n8n ${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** Both credentials a bench workflow may use, pointing at this sandbox; `webhookSecret` is the one the sandbox sends with its webhooks. */
	async createCredentials(sandbox: SandboxProcess, label: string, webhookSecret = ''): Promise<SandboxCredentials> {
		const create = async (type: string, name: string, data: Record<string, unknown>): Promise<CredentialRef> => {
			const created = await this.request<{ id: string }>('POST', '/rest/credentials', { name, type, data });
			return { id: created.id, name };
		};
		return {
			bankConnectApi: await create('bankConnectApi', `BankConnect sandbox (${label})`, {
				apiKey: sandbox.apiKey,
				serverHashSecret: sandbox.serverHash,
				environment: 'custom',
				baseUrl: sandbox.baseUrl,
				signingSecret: '',
				webhookSecret,
			}),
			httpCustomAuth: await create('httpCustomAuth', `BankConnect API headers (${label})`, {
				json: JSON.stringify({ headers: { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash } }),
			}),
		};
	}

	/** Saves the workflow (its nodes given these credentials) and returns its id. */
	async createWorkflow(workflow: WorkflowJson, credentials: SandboxCredentials): Promise<string> {
		const nodes = workflow.nodes.map((node) => {
			if (node.type.startsWith('n8n-nodes-bankconnect.')) return { ...node, credentials: { bankConnectApi: credentials.bankConnectApi } };
			if (node.credentials?.httpCustomAuth) return { ...node, credentials: { httpCustomAuth: credentials.httpCustomAuth } };
			return node;
		});
		const { id: _id, pinData: _pinData, ...rest } = workflow;
		const created = await this.request<{ id: string }>('POST', '/rest/workflows', { ...rest, nodes, active: false });
		return created.id;
	}

	/** Runs the workflow as "Execute workflow" in the editor does, from its trigger, and waits for the saved run. */
	async run(workflowId: string, triggerName: string, timeoutMs: number): Promise<AppRun> {
		const started = await this.request<{ executionId?: string }>('POST', `/rest/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: triggerName },
		});
		const executionId = started.executionId;
		if (!executionId) throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const run = await this.finishedRun(workflowId, executionId);
			if (run) return run;
			if (Date.now() > deadline) throw new Error(`workflow ${workflowId} (execution ${executionId}) still running after ${timeoutMs} ms`);
			await pause(500);
		}
	}

	/**
	 * Publishes the workflow's current version, as the editor's Publish button does; a published one
	 * is unpublished first, so its triggers are activated again (a trigger registers its webhook then).
	 */
	async publish(workflowId: string): Promise<void> {
		const workflow = await this.request<{ active: boolean; versionId: string }>('GET', `/rest/workflows/${workflowId}`);
		if (workflow.active) await this.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		await this.request('POST', `/rest/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	}

	/**
	 * The runs of a published workflow that started after `since` (e.g. one per webhook), once
	 * `count` of them have finished; throws when one failed, when more start, or after `timeoutMs`.
	 */
	async runsSince(workflowId: string, since: Date, count: number, timeoutMs: number): Promise<AppRun[]> {
		if (count > EXECUTION_PAGE) throw new Error(`runsSince reads one page of ${EXECUTION_PAGE} executions, not ${count}`);
		const filter = encodeURIComponent(JSON.stringify({ workflowId, startedAfter: since.toISOString() }));
		const deadline = Date.now() + timeoutMs;
		let seen: ExecutionListed[] = [];
		for (;;) {
			({ results: seen } = await this.request<{ results: ExecutionListed[] }>('GET', `/rest/executions?filter=${filter}&limit=${EXECUTION_PAGE}`));
			if (seen.length > count) throw new Error(`workflow ${workflowId} ran ${seen.length} times since ${since.toISOString()}, not ${count}`);
			if (seen.length === count && seen.every(hasStopped)) break;
			if (Date.now() > deadline) {
				throw new Error(`workflow ${workflowId}: ${seen.filter(hasStopped).length} of ${count} runs finished (${seen.length} started) after ${timeoutMs} ms`);
			}
			await pause(500);
		}
		const runs: AppRun[] = [];
		for (const listed of seen.sort((a, b) => Number(a.id) - Number(b.id))) {
			const run = await this.finishedRun(workflowId, listed.id);
			if (!run) throw new Error(`execution ${listed.id} of workflow ${workflowId} is listed as stopped but has not finished`);
			runs.push(run);
		}
		return runs;
	}

	/** The saved run of a finished execution, null while it runs; throws when it did not succeed. */
	private async finishedRun(workflowId: string, executionId: string): Promise<AppRun | null> {
		const execution = await this.request<ExecutionListed & { data: string }>('GET', `/rest/executions/${executionId}`);
		if (!hasStopped(execution)) return null;
		const saved = parseFlatted(execution.data) as SavedRunData;
		const error = saved.resultData.error;
		if (execution.status !== 'success' || error) {
			throw new Error(`workflow ${workflowId} (execution ${executionId}) ended ${execution.status}: ${error?.message ?? 'no error message'}`);
		}
		return {
			executionId,
			status: execution.status,
			runsOf: (nodeName) =>
				(saved.resultData.runData[nodeName] ?? []).map((nodeRun) => ({
					startTime: nodeRun.startTime,
					executionTime: nodeRun.executionTime,
					items: nodeRun.data?.main[0] ?? [],
				})),
		};
	}
}

/** The app a parent process (run.ts) started, when this process was given one. */
export function appFromEnvironment(): N8nApp | null {
	const url = process.env[APP_ENV.url];
	const cookie = process.env[APP_ENV.cookie];
	const browserId = process.env[APP_ENV.browserId];
	return url && cookie && browserId ? new N8nApp(url, cookie, browserId) : null;
}

/** A fresh user folder with this package installed (packed from dist/), `n8n start`, and its owner logged in. */
export async function startN8nApp(): Promise<{ app: N8nApp; stop(): Promise<void> }> {
	process.env.BANKCONNECT_TARBALL ??= packPackage(mkdtempSync(join(tmpdir(), 'bankconnect-bench-pack-')));
	const instance = createInstance();
	// a fresh database migrates first: minutes on a busy machine
	const main = await startN8nProcess(instance, 'start', { timeoutMs: 300_000 });
	try {
		const rest = new N8nRest(main.url);
		await rest.setupOwner();
		const { name, value, browserId } = rest.authCookie;
		return {
			app: new N8nApp(main.url, `${name}=${value}`, browserId),
			stop: async () => {
				await main.stop();
				instance.remove();
			},
		};
	} catch (error) {
		await main.stop();
		instance.remove();
		throw error;
	}
}

/** The app this process was given, or one started for it (a benchmark file run on its own). */
export async function useN8nApp(): Promise<{ app: N8nApp; stop(): Promise<void> }> {
	const given = appFromEnvironment();
	if (given) return { app: given, stop: async () => {} };
	return await startN8nApp();
}
