import type { FastifyInstance, FastifyRequest } from 'fastify';
import { analysisOf } from '../accountAnalysis';
import type { SandboxContext } from '../context';
import { aggregateMonthlyAnalysis, currentInsights, eodBalancesView, legacyInsightsAccount } from '../insightsViews';
import { requestOrigin } from '../origin';
import { statementPdfLinks } from '../pdfLinks';
import { aggregateReportLink, reportLink, reportLinks } from '../reportLinks';
import { processedAccount } from '../sessionViews';
import type { SandboxState } from '../store/state';
import type { AccountRecord, SessionRecord } from '../store/types';
import { firstStatement } from '../views';
import { HASH, liveSession, processedSession } from './sessionAccess';

/** What a per-type read gets: the processed session, its accounts and the request (for links). */
interface SessionRead {
	context: SandboxContext;
	state: SandboxState;
	session: SessionRecord;
	accounts: AccountRecord[];
	request: FastifyRequest;
}

function identityOf(state: SandboxState, account: AccountRecord): Record<string, unknown> {
	const identity = firstStatement(state, account)?.parsed.identity;
	return {
		account_id: account.id,
		name: identity?.name ?? null,
		address: identity?.address ?? null,
		account_number: account.accountNumber,
		bank_name: account.bank,
		ifsc: identity?.ifsc ?? null,
		micr: identity?.micr ?? null,
		account_category: identity?.account_category ?? null,
	};
}

/**
 * `/v1/session_data/<id>/<read>/` beside `insights/`. identity/ and xlsx_report/ follow the docs;
 * the others' bodies are not public: the sandbox answers `{session_id, …}` with the same data the
 * entity reads and the insights carry, one entry per account.
 */
const READS: Record<string, (read: SessionRead) => Record<string, unknown>> = {
	identity: ({ state, accounts }) => ({
		accounts: accounts.map((a) => processedAccount(state, a)),
		identity: accounts.map((a) => identityOf(state, a)),
	}),
	transactions: ({ state, accounts }) => ({
		accounts: accounts.map((a) => processedAccount(state, a)),
		transactions: accounts.flatMap((a) => analysisOf(state, a.id).transactions),
	}),
	recurring_transactions: ({ state, accounts }) => ({
		recurring_transactions: {
			credit_transactions: accounts.flatMap((a) => analysisOf(state, a.id).recurring.credit_transactions),
			debit_transactions: accounts.flatMap((a) => analysisOf(state, a.id).recurring.debit_transactions),
		},
	}),
	predictors: ({ state, accounts }) => ({ predictors: accounts.map((a) => ({ account_id: a.id, predictors: analysisOf(state, a.id).predictors })) }),
	eod_balances: ({ state, accounts }) => ({ eod_balances: accounts.map((a) => ({ account_id: a.id, eod_balances: eodBalancesView(analysisOf(state, a.id)) })) }),
	monthly_analysis_updated: ({ state, accounts }) => ({
		monthly_analysis: { account_id: accounts.map((a) => ({ [a.id]: { monthly_analysis: analysisOf(state, a.id).monthly } })) },
		aggregate_monthly_analysis: aggregateMonthlyAnalysis(accounts.map((a) => analysisOf(state, a.id))),
	}),
	xlsx_report: ({ context, accounts, request }) => ({ reports: reportLinks(context, requestOrigin(request), accounts, true) }),
};

/** The data reads of a session: `insights/` (today's shape), `subscribed_data/` (the pre-2024 one), per-type reads, PDFs. */
export function registerSessionDataRoutes(api: FastifyInstance, context: SandboxContext): void {
	const { state } = context;

	api.get('/session_data/:sessionId/insights/', HASH, async (request, reply) => {
		const session = processedSession(state, request, reply);
		if (!session) return reply;
		const origin = requestOrigin(request);
		const aggregate = aggregateReportLink(context, origin, session.id);
		return currentInsights(state, session, (account) => reportLink(context, origin, account, true), aggregate);
	});

	// the name and shape before 2024-04: accounts keyed by account_id, kept for clients written then
	api.get('/session_data/:sessionId/subscribed_data/', HASH, async (request, reply) => {
		const session = processedSession(state, request, reply);
		if (!session) return reply;
		return { session_id: session.id, accounts: Object.fromEntries(state.accountsOf(session.id).map((a) => [a.id, legacyInsightsAccount(state, a)])) };
	});

	for (const [name, read] of Object.entries(READS)) {
		api.get(`/session_data/:sessionId/${name}/`, HASH, async (request, reply) => {
			const session = processedSession(state, request, reply);
			if (!session) return reply;
			return { session_id: session.id, ...read({ context, state, session, accounts: state.accountsOf(session.id), request }) };
		});
	}

	api.get('/session_data/:sessionId/get_pdfs/', HASH, async (request, reply) => {
		const session = liveSession(state, request, reply);
		if (!session) return reply;
		return { statements: statementPdfLinks(context, requestOrigin(request), state.statementsOf(session.id)) };
	});
}
