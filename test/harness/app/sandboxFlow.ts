import { listDeliveries, listRequests } from '../sandboxClient';
import type { WebhookDelivery } from '../sandboxClient';
import type { SandboxProcess } from '../sandboxProcess';

export const HOLDER = 'ASHA VERMA';
export const ACCOUNT = '50100123456789';

/** What an upload answers (without identity=true). */
export interface Uploaded {
	entity_id: string;
	statement_id: string;
	bank_name: string;
}

/**
 * Uploads the sandbox's own sample statement by `file_url`, as a client of the API would: a new
 * entity whose analysis finishes after the sandbox's processing time and is then delivered.
 */
export async function uploadSampleStatement(sandbox: SandboxProcess, seed: string): Promise<Uploaded> {
	const query = new URLSearchParams({ bank: 'hdfc', months: '3', seed, holder: HOLDER, account: ACCOUNT });
	const response = await fetch(`${sandbox.baseUrl}/v1/statement/upload/`, {
		method: 'POST',
		headers: { 'x-api-key': sandbox.apiKey, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ file_url: `${sandbox.origin}/__sandbox/sample-statement?${query}`, bank_name: 'hdfc' }),
	});
	if (response.status !== 200) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as Uploaded;
}

async function poll<T>(what: string, read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const found = await read();
		if (found !== undefined) return found;
		await new Promise((resolveWait) => setTimeout(resolveWait, 200));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Waits for the sandbox's answered delivery about this entity. */
export async function waitForDelivery(sandbox: SandboxProcess, entityId: string, timeoutMs = 30_000): Promise<WebhookDelivery> {
	return await poll(
		`a delivery about entity ${entityId}`,
		async () => (await listDeliveries(sandbox.origin)).find((d) => d.body.entity_id === entityId && d.status !== null),
		timeoutMs,
	);
}

/** Waits until the sandbox saw this many successful `update_webhook` requests (a trigger was activated). */
export async function waitForWebhookRegistrations(sandbox: SandboxProcess, count: number, timeoutMs = 60_000): Promise<void> {
	await poll(
		`${count} update_webhook requests`,
		async () => {
			const seen = (await listRequests(sandbox.origin)).filter((r) => r.path.endsWith('/update_webhook/') && r.status === 200);
			return seen.length >= count ? true : undefined;
		},
		timeoutMs,
	);
}
