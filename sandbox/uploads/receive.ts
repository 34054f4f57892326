import type { FastifyRequest } from 'fastify';
import { BodyTimeoutError, MalformedBodyError } from '../bodies';
import { FileTooLargeError, type FileStore, type StoredFile } from '../store/files';
import type { Limiter } from './limiter';

/** The form fields of an upload request, with the `file` part already on disk. */
export interface ReceivedForm {
	fields: Record<string, string>;
	/** the multipart `file` part, streamed to a temp file */
	filePart: StoredFile | null;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The request's content type without parameters, lower case (`''` when absent). */
export function mediaType(request: FastifyRequest): string {
	return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Whether the body is a form (urlencoded or multipart) or empty, as upload routes require. */
export function isFormRequest(request: FastifyRequest): boolean {
	const type = mediaType(request);
	return type === '' || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/** How multipart bodies are read: at most `receivers` at once, each given up after `idleMs` without data. */
export interface MultipartReading {
	receivers: Limiter;
	idleMs: number;
}

/**
 * Reads a form body. Multipart file parts are streamed to disk one at a time, so concurrent
 * large uploads never sit in memory; urlencoded and JSON bodies were parsed by fastify already.
 * Throws MalformedBodyError for a multipart body that cannot be parsed and BodyTimeoutError for
 * one that stalls.
 */
export async function receiveForm(request: FastifyRequest, files: FileStore, reading: MultipartReading): Promise<ReceivedForm> {
	if (request.isMultipart()) {
		// bodies waiting for a receiver stay in the socket (the kernel's buffer), not in our memory
		return reading.receivers.run(() => receiveMultipart(request, files, reading.idleMs));
	}
	const fields: Record<string, string> = {};
	const body = request.body;
	if (typeof body === 'object' && body !== null) {
		for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
			const first = Array.isArray(value) ? value[0] : value;
			if (first === null || first === undefined) continue;
			fields[key] = typeof first === 'object' ? JSON.stringify(first) : String(first);
		}
	}
	return { fields, filePart: null };
}

/**
 * Streams the parts of a multipart body. A body that sends nothing for `idleMs` is failed, so a
 * stalled client gives its receiver slot back instead of holding it for good.
 */
async function receiveMultipart(request: FastifyRequest, files: FileStore, idleMs: number): Promise<ReceivedForm> {
	const raw = request.raw;
	let stalled = false;
	let timer: NodeJS.Timeout | undefined;
	const rearm = (): void => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			stalled = true;
			// the multipart reader ends its part iteration on a request error and leaves the socket for our 408
			raw.emit('error', new BodyTimeoutError(`no upload data for ${idleMs} ms`));
		}, idleMs);
	};
	// the first next() pipes the body into the parser synchronously; only then may we listen for data too
	const parts = request.parts()[Symbol.asyncIterator]();
	let next = parts.next();
	raw.on('data', rearm);
	rearm();
	const fields: Record<string, string> = {};
	let filePart: StoredFile | null = null;
	try {
		for (let result = await next; !result.done; result = await next) {
			const part = result.value;
			if (part.type === 'file') {
				if (part.fieldname === 'file' && filePart === null) {
					filePart = await files.fromStream(part.file, part.filename || 'statement.pdf', MAX_FILE_BYTES);
				} else {
					part.file.resume();
				}
			} else if (typeof part.value === 'string' || typeof part.value === 'number' || typeof part.value === 'boolean') {
				fields[part.fieldname] = String(part.value);
			}
			next = parts.next();
		}
	} catch (error) {
		if (filePart !== null) await files.discard(filePart);
		if (stalled) throw new BodyTimeoutError(`Upload body timed out: no data for ${idleMs} ms`);
		if (error instanceof FileTooLargeError) throw error;
		throw new MalformedBodyError(`Multipart form parse error - ${(error as Error).message}`);
	} finally {
		clearTimeout(timer);
		raw.off('data', rearm);
	}
	return { fields, filePart };
}
