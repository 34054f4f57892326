import { randomUUID } from 'crypto';
import { join } from 'path';

import { REPO_ROOT } from '../repository';

/**
 * n8n stores run data "flatted" (JSON with shared references); its own copy of the library reads it,
 * loaded on first use so that importing this file works before the app is installed.
 */
export function parseFlatted(text: string): unknown {
	const flatted = require(join(REPO_ROOT, '.n8n-app', 'app', 'node_modules', 'flatted')) as { parse(text: string): unknown };
	return flatted.parse(text);
}

export const OWNER = { email: 'owner@bankconnect.test', firstName: 'Test', lastName: 'Owner', password: 'Sandbox-Owner-1' };

/** One execution as n8n's REST API lists it. */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
}

/** The run data of one execution: items per node (last run). */
export interface ExecutionDetail extends ExecutionSummary {
	/** The json of the items a node emitted on one output (default the first, e.g. an If's true branch). */
	output(nodeName: string, outputIndex?: number): Array<Record<string, unknown>>;
	nodesRun: string[];
	/** The error the execution stopped with, if any. */
	error?: { message: string; description?: string; node?: { name: string } };
}

interface RunData {
	resultData: {
		error?: ExecutionDetail['error'];
		runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
	};
}

/**
 * The REST API behind n8n's editor, as the owner: `setupOwner` turns the fresh instance's owner shell
 * into a user and keeps its session cookie; n8n ties that cookie to the `browser-id` header.
 */
export class N8nRest {
	private cookie = '';
	private readonly browserId = randomUUID();

	constructor(readonly url: string) {}

	async setupOwner(): Promise<void> {
		const response = await this.request('POST', '/rest/owner/setup', OWNER);
		const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('owner setup set no n8n-auth cookie');
		this.cookie = setCookie.split(';')[0];
	}

	/** The session cookie, e.g. for a browser. */
	get authCookie(): { name: string; value: string; browserId: string } {
		const [name, value] = this.cookie.split('=');
		return { name, value, browserId: this.browserId };
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const body = (await this.json('GET', `/rest/executions?filter=${filter}&limit=100`)) as { data: { results: ExecutionSummary[] } };
		return body.data.results;
	}

	async execution(id: string): Promise<ExecutionDetail> {
		const body = (await this.json('GET', `/rest/executions/${id}`)) as { data: ExecutionSummary & { data: string } };
		// a running execution may have no run data yet
		const run = ((body.data.data ? parseFlatted(body.data.data) : undefined) ?? {}) as Partial<RunData>;
		const runData = run.resultData?.runData ?? {};
		return {
			...body.data,
			nodesRun: Object.keys(runData),
			error: run.resultData?.error,
			output: (nodeName, outputIndex = 0) => {
				const runs = runData[nodeName];
				if (!runs?.length) throw new Error(`node "${nodeName}" did not run in execution ${id}`);
				return (runs[runs.length - 1].data?.main[outputIndex] ?? []).map((item) => item.json);
			},
		};
	}

	/** Publishes (activates) the workflow's current version, as the editor's Publish button does. */
	async activate(workflowId: string): Promise<void> {
		const { data } = (await this.json('GET', `/rest/workflows/${workflowId}`)) as { data: { versionId: string } };
		await this.json('POST', `/rest/workflows/${workflowId}/activate`, { versionId: data.versionId });
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.json('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/** Runs the workflow from a trigger as "Execute workflow" in the editor does; resolves with the execution's id. */
	async runManually(workflowId: string, triggerName: string): Promise<string> {
		const body = (await this.json('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } })) as {
			data: { executionId?: string; waitingForWebhook?: boolean };
		};
		if (!body.data.executionId) throw new Error(`running ${workflowId} from "${triggerName}" started no execution: ${JSON.stringify(body)}`);
		return body.data.executionId;
	}

	/** Polls until the execution has stopped; returns it. */
	async finishedExecution(id: string, timeoutMs = 120_000): Promise<ExecutionDetail> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.execution(id);
			if (execution.stoppedAt !== null && execution.status !== 'running' && execution.status !== 'new') return execution;
			if (Date.now() > deadline) throw new Error(`execution ${id} still ${execution.status} after ${timeoutMs} ms`);
			await new Promise((resolveWait) => setTimeout(resolveWait, 300));
		}
	}

	/** Polls until the workflow has `count` finished executions (then returns them, oldest first). */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 60_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		let seen: ExecutionSummary[] = [];
		while (Date.now() < deadline) {
			seen = await this.executions(workflowId);
			const done = seen.filter((execution) => execution.stoppedAt !== null);
			if (done.length >= count) return done.sort((a, b) => Number(a.id) - Number(b.id));
			await new Promise((resolveWait) => setTimeout(resolveWait, 300));
		}
		throw new Error(`workflow ${workflowId} has ${seen.length} executions, not ${count}, after ${timeoutMs} ms: ${JSON.stringify(seen)}`);
	}

	async json(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await this.request(method, path, body);
		return await response.json();
	}

	private async request(method: string, path: string, body?: unknown): Promise<Response> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
		return response;
	}
}
