import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { notifySessionProgress, notifySessionRequirement } from '../notifications';
import type { SessionError } from '../sessionRules';
import { processedAccount, progressItems, uploadStatusView } from '../sessionViews';
import { parseWebhookBody } from './entities';
import { HASH, liveSession, processedSession, PROCESSING_NOT_REQUESTED, sendError } from './sessionAccess';

const DUPLICATE_PROCESSING_REQUEST: SessionError = { status: 409, code: 'DUPLICATE_PROCESSING_REQUEST', message: 'Processing was already requested for this session' };

/** A session's lifecycle after create: upload status, initiate, progress, status, delete, and the session webhook. */
export function registerSessionRoutes(api: FastifyInstance, context: SandboxContext): void {
	const { state } = context;

	api.post('/session_data/update_webhook/', HASH, async (request, reply) => {
		const parsed = parseWebhookBody(request.body, [0, 1, 2, 3], 3);
		if ('error' in parsed) return reply.code(400).send(parsed.error);
		state.sessionWebhook = parsed.config;
		return { message: 'success' };
	});

	for (const path of ['/session_data/:sessionId/session_upload_status/', '/session_data/:sessionId/upload_status/']) {
		api.get(path, HASH, async (request, reply) => {
			const session = liveSession(state, request, reply);
			return session ? uploadStatusView(state, session) : reply;
		});
	}

	api.post('/session_data/:sessionId/initiate_processing/', HASH, async (request, reply) => {
		const session = liveSession(state, request, reply);
		if (!session) return reply;
		if (session.processingRequestedAt !== null) return sendError(reply, DUPLICATE_PROCESSING_REQUEST);
		session.processingRequestedAt = context.clock.now();
		notifySessionRequirement(context, session);
		for (const statement of state.statementsOf(session.id)) context.processing.schedule(statement);
		notifySessionProgress(context, session.id);
		return reply.code(202).send({ session_id: session.id, message: 'success' });
	});

	api.get('/session_data/:sessionId/progress/', HASH, async (request, reply) => {
		const session = liveSession(state, request, reply);
		if (!session) return reply;
		if (session.processingRequestedAt === null) return sendError(reply, PROCESSING_NOT_REQUESTED);
		const progress = progressItems(state, session);
		const busy = state.statementsOf(session.id).some((s) => s.status === 'processing');
		return { session_id: session.id, session_progress: busy ? 'processing' : 'completed', progress };
	});

	api.get('/session_data/:sessionId/session_status/', HASH, async (request, reply) => {
		const session = processedSession(state, request, reply);
		if (!session) return reply;
		const accounts = state.accountsOf(session.id).map((a) => processedAccount(state, a));
		// today's docs: whether insights/ has data, i.e. some account was processed
		const insightsAvailable = accounts.some((a) => a.account_status === 'completed');
		return { session_id: session.id, insights_available: insightsAvailable, accounts };
	});

	api.delete('/session_data/:sessionId/delete/', HASH, async (request, reply) => {
		const session = liveSession(state, request, reply);
		if (!session) return reply;
		session.deleted = true;
		for (const statement of state.statementsOf(session.id)) {
			state.statements.delete(statement.id);
			await context.files.discard({ path: statement.filePath });
		}
		for (const account of state.accountsOf(session.id)) state.accounts.delete(account.id);
		return { session_id: session.id, message: 'success' };
	});
}
