/** The sandbox in its own process (so its memory and CPU stay out of the figures) and raw undici calls to it. */
import { Agent, FormData, request } from 'undici';

import type { SandboxProcess } from '../../test/harness/sandboxProcess';
import { startSandboxProcess } from '../../test/harness/sandboxProcess';

export type { SandboxProcess };
export { startSandboxProcess };

/** One keep-alive agent for every raw call, as a long-lived HTTP client would have. */
export function rawAgent(connections = 128): Agent {
	return new Agent({ connections, keepAliveTimeout: 30_000 });
}

export function apiHeaders(sandbox: Pick<SandboxProcess, 'apiKey' | 'serverHash'>): Record<string, string> {
	return { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash, accept: 'application/json' };
}

/**
 * GET an API URL (absolute, or a path under the base URL) and parse its JSON body; `newConnection`
 * closes the connection afterwards, as n8n's HTTP helper (a fresh agent per request) does.
 */
export async function getJson<T>(agent: Agent, sandbox: SandboxProcess, url: string, newConnection = false): Promise<T> {
	const absolute = url.startsWith('http') ? url : `${sandbox.baseUrl}${url}`;
	const headers = newConnection ? { ...apiHeaders(sandbox), connection: 'close' } : apiHeaders(sandbox);
	const response = await request(absolute, { dispatcher: agent, headers });
	const text = await response.body.text();
	if (response.statusCode !== 200) throw new Error(`GET ${absolute} → ${response.statusCode}: ${text.slice(0, 200)}`);
	return JSON.parse(text) as T;
}

/** POST form fields and parse the JSON answer. */
export async function postForm<T>(
	agent: Agent,
	sandbox: SandboxProcess,
	path: string,
	fields: Record<string, string>,
): Promise<T> {
	const response = await request(`${sandbox.baseUrl}${path}`, {
		method: 'POST',
		dispatcher: agent,
		headers: { ...apiHeaders(sandbox), 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
	const text = await response.body.text();
	if (response.statusCode >= 300) throw new Error(`POST ${path} → ${response.statusCode}: ${text.slice(0, 200)}`);
	return JSON.parse(text) as T;
}

/** POST a statement file as multipart/form-data (undici's FormData), parse the JSON answer. */
export async function uploadStatement(
	agent: Agent,
	sandbox: SandboxProcess,
	file: Blob,
	fields: Record<string, string>,
): Promise<{ entity_id: string; statement_id: string }> {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	form.append('file', file, 'statement.pdf');
	const response = await request(`${sandbox.baseUrl}/v1/statement/upload/`, {
		method: 'POST',
		dispatcher: agent,
		headers: apiHeaders(sandbox),
		body: form,
	});
	const text = await response.body.text();
	if (response.statusCode !== 200) throw new Error(`upload → ${response.statusCode}: ${text.slice(0, 200)}`);
	return JSON.parse(text) as { entity_id: string; statement_id: string };
}

/** The node's own bounded-concurrency map, so the raw side of a comparison runs the same way. */
export { mapWithConcurrency as mapLimit } from '../../nodes/BankConnect/helpers/concurrency';
