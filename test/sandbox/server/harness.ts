import PDFDocument from 'pdfkit';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import type { SandboxOptions } from '../../../sandbox/options';

/** A response read fully: status, headers and the parsed JSON (or raw text). */
export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export interface RequestOptions {
	query?: Record<string, string>;
	/** sent as application/x-www-form-urlencoded */
	form?: Record<string, string>;
	/** sent as multipart/form-data; Buffers become file parts named by `fileName` */
	multipart?: Record<string, string | Buffer>;
	json?: unknown;
	/** raw body with its own content-type header */
	raw?: { body: string | Buffer; contentType: string };
	headers?: Record<string, string>;
	/** leave out x-api-key / server-hash */
	noAuth?: boolean;
	noHash?: boolean;
}

/** An in-process sandbox and a small client for its API. */
export interface TestSandbox {
	sandbox: RunningSandbox;
	api<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
	admin<T = any>(method: string, path: string, json?: unknown): Promise<ApiResponse<T>>;
	close(): Promise<void>;
}

async function read<T>(response: Response): Promise<ApiResponse<T>> {
	const text = await response.text();
	let body: any = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON: keep the text
	}
	return { status: response.status, headers: response.headers, body, text };
}

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
	const sandbox = await startSandbox({ port: 0, processingMs: 0, webhookBackoffMs: 20, ...options });
	const { apiKey, serverHash } = sandbox.options;
	return {
		sandbox,
		async api(method, path, o = {}) {
			const url = new URL(`${sandbox.url}/v1/${path.replace(/^\//, '')}`);
			for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
			const headers: Record<string, string> = { ...(o.headers ?? {}) };
			if (!o.noAuth) headers['x-api-key'] ??= apiKey;
			if (!o.noAuth && !o.noHash) headers['server-hash'] ??= serverHash;
			let body: RequestInit['body'];
			if (o.form) {
				body = new URLSearchParams(o.form).toString();
				headers['content-type'] = 'application/x-www-form-urlencoded';
			} else if (o.multipart) {
				const form = new FormData();
				for (const [k, v] of Object.entries(o.multipart)) {
					if (typeof v === 'string') form.set(k, v);
					else form.set(k, new Blob([new Uint8Array(v)], { type: 'application/pdf' }), 'statement.pdf');
				}
				body = form;
			} else if (o.json !== undefined) {
				body = JSON.stringify(o.json);
				headers['content-type'] = 'application/json';
			} else if (o.raw) {
				body = o.raw.body as RequestInit['body'];
				headers['content-type'] = o.raw.contentType;
			}
			return read(await fetch(url, { method, headers, body }));
		},
		async admin(method, path, json) {
			return read(
				await fetch(`${sandbox.origin}/__sandbox/${path.replace(/^\//, '')}`, {
					method,
					headers: json === undefined ? {} : { 'content-type': 'application/json' },
					body: json === undefined ? undefined : JSON.stringify(json),
				}),
			);
		},
		close: () => sandbox.close(),
	};
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A text PDF that names no bank the sandbox knows. */
export async function unknownBankPdf(): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4' });
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise((resolve) => doc.on('end', resolve));
	doc.fontSize(16).text('Sahakari Co-operative Credit Society', 30, 30);
	doc.fontSize(8).text('Date   Narration   Debit   Credit   Balance', 30, 100);
	doc.end();
	await ended;
	return Buffer.concat(chunks);
}
