import { randomUUID } from 'crypto';
import { unlink } from 'fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAuthenticated, UNAUTHENTICATED } from '../auth';
import type { SandboxContext } from '../context';
import { notifySessionProgress, notifySessionRequirement } from '../notifications';
import { requestOrigin } from '../origin';
import { statementPdfLinks } from '../pdfLinks';
import { validateSessionRequest, type SessionError } from '../sessionRules';
import { insightsAccount, processedAccount, progressItems, uploadStatusView } from '../sessionViews';
import type { SessionRecord } from '../store/types';
import { receiveForm } from '../uploads/receive';
import { parseWebhookBody } from './entities';

const HASH = { config: { serverHash: true } };

function sendError(reply: FastifyReply, error: SessionError): FastifyReply {
	return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
}

export const SESSION_NOT_FOUND: SessionError = { status: 404, code: 'SESSION_NOT_FOUND', message: 'The provided Session ID is invalid' };
export const SESSION_DELETED: SessionError = { status: 410, code: 'SESSION_DELETED', message: 'The session has been deleted' };
const PROCESSING_NOT_REQUESTED: SessionError = { status: 400, code: 'PROCESSING_NOT_REQUESTED', message: 'Processing has not been requested for this session' };
const PROCESSING_NOT_COMPLETED: SessionError = { status: 400, code: 'PROCESSING_NOT_COMPLETED', message: 'Processing of this session is not completed yet' };
const DUPLICATE_PROCESSING_REQUEST: SessionError = { status: 409, code: 'DUPLICATE_PROCESSING_REQUEST', message: 'Processing was already requested for this session' };

/** Session create, the `session_data` reads, initiate, delete and the session webhook. */
export function registerSessionRoutes(api: FastifyInstance, context: SandboxContext): void {
	const { state } = context;

	/** The live session of a `:sessionId` route, or the 404 / 410 already sent. */
	const liveSession = (request: FastifyRequest, reply: FastifyReply): SessionRecord | null => {
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
	};
	/** The session once processing finished, or the 400 already sent. */
	const processedSession = (request: FastifyRequest, reply: FastifyReply): SessionRecord | null => {
		const session = liveSession(request, reply);
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
	};

	api.post('/session/', { config: { apiKeyInBody: true } }, async (request, reply) => {
		const { fields } = await receiveForm(request, context.files, context.multipart);
		// the create page names api_key as a body field and no header: either one authenticates, and both must agree
		if (!isAuthenticated(request.headers, context.options, false, fields.api_key)) return reply.code(401).send(UNAUTHENTICATED);
		const now = context.clock.now();
		const valid = validateSessionRequest(fields, now, context.options.disabledModes);
		if ('code' in valid) return sendError(reply, valid);
		if (fields.api_key !== context.options.apiKey) return reply.code(401).send(UNAUTHENTICATED);
		const session: SessionRecord = {
			id: randomUUID(),
			...valid,
			createdAt: now,
			expiresAt: now + valid.expiryMinutes * 60_000,
			expired: false,
			deleted: false,
			processingRequestedAt: null,
			enrichmentNotified: false,
		};
		state.sessions.set(session.id, session);
		return { session_id: session.id, redirect_url: `${requestOrigin(request)}/__sandbox/session/?session_id=${session.id}` };
	});

	api.post('/session_data/update_webhook/', HASH, async (request, reply) => {
		const parsed = parseWebhookBody(request.body, [0, 1, 2, 3], 3);
		if ('error' in parsed) return reply.code(400).send(parsed.error);
		state.sessionWebhook = parsed.config;
		return { message: 'success' };
	});

	for (const path of ['/session_data/:sessionId/session_upload_status/', '/session_data/:sessionId/upload_status/']) {
		api.get(path, HASH, async (request, reply) => {
			const session = liveSession(request, reply);
			return session ? uploadStatusView(state, session) : reply;
		});
	}

	api.post('/session_data/:sessionId/initiate_processing/', HASH, async (request, reply) => {
		const session = liveSession(request, reply);
		if (!session) return reply;
		if (session.processingRequestedAt !== null) return sendError(reply, DUPLICATE_PROCESSING_REQUEST);
		session.processingRequestedAt = context.clock.now();
		notifySessionRequirement(context, session);
		for (const statement of state.statementsOf(session.id)) context.processing.schedule(statement);
		notifySessionProgress(context, session.id);
		return reply.code(202).send({ session_id: session.id, message: 'success' });
	});

	api.get('/session_data/:sessionId/progress/', HASH, async (request, reply) => {
		const session = liveSession(request, reply);
		if (!session) return reply;
		if (session.processingRequestedAt === null) return sendError(reply, PROCESSING_NOT_REQUESTED);
		const progress = progressItems(state, session);
		const busy = state.statementsOf(session.id).some((s) => s.status === 'processing');
		return { session_id: session.id, session_progress: busy ? 'processing' : 'completed', progress };
	});

	api.get('/session_data/:sessionId/session_status/', HASH, async (request, reply) => {
		const session = processedSession(request, reply);
		if (!session) return reply;
		return { session_id: session.id, accounts: state.accountsOf(session.id).map((a) => processedAccount(state, a)) };
	});

	for (const path of ['/session_data/:sessionId/insights/', '/session_data/:sessionId/subscribed_data/']) {
		api.get(path, HASH, async (request, reply) => {
			const session = processedSession(request, reply);
			if (!session) return reply;
			const accounts = Object.fromEntries(state.accountsOf(session.id).map((a) => [a.id, insightsAccount(state, a)]));
			return { session_id: session.id, accounts };
		});
	}

	api.get('/session_data/:sessionId/get_pdfs/', HASH, async (request, reply) => {
		const session = liveSession(request, reply);
		if (!session) return reply;
		return { statements: statementPdfLinks(context, requestOrigin(request), state.statementsOf(session.id)) };
	});

	api.delete('/session_data/:sessionId/delete/', HASH, async (request, reply) => {
		const session = liveSession(request, reply);
		if (!session) return reply;
		session.deleted = true;
		for (const statement of state.statementsOf(session.id)) {
			state.statements.delete(statement.id);
			await unlink(statement.filePath).catch(() => undefined);
		}
		for (const account of state.accountsOf(session.id)) state.accounts.delete(account.id);
		return { session_id: session.id, message: 'success' };
	});
}
