/**
 * Real local HTTP servers for adversarial tests: a stand-in API host that answers as a hostile or
 * broken server would (redirects, echoes of the request), and a host elsewhere that records every
 * byte it is sent, to prove what never reaches it.
 */
import { createServer } from 'http';
import type { IncomingHttpHeaders, ServerResponse } from 'http';
import type { AddressInfo } from 'net';

/** A request as the server received it: method, path with query, headers, raw body. */
export interface ReceivedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface LocalServer {
	/** e.g. `http://127.0.0.1:40123` */
	origin: string;
	/** Every request received, in arrival order. */
	received: ReceivedRequest[];
	close(): Promise<void>;
}

export type Answer = (request: ReceivedRequest, response: ServerResponse) => void;

/** Starts a server on a free loopback port that records each request, then lets `answer` reply. */
export async function startLocalServer(answer: Answer): Promise<LocalServer> {
	const received: ReceivedRequest[] = [];
	const server = createServer((incoming, response) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const request = { method: incoming.method ?? '', path: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks) };
			received.push(request);
			answer(request, response);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Answers with JSON. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	response.writeHead(status, { 'content-type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
}

/** Answers with a redirect to `location`. */
export function redirect(response: ServerResponse, status: number, location: string): void {
	response.writeHead(status, { location, 'content-type': 'text/plain' });
	response.end(`Redirecting to ${location}`);
}

/** The request as a text a careless server might echo: request line, every header, the body. */
export function echoOf(request: ReceivedRequest): string {
	const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`);
	return [`${request.method} ${request.path}`, ...headers, '', request.body.toString('latin1')].join('\n');
}
