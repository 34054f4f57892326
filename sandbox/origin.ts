import type { FastifyRequest } from 'fastify';

/** `scheme://host[:port]` as the client addressed us, so links in responses work for it. */
export function requestOrigin(request: FastifyRequest): string {
	return `${request.protocol}://${request.headers.host ?? request.hostname}`;
}
