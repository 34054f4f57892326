import { join } from 'path';
import { Worker } from 'worker_threads';

/** One run of text on a page; x/y in PDF points from the bottom-left corner (y is the baseline). */
export interface TextItem {
	str: string;
	x: number;
	y: number;
	width: number;
}

/** Every page's text items plus the document's info metadata. */
export interface PdfText {
	pageCount: number;
	metadata: { author: string | null; creator: string | null; producer: string | null };
	pages: TextItem[][];
}

/** What pdfjs threw, reduced to what callers decide on (`PasswordException` code 1 = missing, 2 = wrong). */
export class PdfTextError extends Error {
	constructor(
		readonly pdfjsName: string,
		readonly code: number | null,
		message: string,
	) {
		super(message);
		this.name = 'PdfTextError';
	}
}

type Reply = { id: number; result?: PdfText; error?: { name: string; code: number | null; message: string } };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (text: PdfText) => void; reject: (error: Error) => void }>();

function textWorker(): Worker {
	if (worker) return worker;
	const started = new Worker(join(__dirname, 'pdfTextWorker.mjs'));
	// The worker must never keep a CLI, a server or a test run alive on its own.
	started.unref();
	started.on('message', ({ id, result, error }: Reply) => {
		const waiting = pending.get(id);
		if (!waiting) return;
		pending.delete(id);
		if (error) waiting.reject(new PdfTextError(error.name, error.code, error.message));
		else waiting.resolve(result!);
	});
	started.on('error', (error) => failAll(error));
	started.on('exit', () => {
		if (worker === started) worker = undefined;
		failAll(new Error('PDF text worker stopped'));
	});
	worker = started;
	return started;
}

function failAll(error: Error): void {
	for (const [id, waiting] of pending) {
		pending.delete(id);
		waiting.reject(error);
	}
}

/** Extract positioned text from a PDF with pdfjs (in a worker thread; images are never decoded). */
export function extractPdfText(pdf: Buffer | Uint8Array, password?: string): Promise<PdfText> {
	// A copy: the bytes are transferred to the worker and the caller keeps its buffer.
	return request(new Uint8Array(pdf), password);
}

/** Start the reader thread and load pdfjs now, so the first upload is not slowed by it (~0.5–2 s). */
export async function warmUpPdfReader(): Promise<void> {
	await request(undefined, undefined);
}

function request(data: Uint8Array | undefined, password: string | undefined): Promise<PdfText> {
	const id = nextId++;
	return new Promise<PdfText>((resolve, reject) => {
		const target = textWorker();
		target.ref();
		const settle = () => {
			if (pending.size === 0) target.unref();
		};
		pending.set(id, {
			resolve: (text) => { resolve(text); settle(); },
			reject: (error) => { reject(error); settle(); },
		});
		target.postMessage({ id, data, password }, data ? [data.buffer as ArrayBuffer] : []);
	});
}

/** Stop the worker thread (tests and shutdown); the next extraction starts a new one. */
export async function closePdfReader(): Promise<void> {
	const running = worker;
	worker = undefined;
	if (running) await running.terminate();
}
