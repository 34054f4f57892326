import type { FastifyRequest } from 'fastify';
import type { FileStore, StoredFile } from '../store/files';
import type { Limiter } from './limiter';

/** The form fields of an upload request, with the `file` part already on disk. */
export interface ReceivedForm {
	fields: Record<string, string>;
	/** the multipart `file` part, streamed to a temp file */
	filePart: StoredFile | null;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

function mediaType(request: FastifyRequest): string {
	return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Whether the body is a form (urlencoded or multipart) or empty, as upload routes require. */
export function isFormRequest(request: FastifyRequest): boolean {
	const type = mediaType(request);
	return type === '' || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/**
 * Reads a form body. Multipart file parts are streamed to disk one at a time, so concurrent
 * large uploads never sit in memory; urlencoded and JSON bodies were parsed by fastify already.
 */
export async function receiveForm(request: FastifyRequest, files: FileStore, receivers?: Limiter): Promise<ReceivedForm> {
	if (request.isMultipart()) {
		// bodies waiting for a receiver stay in the socket (the kernel's buffer), not in our memory
		return receivers ? receivers.run(() => receiveMultipart(request, files)) : receiveMultipart(request, files);
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

async function receiveMultipart(request: FastifyRequest, files: FileStore): Promise<ReceivedForm> {
	const fields: Record<string, string> = {};
	let filePart: StoredFile | null = null;
	for await (const part of request.parts()) {
		if (part.type === 'file') {
			if (part.fieldname === 'file' && filePart === null) {
				filePart = await files.fromStream(part.file, part.filename || 'statement.pdf', MAX_FILE_BYTES);
			} else {
				part.file.resume();
			}
		} else if (typeof part.value === 'string' || typeof part.value === 'number' || typeof part.value === 'boolean') {
			fields[part.fieldname] = String(part.value);
		}
	}
	return { fields, filePart };
}
