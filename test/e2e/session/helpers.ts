/** Shared pieces of the Session and Webhook end-to-end tests: sample URLs, a local webhook receiver, waiting. */
import { createServer } from 'http';
import type { IncomingHttpHeaders, Server } from 'http';
import type { AddressInfo } from 'net';

import type { SandboxProcess } from '../../harness/sandboxProcess';

/** The URL of a generated statement PDF the sandbox fetches itself (a loopback `file_url`). */
export function sampleUrl(sandbox: SandboxProcess, query: Record<string, string | number>): string {
	const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
	return `${sandbox.origin}/__sandbox/sample-statement?${params.toString()}`;
}

export interface ReceivedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
}

/** A local HTTP server on a free port that records every JSON request and answers with `status`. */
export interface WebhookReceiver {
	url: string;
	received: ReceivedRequest[];
	status: number;
	close(): Promise<void>;
}

export async function startReceiver(status = 200): Promise<WebhookReceiver> {
	const received: ReceivedRequest[] = [];
	const receiver: { server?: Server; status: number } = { status };
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
			res.statusCode = receiver.status;
			res.setHeader('content-type', 'application/json');
			res.end(receiver.status < 300 ? '{"ok":true}' : '{"message":"outage"}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}/bankconnect-events`,
		received,
		get status() {
			return receiver.status;
		},
		set status(value: number) {
			receiver.status = value;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Polls `check` every 100 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
