/**
 * A local HTTP server that records what the example workflows' outside-service nodes would have
 * sent (test/harness/app/examples.ts turns them into HTTP Request nodes posting here): one call per
 * item, at `/<node name>`, with the node's parameters as n8n evaluated them and its attachments.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';

/** A file part of a recorded call. */
export interface RecordedFile {
	fileName: string;
	mimeType: string;
	bytes: Buffer;
}

/** One request a node made for one item. */
export interface RecordedCall {
	node: string;
	method: string;
	/** Form fields (multipart), or the top-level fields of a JSON body, as strings. */
	fields: Record<string, string>;
	/** The parsed JSON body, when the node sent JSON. */
	json?: unknown;
	files: Record<string, RecordedFile>;
}

export interface RecordingServer {
	url: string;
	/** The calls of one node (or of all), in arrival order. */
	calls(node?: string): RecordedCall[];
	/** Polls until the node has `count` calls; returns them. */
	waitForCalls(node: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
	stop(): Promise<void>;
}

async function readCall(node: string, method: string, contentType: string, body: Buffer): Promise<RecordedCall> {
	const call: RecordedCall = { node, method, fields: {}, files: {} };
	if (contentType.startsWith('multipart/form-data')) {
		const form = await new Request('http://recorder.local/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
		for (const [name, value] of form.entries()) {
			if (typeof value === 'string') call.fields[name] = value;
			else call.files[name] = { fileName: value.name, mimeType: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
		}
	} else if (contentType.includes('json') && body.length > 0) {
		call.json = JSON.parse(body.toString('utf8'));
		if (typeof call.json === 'object' && call.json !== null) {
			for (const [name, value] of Object.entries(call.json)) call.fields[name] = typeof value === 'string' ? value : JSON.stringify(value);
		}
	}
	return call;
}

/** Starts the recorder on a free loopback port. */
export async function startRecordingServer(): Promise<RecordingServer> {
	const calls: RecordedCall[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const node = decodeURIComponent((request.url ?? '/').slice(1).split('?')[0]);
			readCall(node, request.method ?? 'GET', String(request.headers['content-type'] ?? ''), Buffer.concat(chunks)).then(
				(call) => {
					calls.push(call);
					response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, recorded: node }));
				},
				(error: unknown) => response.writeHead(400).end(String(error)),
			);
		});
	});
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const of = (node?: string) => calls.filter((call) => node === undefined || call.node === node);
	return {
		url,
		calls: of,
		async waitForCalls(node, count, timeoutMs = 60_000) {
			const deadline = Date.now() + timeoutMs;
			while (of(node).length < count) {
				if (Date.now() > deadline) throw new Error(`"${node}" made ${of(node).length} calls, not ${count}, within ${timeoutMs} ms`);
				await new Promise((resolveWait) => setTimeout(resolveWait, 200));
			}
			return of(node);
		},
		stop: async () => await new Promise<void>((resolveClose) => server.close(() => resolveClose())),
	};
}
