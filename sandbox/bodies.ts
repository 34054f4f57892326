import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** Largest request body the sandbox reads (a form field, a JSON body, a multipart file). */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

/** A body the sandbox cannot read as the form or JSON its content type announces: a 400. */
export class MalformedBodyError extends Error {
	readonly statusCode = 400;
}

/** An upload body that stopped arriving: the connection is answered 408 and closed. */
export class BodyTimeoutError extends Error {
	readonly statusCode = 408;
}

/** Whether a failed request's body was cut short or could not be read, i.e. the client's fault. */
export function isBodyError(error: unknown): error is MalformedBodyError | BodyTimeoutError {
	return error instanceof MalformedBodyError || error instanceof BodyTimeoutError;
}

/** Whether the path is one of the statement upload routes, which answer any unreadable body with their own 400. */
function isUploadPath(url: string): boolean {
	return url.split('?')[0].includes('/v1/statement/');
}

/**
 * The sandbox's one place for request bodies: urlencoded forms, multipart (read later, streamed,
 * by `uploads/receive.ts`), JSON, and any other type passed on unread so the upload routes can
 * answer the contract's content-type 400.
 */
export async function registerBodyParsers(app: FastifyInstance): Promise<void> {
	await app.register(formbody, { bodyLimit: MAX_BODY_BYTES });
	await app.register(multipart, { limits: { fileSize: MAX_BODY_BYTES, fieldSize: MAX_BODY_BYTES, files: 4 } });
	app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
		try {
			done(null, body === '' ? {} : JSON.parse(body as string));
		} catch (error) {
			// upload routes answer a broken JSON body like any other non-form body
			if (isUploadPath(request.url)) done(null, undefined);
			else done(new MalformedBodyError(`JSON parse error - ${(error as Error).message}`), undefined);
		}
	});
	app.addContentTypeParser('*', (_request, payload, done) => {
		payload.on('error', done);
		payload.on('end', () => done(null, undefined));
		payload.resume();
	});
}
