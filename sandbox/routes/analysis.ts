import type { FastifyInstance, FastifyRequest } from 'fastify';
import { analysisOf } from '../accountAnalysis';
import { expenseCategories } from '../analysis/expenses';
import type { SandboxContext } from '../context';
import { requestOrigin } from '../origin';
import { reportLinks, type ReportLink } from '../reportLinks';
import type { SandboxState } from '../store/state';
import type { AccountRecord, EntityRecord } from '../store/types';
import { accountView, analysisEnvelope, identityView, progressView, topCreditsDebitsByNote } from '../views';
import { NOT_FOUND } from './forms';

/** What a read needs: the entity's accounts (after the `account_id` filter) and its statements' state. */
interface ReadInput {
	state: SandboxState;
	accounts: AccountRecord[];
	/** every statement is `completed` */
	completed: boolean;
	/** no statement is `processing` any more */
	settled: boolean;
	/** fresh one-hour report links, one per account */
	links: (detailed: boolean) => ReportLink[];
}

/**
 * A read of the seeds' family: the envelope `{entity_id, progress, accounts, fraud}` plus its key.
 * The `account_id` query keeps one account's transactions (the docs' filter on these four reads).
 */
const SEED_READS: Record<string, (input: ReadInput) => Record<string, unknown>> = {
	accounts: () => ({}),
	identity: ({ state, accounts }) => ({ identity: accounts.map((a) => identityView(state, a)) }),
	transactions: ({ state, accounts }) => ({ transactions: accounts.flatMap((a) => analysisOf(state, a.id).transactions) }),
	salary: ({ state, accounts }) => ({ transactions: accounts.flatMap((a) => analysisOf(state, a.id).salary) }),
	lender_transactions: ({ state, accounts }) => ({ transactions: accounts.flatMap((a) => analysisOf(state, a.id).lender) }),
	recurring_transactions: ({ state, accounts }) => ({
		transactions: {
			credit_transactions: accounts.flatMap((a) => analysisOf(state, a.id).recurring.credit_transactions),
			debit_transactions: accounts.flatMap((a) => analysisOf(state, a.id).recurring.debit_transactions),
		},
	}),
	// the seeds' report, retired from today's docs; links only once every statement is completed
	raw_excel_report: ({ completed, links }) => ({ reports: completed ? links(false) : [] }),
};

/** The reads only the vendor's current docs show: `{entity_id, progress (with source), <key>}`. */
const CURRENT_READS: Record<string, (input: ReadInput) => Record<string, unknown>> = {
	monthly_analysis_updated: ({ state, accounts }) => monthlyAnalysisBody(state, accounts),
	// the path before 2023-07; its body was never published: the sandbox answers as the current one
	monthly_analysis: ({ state, accounts }) => monthlyAnalysisBody(state, accounts),
	get_expense_categories: ({ state, accounts }) => ({
		categories: expenseCategories(accounts.flatMap((a) => analysisOf(state, a.id).transactions)),
	}),
	top_credits_debits: ({ state, accounts }) => ({ top_5_credit_debit: topCreditsDebitsByNote(accounts.map((a) => analysisOf(state, a.id))) }),
	// the docs: empty while any statement is processing
	xlsx_report: ({ settled, links }) => ({ reports: settled ? links(true) : [] }),
	predictors: ({ state, accounts, settled }) => ({
		predictors: settled ? accounts.map((a) => ({ account_id: a.id, predictors: analysisOf(state, a.id).predictors })) : [],
	}),
	score: ({ state, accounts, settled }) => ({
		score: settled ? accounts.map((a) => ({ account_id: a.id, score: analysisOf(state, a.id).score })) : [],
	}),
};

/** Reads that take the optional `?account_id=` filter. */
const FILTERED = new Set(['transactions', 'salary', 'lender_transactions', 'recurring_transactions', 'get_expense_categories']);

function monthlyAnalysisBody(state: SandboxState, accounts: AccountRecord[]): Record<string, unknown> {
	return {
		accounts: accounts.map((a) => accountWithCategory(state, a)),
		// the docs' own nesting: one object per account, keyed by its id, under the literal key "account_id"
		monthly_analysis: { account_id: accounts.map((a) => ({ [a.id]: { monthly_analysis: analysisOf(state, a.id).monthly } })) },
	};
}

/** The docs' account of this read carries `account_category` too. */
function accountWithCategory(state: SandboxState, account: AccountRecord): Record<string, unknown> {
	const category = state.statementsOfAccount(account.id)[0]?.parsed.identity.account_category ?? null;
	return { ...accountView(state, account), account_category: category };
}

function accountsFor(state: SandboxState, entity: EntityRecord, field: string, request: FastifyRequest): AccountRecord[] {
	const all = state.accountsOf(entity.id);
	const accountId = (request.query as Record<string, string | undefined>).account_id;
	return FILTERED.has(field) && accountId ? all.filter((a) => a.id === accountId) : all;
}

/** `GET /v1/entity/<entity_id>/<field>/`: the analysis reads of the classic flow, the seeds' and today's. */
export function registerAnalysisRoutes(api: FastifyInstance, context: SandboxContext): void {
	const { state } = context;
	api.get('/entity/:entityId/:field/', async (request, reply) => {
		const { entityId, field } = request.params as { entityId: string; field: string };
		const entity = state.entities.get(entityId);
		const seedRead = SEED_READS[field];
		const currentRead = CURRENT_READS[field];
		if (!entity || (!seedRead && !currentRead)) return reply.code(404).send(NOT_FOUND);
		const statements = state.statementsOf(entity.id);
		const accounts = accountsFor(state, entity, field, request);
		const input: ReadInput = {
			state,
			accounts,
			completed: statements.length > 0 && statements.every((s) => s.status === 'completed'),
			settled: statements.length > 0 && statements.every((s) => s.status !== 'processing'),
			links: (detailed) => reportLinks(context, requestOrigin(request), accounts, detailed),
		};
		if (seedRead) return { ...analysisEnvelope(state, entity), ...seedRead(input) };
		return { entity_id: entity.id, progress: progressView(statements, { withSource: true }), ...currentRead(input) };
	});
}
