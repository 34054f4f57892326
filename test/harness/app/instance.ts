import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { installAsN8nDoes } from '../communityPackage';
import type { N8nInstance } from './n8nCli';
import { runN8n, runN8nOk } from './n8nCli';

export const CREDENTIAL_ID = 'BankConnectSbx01';
export const CREDENTIAL_NAME = 'BankConnect sandbox';

/** The sandbox the credential points at. */
export interface SandboxTarget {
	baseUrl: string;
	apiKey: string;
	serverHash: string;
	signingSecret?: string;
}

/** A workflow as n8n imports and exports it (the fields the tests touch). */
export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		webhookId?: string;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * A fresh n8n user folder with this package installed as n8n installs community packages.
 * `remove()` deletes the folder.
 */
export function createInstance(env: Record<string, string> = {}): N8nInstance & { remove(): void } {
	const tarball = process.env.BANKCONNECT_TARBALL;
	if (!tarball) throw new Error('BANKCONNECT_TARBALL is not set: run through jest.n8n.config.js');
	const userFolder = mkdtempSync(join(tmpdir(), 'bankconnect-n8n-app-'));
	installAsN8nDoes(userFolder, tarball);
	return { userFolder, env, remove: () => rmSync(userFolder, { recursive: true, force: true }) };
}

/** `n8n import:credentials` of a BankConnect credential with the custom base URL of the sandbox (and the account's Webhook Secret). */
export async function importCredential(instance: N8nInstance, sandbox: SandboxTarget, options: { webhookSecret?: string } = {}): Promise<void> {
	const file = join(instance.userFolder, 'credential.json');
	const credential = {
		id: CREDENTIAL_ID,
		name: CREDENTIAL_NAME,
		type: 'bankConnectApi',
		data: {
			apiKey: sandbox.apiKey,
			serverHashSecret: sandbox.serverHash,
			environment: 'custom',
			baseUrl: sandbox.baseUrl,
			signingSecret: sandbox.signingSecret ?? '',
			webhookSecret: options.webhookSecret ?? '',
		},
	};
	writeFileSync(file, JSON.stringify([credential]));
	await runN8nOk(instance, ['import:credentials', `--input=${file}`]);
	rmSync(file);
}

/** Points every BankConnect node of the workflow at the imported credential. */
export function withSandboxCredential(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith('n8n-nodes-bankconnect.')
				? { ...node, credentials: { bankConnectApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } } }
				: node,
		),
	};
}

/** `n8n import:workflow` of one workflow under the given id (16 letters or digits, as n8n's own). */
export async function importWorkflow(instance: N8nInstance, id: string, workflow: WorkflowJson): Promise<void> {
	const file = join(instance.userFolder, `workflow-${id}.json`);
	writeFileSync(file, JSON.stringify({ ...withSandboxCredential(workflow), id }));
	await runN8nOk(instance, ['import:workflow', `--input=${file}`]);
	rmSync(file);
}

/** `n8n import:workflow` of several workflows at once (one CLI start), each under its id. */
export async function importWorkflows(instance: N8nInstance, workflows: Array<{ id: string; workflow: WorkflowJson }>): Promise<void> {
	const file = join(instance.userFolder, 'workflows.json');
	writeFileSync(file, JSON.stringify(workflows.map(({ id, workflow }) => ({ ...withSandboxCredential(workflow), id }))));
	await runN8nOk(instance, ['import:workflow', `--input=${file}`]);
	rmSync(file);
}

/** One output item: binary data is described (mime type, file name, size), its bytes kept by n8n. */
export interface CliItem {
	json: Record<string, unknown>;
	binary?: Record<string, { mimeType: string; fileName?: string; fileSize?: string }>;
	pairedItem?: unknown;
}

/** What `n8n execute --rawOutput` prints: the run of the workflow (the fields the tests read). */
export interface CliRun {
	status?: string;
	data: {
		resultData: {
			error?: { message: string; description?: string };
			lastNodeExecuted?: string;
			runData: Record<string, Array<{ executionStatus?: string; error?: { message: string }; data?: { main: Array<Array<CliItem> | null> } }>>;
		};
	};
}

/** The json of every item a node emitted on its first output in its last run. */
export function nodeOutput(run: CliRun, nodeName: string): Array<Record<string, unknown>> {
	return nodeItems(run, nodeName).map((item) => item.json);
}

/** Every item a node emitted on its first output in its last run. */
export function nodeItems(run: CliRun, nodeName: string): CliItem[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`);
	const last = runs[runs.length - 1];
	if (last.error) throw new Error(`node "${nodeName}" failed: ${last.error.message}`);
	return last.data?.main[0] ?? [];
}

/**
 * `n8n execute --id=ID --rawOutput`: n8n runs the workflow in this CLI process and prints the run as
 * JSON after its start-up log lines. A failed workflow exits non-zero; its run is returned all the same.
 */
export async function executeWorkflow(instance: N8nInstance, id: string): Promise<{ code: number | null; run: CliRun }> {
	const result = await runN8n(instance, ['execute', `--id=${id}`, '--rawOutput']);
	const start = result.stdout.search(/^\{$/m);
	if (start < 0) throw new Error(`n8n execute printed no run (exit ${result.code})\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
	return { code: result.code, run: JSON.parse(result.stdout.slice(start)) as CliRun };
}
