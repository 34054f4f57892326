import { createHmac, randomUUID } from 'crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAuthenticated, UNAUTHENTICATED } from '../auth';
import type { SandboxContext } from '../context';
import { requestOrigin } from '../origin';
import { validateSessionRequest, type SessionError, type SessionRequest } from '../sessionRules';
import { V2_ERRORS, validateSessionRequestV2 } from '../sessionRulesV2';
import type { SessionRecord } from '../store/types';
import { isFormRequest, mediaType, receiveForm } from '../uploads/receive';
import { sendError } from './sessionAccess';

/** V2 answers a failed authentication in its error envelope, as its table lists it. */
const V2_UNAUTHENTICATED = { error: { code: V2_ERRORS.UNAUTHENTICATED.code, message: V2_ERRORS.UNAUTHENTICATED.message } };

/** The `token` V2 puts into redirect_url: an HMAC of the session id, so the journey page can tell a forged link. */
function redirectToken(context: SandboxContext, sessionId: string): string {
	return createHmac('sha256', `session-token|${context.options.serverHash}`).update(sessionId).digest('hex');
}

function storeSession(context: SandboxContext, request: SessionRequest, extra: Pick<SessionRecord, 'apiVersion' | 'v2'>): SessionRecord {
	const now = context.clock.now();
	const id = randomUUID();
	const session: SessionRecord = {
		id,
		...request,
		...extra,
		redirectToken: extra.apiVersion === 2 ? redirectToken(context, id) : null,
		createdAt: now,
		expiresAt: now + request.expiryMinutes * 60_000,
		expired: false,
		deleted: false,
		processingRequestedAt: null,
		enrichmentNotified: false,
	};
	context.state.sessions.set(session.id, session);
	return session;
}

function redirectUrl(request: FastifyRequest, session: SessionRecord): string {
	const url = `${requestOrigin(request)}/__sandbox/session/?session_id=${session.id}`;
	return session.redirectToken === null ? url : `${url}&token=${session.redirectToken}`;
}

/**
 * Reads a create body (form or JSON) and authenticates it: the `x-api-key` header or, without it,
 * the body's `api_key` (the create pages name only the body field); both given must agree.
 */
async function authenticatedFields(
	context: SandboxContext,
	request: FastifyRequest,
	reply: FastifyReply,
	unauthenticated: unknown,
): Promise<Record<string, string> | null> {
	const { fields } = await receiveForm(request, context.files, context.multipart);
	const headerKey = request.headers['x-api-key'];
	const mismatch = headerKey !== undefined && fields.api_key !== undefined && fields.api_key !== '' && fields.api_key !== headerKey;
	if (!isAuthenticated(request.headers, context.options, false, fields.api_key) || mismatch) {
		await reply.code(401).send(unauthenticated);
		return null;
	}
	return fields;
}

/** `POST /v1/session/` (Session API V1). */
export function registerSessionCreateV1(api: FastifyInstance, context: SandboxContext): void {
	api.post('/session/', { config: { apiKeyInBody: true } }, async (request, reply) => {
		const fields = await authenticatedFields(context, request, reply, UNAUTHENTICATED);
		if (!fields) return reply;
		const valid = validateSessionRequest(fields, context.clock.now(), context.options.disabledModes);
		if ('code' in valid) return sendError(reply, valid);
		const session = storeSession(context, valid, { apiVersion: 1, v2: null });
		return { session_id: session.id, redirect_url: redirectUrl(request, session) };
	});
}

/** `POST /v2/session/` (Session API V2, 2025-12): V1's fields plus the AA journey, consents and metadata; the redirect carries a token. */
export function registerSessionCreateV2(api: FastifyInstance, context: SandboxContext): void {
	const config = { apiKeyInBody: true, unauthenticatedBody: V2_UNAUTHENTICATED };
	api.post('/session/', { config }, async (request, reply) => {
		const type = mediaType(request);
		if (!isFormRequest(request) && type !== 'application/json') {
			const unsupported: SessionError = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `Unsupported media type "${type}" in request.` };
			return sendError(reply, unsupported);
		}
		const fields = await authenticatedFields(context, request, reply, V2_UNAUTHENTICATED);
		if (!fields) return reply;
		const valid = validateSessionRequestV2(fields, context.clock.now(), context.options.disabledModes);
		if ('code' in valid) return sendError(reply, valid);
		const { aaJourneyCode, consents, metadata, recurring, ...request1 } = valid;
		const session = storeSession(context, request1, { apiVersion: 2, v2: { aaJourneyCode, consents, metadata, recurring } });
		return { session_id: session.id, redirect_url: redirectUrl(request, session) };
	});
	api.get('/session/', { config }, async (_request, reply) => sendError(reply, V2_ERRORS.METHOD_NOT_ALLOWED));
}
