import type { FastifyInstance } from 'fastify';
import { resetContext, type SandboxContext } from '../context';
import { parseFault } from '../faults';
import { expireSession, sweepExpiredSessions } from '../sessionExpiry';
import { generateStatementPdf } from '../statements/generate';
import type { StatementPattern, StatementSpec, StatementVariant } from '../statements/types';
import { findBank } from '../banks';
import type { SessionRecord } from '../store/types';

const PATTERNS: StatementPattern[] = ['salary', 'emi', 'recurring'];
const VARIANTS: StatementVariant[] = ['text', 'image', 'corrupt'];

/** Reads the sample-statement query into a spec; returns an error text for a bad one. */
export function sampleSpec(query: Record<string, string | undefined>): StatementSpec | string {
	const bank = query.bank ?? 'hdfc';
	if (!findBank(bank)) return `unknown bank "${bank}"`;
	const months = query.months === undefined ? 3 : Number(query.months);
	if (!Number.isInteger(months) || months < 1 || months > 36) return 'months must be a whole number from 1 to 36';
	const variant = (query.variant ?? 'text') as StatementVariant;
	if (!VARIANTS.includes(variant)) return 'variant must be text, image or corrupt';
	const patterns = query.pattern === undefined ? undefined : query.pattern.split(',').map((p) => p.trim()).filter(Boolean);
	if (patterns && patterns.some((p) => !PATTERNS.includes(p as StatementPattern))) return 'pattern is a comma list of salary, emi, recurring';
	if (query.end !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(query.end)) return 'end must be YYYY-MM-DD';
	const minSizeKb = query.min_size_kb === undefined ? undefined : Number(query.min_size_kb);
	if (minSizeKb !== undefined && (!Number.isFinite(minSizeKb) || minSizeKb < 0 || minSizeKb > 65536)) return 'min_size_kb must be 0..65536';
	return {
		bank: findBank(bank)!.id,
		months,
		seed: query.seed ?? 'sample',
		password: query.password || undefined,
		variant,
		patterns: patterns as StatementPattern[] | undefined,
		brokenBalance: query.broken_balance === 'true',
		oddMetadata: query.odd_metadata === 'true',
		holder: query.holder || undefined,
		accountNumber: query.account || undefined,
		endDate: query.end,
		minSizeKb,
	};
}

/** The sandbox-only routes under `/__sandbox/`: samples, faults, logs, clock and state. */
export function registerAdminRoutes(app: FastifyInstance, context: SandboxContext): void {
	const { state } = context;

	app.get('/__sandbox/sample-statement', async (request, reply) => {
		const spec = sampleSpec(request.query as Record<string, string | undefined>);
		if (typeof spec === 'string') return reply.code(400).send({ detail: spec });
		const pdf = await generateStatementPdf(spec);
		return reply
			.type('application/pdf')
			.header('content-disposition', `attachment; filename="${spec.bank}_${spec.months}m_${spec.seed}.pdf"`)
			.send(pdf);
	});

	app.post('/__sandbox/faults', async (request, reply) => {
		const fault = parseFault(request.body);
		if (typeof fault === 'string') return reply.code(400).send({ detail: fault });
		context.faults.add(fault);
		return reply.code(201).send({ faults: context.faults.list() });
	});
	app.get('/__sandbox/faults', async () => ({ faults: context.faults.list() }));
	app.delete('/__sandbox/faults', async () => {
		context.faults.clear();
		return { faults: [] };
	});

	app.get('/__sandbox/webhook-deliveries', async () => ({ deliveries: context.webhooks.attempts }));
	app.delete('/__sandbox/webhook-deliveries', async () => {
		context.webhooks.attempts.length = 0;
		return { deliveries: [] };
	});

	app.get('/__sandbox/requests', async () => ({ requests: context.requests.entries }));
	app.delete('/__sandbox/requests', async () => {
		context.requests.clear();
		return { requests: [] };
	});

	app.get('/__sandbox/statements', async () => ({
		statements: [...state.statements.values()].map((s) => ({
			statement_id: s.id,
			entity_id: s.entityId,
			session_id: s.sessionId,
			account_id: s.accountId,
			bank: s.bank,
			sha256: s.sha256,
			status: s.status,
			uploaded_at: new Date(s.uploadedAt).toISOString(),
			processing_ms: s.processingMs,
			completed_at: s.completedAt === null ? null : new Date(s.completedAt).toISOString(),
		})),
	}));

	app.get('/__sandbox/net-banking-health', async () => ({ outages: context.outages.list() }));
	app.put('/__sandbox/net-banking-health', async (request, reply) => {
		const problem = context.outages.set((request.body as { outages?: unknown } | undefined)?.outages);
		if (problem) return reply.code(400).send({ detail: problem });
		return { outages: context.outages.list() };
	});

	app.post('/__sandbox/reset', async () => {
		resetContext(context);
		return { message: 'reset' };
	});

	app.post('/__sandbox/clock', async (request, reply) => {
		const advanceMs = (request.body as { advanceMs?: unknown } | undefined)?.advanceMs;
		if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
			return reply.code(400).send({ detail: 'advanceMs must be a number >= 0' });
		}
		context.clock.advance(advanceMs);
		sweepExpiredSessions(context);
		return { now: new Date(context.clock.now()).toISOString() };
	});

	app.post('/__sandbox/sessions/:sessionId/expire', async (request, reply) => {
		const session = state.sessions.get((request.params as { sessionId: string }).sessionId);
		if (!session) return reply.code(404).send({ detail: 'Not found.' });
		expireSession(context, session);
		return { session_id: session.id, expired: true };
	});

	app.post('/__sandbox/processing-failures', async (request, reply) => {
		const body = (request.body ?? {}) as { count?: unknown; reason?: unknown };
		const count = body.count === undefined ? 1 : body.count;
		if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return reply.code(400).send({ detail: 'count must be a positive whole number' });
		const reason = typeof body.reason === 'string' ? body.reason : 'Transactions could not be extracted from the statement';
		context.processing.failNext(count, reason);
		return reply.code(201).send({ count, reason });
	});

	app.get('/__sandbox/stats', async () => {
		const memory = process.memoryUsage();
		return { rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external, arrayBuffers: memory.arrayBuffers };
	});

	app.get('/__sandbox/sessions/:sessionId', async (request, reply) => {
		const session = state.sessions.get((request.params as { sessionId: string }).sessionId);
		if (!session) return reply.code(404).send({ detail: 'Not found.' });
		return sessionRequestView(session);
	});

	app.get('/__sandbox/session/', async (request, reply) => {
		const { session_id: sessionId = '', token } = request.query as { session_id?: string; token?: string };
		const session = state.sessions.get(sessionId);
		// a V2 link is only good with its token, as the vendor's journey page checks it
		const tokenNote = session?.redirectToken ? (token === session.redirectToken ? ' Its token is valid.' : ' Its token is missing or wrong.') : '';
		return reply
			.type('text/html')
			.send(
				`<!doctype html><title>BankConnect sandbox session</title><h1>BankConnect sandbox</h1><p>Session <code>${
					session ? sessionId : 'unknown'
				}</code>.${tokenNote} The sandbox has no upload screen: upload statements with <code>POST /bank-connect/v1/statement/upload_session/</code>.</p>`,
			);
	});
}

/** What the sandbox kept of a session's create request (for tests: V2's journey, consents and metadata). */
function sessionRequestView(session: SessionRecord): Record<string, unknown> {
	return {
		session_id: session.id,
		api_version: session.apiVersion,
		link_id: session.linkId,
		from_date: session.fromDate,
		to_date: session.toDate,
		redirect_url: session.redirectUrl,
		logo_url: session.logoUrl,
		bank_name: session.bankName,
		mode: session.mode,
		mobile_number: session.mobileNumber,
		session_expiry: session.expiryMinutes,
		journey_mode: session.journeyMode,
		accept_anything: session.acceptAnything,
		is_mobile_field_editable: session.isMobileFieldEditable,
		aa_journey_code: session.v2?.aaJourneyCode ?? null,
		consents: session.v2?.consents ?? null,
		metadata: session.v2?.metadata ?? null,
		aa_recurring: session.v2?.recurring ?? null,
		redirect_token: session.redirectToken,
	};
}
