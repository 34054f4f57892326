/** The sandbox the fault suite runs against: request signing and a webhook secret on, so the secret scan sees all four secrets. */
import { createHmac } from 'crypto';
import type { INodeExecutionData } from 'n8n-workflow';

import type { NodeRunOptions } from '../../harness/runNode';
import { clearRequests, listRequests } from '../../harness/sandboxClient';
import type { SeenRequest } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';

export const SIGNING_SECRET = 'fault-suite-signing-secret-9f2c';
export const WEBHOOK_SECRET = 'fault-suite-webhook-secret-41ab';

export async function startFaultSandbox(extra: string[] = []): Promise<SandboxProcess> {
	return await startSandboxProcess([
		'--processing-ms', '0',
		'--signing-secret', SIGNING_SECRET,
		'--webhook-secret', WEBHOOK_SECRET,
		...extra,
	]);
}

/** How the suite runs the node (`runNode(parameters, underFaults(sandbox))`): continueOnFail on, the run scanned for all four secrets. */
export function underFaults(sandbox: SandboxProcess, startItems?: INodeExecutionData[]): NodeRunOptions {
	return {
		sandbox,
		credentials: { signingSecret: SIGNING_SECRET },
		continueOnFail: true,
		extraSecrets: { webhookSecret: WEBHOOK_SECRET },
		startItems,
	};
}

/** The API requests the sandbox logged for one path (under /bank-connect), oldest first. */
export async function requestsTo(sandbox: SandboxProcess, path: string): Promise<SeenRequest[]> {
	return (await listRequests(sandbox.origin)).filter((r) => r.path === `/bank-connect${path}`);
}

export async function forgetRequests(sandbox: SandboxProcess): Promise<void> {
	await clearRequests(sandbox.origin);
}

/** A signed form POST straight to the API (the sandbox requires signing here). */
async function postForm<T>(sandbox: SandboxProcess, path: string, fields: Record<string, string>, expectedStatus: number): Promise<T> {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method: 'POST',
		headers: {
			'x-api-key': sandbox.apiKey,
			'content-type': 'application/x-www-form-urlencoded',
			TIMESTAMP: timestamp,
			ACCESS_TOKEN: createHmac('sha256', SIGNING_SECRET).update(timestamp).digest('hex'),
		},
		body: new URLSearchParams(fields),
	});
	if (response.status !== expectedStatus) throw new Error(`POST ${path} → ${response.status}`);
	return (await response.json()) as T;
}

export async function createEntity(sandbox: SandboxProcess, linkId = 'fault-suite'): Promise<string> {
	return (await postForm<{ entity_id: string }>(sandbox, '/v1/entity/', { link_id: linkId }, 201)).entity_id;
}

/** An entity with one statement uploaded (base64, bank known), analysed at once by the suite's sandbox (--processing-ms 0). */
export async function createAnalysedEntity(sandbox: SandboxProcess, pdfBase64: string, bank = 'hdfc'): Promise<string> {
	const entityId = await createEntity(sandbox);
	await postForm(sandbox, '/v1/statement/upload_base64/', { file: pdfBase64, bank_name: bank, entity_id: entityId }, 200);
	return entityId;
}

/** A session with the default range (the last six months). */
export async function createSession(sandbox: SandboxProcess, linkId = 'fault-suite'): Promise<string> {
	return (await postForm<{ session_id: string }>(sandbox, '/v1/session/', { link_id: linkId, api_key: sandbox.apiKey }, 200)).session_id;
}
