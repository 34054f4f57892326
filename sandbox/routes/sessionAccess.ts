import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionError } from '../sessionRules';
import type { SandboxState } from '../store/state';
import type { SessionRecord } from '../store/types';

/** Which `session_data` routes need the `server-hash` header: all of them. */
export const HASH = { config: { serverHash: true } };

/** Answers a session API error as `{"error": {"code", "message"}}` with its status. */
export function sendError(reply: FastifyReply, error: SessionError): FastifyReply {
	return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
}

export const SESSION_NOT_FOUND: SessionError = { status: 404, code: 'SESSION_NOT_FOUND', message: 'The provided Session ID is invalid' };
export const SESSION_DELETED: SessionError = { status: 410, code: 'SESSION_DELETED', message: 'The session has been deleted' };
export const PROCESSING_NOT_REQUESTED: SessionError = { status: 400, code: 'PROCESSING_NOT_REQUESTED', message: 'Processing has not been requested for this session' };
export const PROCESSING_NOT_COMPLETED: SessionError = { status: 400, code: 'PROCESSING_NOT_COMPLETED', message: 'Processing of this session is not completed yet' };

/** The live session of a `:sessionId` route, or null once the 404 / 410 is sent. */
export function liveSession(state: SandboxState, request: FastifyRequest, reply: FastifyReply): SessionRecord | null {
	const session = state.sessions.get((request.params as { sessionId: string }).sessionId);
	if (!session) {
		void sendError(reply, SESSION_NOT_FOUND);
		return null;
	}
	if (session.deleted) {
		void sendError(reply, SESSION_DELETED);
		return null;
	}
	return session;
}

/** The session once its processing finished, or null once the 400 is sent (every data read waits for this). */
export function processedSession(state: SandboxState, request: FastifyRequest, reply: FastifyReply): SessionRecord | null {
	const session = liveSession(state, request, reply);
	if (!session) return null;
	if (session.processingRequestedAt === null) {
		void sendError(reply, PROCESSING_NOT_REQUESTED);
		return null;
	}
	if (state.statementsOf(session.id).some((s) => s.status === 'processing')) {
		void sendError(reply, PROCESSING_NOT_COMPLETED);
		return null;
	}
	return session;
}
