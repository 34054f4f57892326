import type { FastifyInstance } from 'fastify';
import { analysisOf } from '../accountAnalysis';
import type { SandboxContext } from '../context';
import { requestOrigin } from '../origin';
import type { SandboxState } from '../store/state';
import type { AccountRecord } from '../store/types';
import { analysisEnvelope, identityView } from '../views';
import { NOT_FOUND } from './forms';

type FieldReader = (state: SandboxState, accounts: AccountRecord[]) => Record<string, unknown>;

/** The extra key each analysis field adds to the envelope (raw_excel_report is built apart). */
const FIELDS: Record<string, FieldReader> = {
	accounts: () => ({}),
	identity: (state, accounts) => ({ identity: accounts.map((a) => identityView(state, a)) }),
	transactions: (state, accounts) => ({ transactions: accounts.flatMap((a) => analysisOf(state, a.id).transactions) }),
	salary: (state, accounts) => ({ transactions: accounts.flatMap((a) => analysisOf(state, a.id).salary) }),
	lender_transactions: (state, accounts) => ({ transactions: accounts.flatMap((a) => analysisOf(state, a.id).lender) }),
	recurring_transactions: (state, accounts) => ({
		transactions: {
			credit_transactions: accounts.flatMap((a) => analysisOf(state, a.id).recurring.credit_transactions),
			debit_transactions: accounts.flatMap((a) => analysisOf(state, a.id).recurring.debit_transactions),
		},
	}),
};

/** `GET /v1/entity/<entity_id>/<field>/`: the analysis reads of the classic flow. */
export function registerAnalysisRoutes(api: FastifyInstance, context: SandboxContext): void {
	const { state } = context;
	api.get('/entity/:entityId/:field/', async (request, reply) => {
		const { entityId, field } = request.params as { entityId: string; field: string };
		const entity = state.entities.get(entityId);
		const reader = FIELDS[field];
		if (!entity || (reader === undefined && field !== 'raw_excel_report')) return reply.code(404).send(NOT_FOUND);
		const accounts = state.accountsOf(entity.id);
		const envelope = analysisEnvelope(state, entity);
		if (field === 'raw_excel_report') {
			const statements = state.statementsOf(entity.id);
			const allCompleted = statements.length > 0 && statements.every((s) => s.status === 'completed');
			const reports = allCompleted
				? accounts.map((a) => ({
						link: context.links.issue(requestOrigin(request), { kind: 'xlsx', accountId: a.id }, `report_${a.id}.xlsx`),
						account_id: a.id,
					}))
				: [];
			return { ...envelope, reports };
		}
		return { ...envelope, ...reader(state, accounts) };
	});
}
